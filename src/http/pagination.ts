import { z } from '@hono/zod-openapi';

/** `?limit=&cursor=` on every list route; the cursor is the last id of the previous page. */
export const PageQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: 'limit', in: 'query' }, example: 20 }),
  cursor: z
    .string()
    .regex(/^[a-z]{3}_[0-9a-z]{21}$/, 'not a cursor from a previous page')
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' } }),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
