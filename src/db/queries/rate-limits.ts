import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { rateLimits } from '../schema.js';

export const WINDOW_MS = 60_000;

/**
 * Counts one request for `key` in the current minute and returns the count so far. The upsert
 * is one statement, so concurrent requests (on any isolate) never lose an increment.
 */
export async function countRequest(db: Db, key: string, now: number): Promise<{ count: number; resetAt: number }> {
  const windowStart = now - (now % WINDOW_MS);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  // The first request of a window clears the key's old windows, so the table stays one row per active key.
  if (count === 1) await db.delete(rateLimits).where(and(eq(rateLimits.key, key), lt(rateLimits.windowStart, windowStart)));
  return { count, resetAt: windowStart + WINDOW_MS };
}
