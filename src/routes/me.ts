import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../http/problem.js';
import { createRouter } from '../http/router.js';
import { UserSchema, userJson } from './user-schema.js';

const me = createRoute({
  method: 'get',
  path: '/',
  tags: ['account'],
  summary: 'The user the token belongs to',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'The current user', content: { 'application/json': { schema: z.object({ user: UserSchema }) } } },
    ...errorResponses(401),
  },
});

/** Mounted behind `requireUser`. */
export function meRoutes() {
  return createRouter().openapi(me, (c) => c.json({ user: userJson(c.get('user')) }, 200));
}
