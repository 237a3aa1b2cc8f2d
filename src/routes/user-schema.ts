import { z } from '@hono/zod-openapi';
import type { User } from '../services/account.js';

export const UserSchema = z
  .object({
    id: z.string().openapi({ example: 'usr_0mfz3k2a1x9q8w7e6r5t4y3u' }),
    kind: z.enum(['guest']),
    createdAt: z.iso.datetime(),
  })
  .openapi('User');

export function userJson(user: User): z.infer<typeof UserSchema> {
  return { id: user.id, kind: user.kind, createdAt: user.createdAt.toISOString() };
}
