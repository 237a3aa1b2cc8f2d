import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { PROVIDERS } from '../llm/chat-model.js';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    db: z.enum(['ok', 'down']),
    provider: z.enum(PROVIDERS),
    model: z.string(),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'Serving, database reachable', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'Database unreachable', content: { 'application/json': { schema: HealthSchema } } },
  },
});

export function healthRoutes(deps: Pick<Deps, 'db' | 'engine' | 'log'>) {
  return createRouter().openapi(route, async (c) => {
    const engine = { provider: deps.engine.provider, model: deps.engine.model };
    try {
      await deps.db.run(sql`select 1`);
      return c.json({ status: 'ok' as const, db: 'ok' as const, ...engine }, 200);
    } catch (err) {
      deps.log({ level: 'error', msg: 'health check: database unreachable', error: String(err) });
      return c.json({ status: 'degraded' as const, db: 'down' as const, ...engine }, 503);
    }
  });
}
