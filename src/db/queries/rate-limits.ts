import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { rateLimits } from '../schema.js';

export const WINDOW_MS = 60_000;

/** The key of a user's own count; account deletion removes it with the user's other rows. */
export const userRateKey = (userId: string) => `user:${userId}`;

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
  // The first request of a key's window clears every key's old windows, so the table holds only
  // the current minute, however many addresses come once and never return.
  if (count === 1) await db.delete(rateLimits).where(lt(rateLimits.windowStart, windowStart));
  return { count, resetAt: windowStart + WINDOW_MS };
}
