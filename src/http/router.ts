import { OpenAPIHono } from '@hono/zod-openapi';
import { ValidationError } from '../errors.js';
import type { AppEnv } from './app-env.js';
import { issueDetails } from './problem.js';

/** Every router shares one validation hook, so a schema failure anywhere is the same 400. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ValidationError(`Invalid ${result.target}.`, { details: issueDetails(result.error.issues) });
      }
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
