import type { MiddlewareHandler } from 'hono';
import type { Log } from '../deps.js';
import type { AppEnv } from './app-env.js';

/** One structured line per request, after the response is known (errors included). */
// Durations use the monotonic clock, not `deps.now`, which tests may freeze.
export function requestLog(log: Log): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now();
    await next();
    log({
      level: 'info',
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 100) / 100,
      ...(c.get('user') && { userId: c.get('user').id }),
    });
  };
}
