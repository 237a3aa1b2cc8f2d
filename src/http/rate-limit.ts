import type { MiddlewareHandler } from 'hono';
import { countRequest } from '../db/queries/rate-limits.js';
import type { Deps } from '../deps.js';
import { RateLimitedError } from '../errors.js';
import type { AppEnv } from './app-env.js';

/**
 * Limits model-calling requests per user per minute (`LOOP_COACH_RATE_LIMIT`, 0 = off). The
 * count lives in the database so every Worker isolate and every Node process agree.
 */
export function rateLimit(deps: Pick<Deps, 'db' | 'now' | 'config'>): MiddlewareHandler<AppEnv> {
  const limit = deps.config.rateLimitPerMinute;
  return async function rateLimit(c, next) {
    if (limit === 0 || c.req.method === 'GET') return next();
    const now = deps.now();
    const { count, resetAt } = await countRequest(deps.db, `user:${c.get('user').id}`, now);
    if (count > limit) {
      throw new RateLimitedError(`Too many requests: at most ${limit} a minute. Try again shortly.`, {
        retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
      });
    }
    await next();
  };
}
