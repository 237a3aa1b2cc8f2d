import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { rateLimit } from '../http/rate-limit.js';

/**
 * Runs a model-calling step under the API's per-user limit. Called inside the page handler, not
 * mounted as middleware, so a refusal (429) reaches the handler like any other error and the page
 * can show it with the user's text still in the box.
 */
export function withinRateLimit(deps: Parameters<typeof rateLimit>[0]) {
  const limit = rateLimit(deps);
  return async <T>(c: Context<AppEnv>, step: () => Promise<T>): Promise<T> => {
    let result: { value: T } | undefined;
    await limit(c, async () => {
      result = { value: await step() };
    });
    if (!result) throw new Error('the rate limiter neither refused nor ran the step');
    return result.value;
  };
}
