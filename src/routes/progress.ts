import { createRoute } from '@hono/zod-openapi';
import { ProgressSchema } from '../coach/progress.js';
import type { Deps } from '../deps.js';
import { errorResponses } from '../http/problem.js';
import { createRouter } from '../http/router.js';
import { getProgress } from '../services/progress.js';

const progress = createRoute({
  method: 'get',
  path: '/',
  tags: ['progress'],
  summary: 'The loop tracker: each step of the loop, scores over time, and the open loop',
  security: [{ bearer: [] }],
  responses: { 200: { description: 'Your progress', content: { 'application/json': { schema: ProgressSchema } } }, ...errorResponses(401) },
});

/** Mounted behind `requireUser`. */
export function progressRoutes(deps: Pick<Deps, 'db' | 'now'>) {
  return createRouter().openapi(progress, async (c) => c.json(await getProgress(deps, c.get('user').id), 200));
}
