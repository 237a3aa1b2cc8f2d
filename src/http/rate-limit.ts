import type { MiddlewareHandler } from 'hono';
import type { Deps } from '../deps.js';
import { limitModelCalls } from '../services/rate-limits.js';
import type { AppEnv } from './app-env.js';

/** The per-minute limit on model-calling requests (see `limitModelCalls`), as middleware. GETs call no model. */
export function rateLimit(deps: Pick<Deps, 'db' | 'now' | 'config' | 'clientAddress'>): MiddlewareHandler<AppEnv> {
  return async function rateLimit(c, next) {
    if (deps.config.rateLimitPerMinute === 0 || c.req.method === 'GET') return next();
    await limitModelCalls(deps, c.get('user').id, deps.clientAddress?.(c));
    await next();
  };
}
