import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { errorResponses } from '../http/problem.js';
import { createRouter } from '../http/router.js';
import { revokeToken, startGuest } from '../services/account.js';
import { UserSchema, userJson } from './user-schema.js';

const GuestSchema = z
  .object({
    token: z.string().openapi({ description: 'Send as "Authorization: Bearer <token>". Shown once; only its hash is stored.' }),
    expiresAt: z.iso.datetime(),
    user: UserSchema,
  })
  .openapi('GuestSession');

const guest = createRoute({
  method: 'post',
  path: '/guest',
  tags: ['auth'],
  summary: 'Create a guest user and its token',
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: GuestSchema } } },
    ...errorResponses(400, 413, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Revoke the token this request carries',
  security: [{ bearer: [] }],
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401) },
});

/** `/guest` is public; `/logout` is mounted behind `requireUser` by the app. */
export function authRoutes(deps: Deps) {
  return createRouter()
    .openapi(guest, async (c) => {
      const { token, user, expiresAt } = await startGuest(deps, deps.clientAddress?.(c));
      return c.json({ token, expiresAt: expiresAt.toISOString(), user: userJson(user) }, 201);
    })
    .openapi(logout, async (c) => {
      await revokeToken(deps, c.get('user').id, c.get('tokenId'));
      return c.body(null, 204);
    });
}
