import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { authTokens, critiques, drafts, messages, rateLimits, sessions, users } from '../schema.js';
import { userRateKey } from './rate-limits.js';

/**
 * Everything stored for one user, oldest first, for their export. Token rows come without their
 * hashes: a hash is a credential's fingerprint, and the export is a file people pass around.
 */
export async function accountRows(db: Db, userId: string) {
  const [tokenRows, draftRows, critiqueRows, sessionRows, messageRows] = await db.batch([
    db
      .select({ id: authTokens.id, createdAt: authTokens.createdAt, expiresAt: authTokens.expiresAt, revokedAt: authTokens.revokedAt })
      .from(authTokens)
      .where(eq(authTokens.userId, userId))
      .orderBy(asc(authTokens.id)),
    db.select().from(drafts).where(eq(drafts.userId, userId)).orderBy(asc(drafts.id)),
    db.select().from(critiques).where(eq(critiques.userId, userId)).orderBy(asc(critiques.id)),
    db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.id)),
    db.select().from(messages).where(eq(messages.userId, userId)).orderBy(asc(messages.sessionId), asc(messages.seq)),
  ]);
  return { tokens: tokenRows, drafts: draftRows, critiques: critiqueRows, sessions: sessionRows, messages: messageRows };
}

/**
 * Deletes every row of the user in every table, children first, in one transaction: nothing is
 * left half-deleted, and it does not rely on the connection having foreign keys (and so cascades)
 * turned on. Deleting the tokens is what revokes them.
 */
export async function deleteAccount(db: Db, userId: string): Promise<void> {
  await db.batch([
    db.delete(messages).where(eq(messages.userId, userId)),
    db.delete(critiques).where(eq(critiques.userId, userId)),
    db.delete(drafts).where(eq(drafts.userId, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
    db.delete(authTokens).where(eq(authTokens.userId, userId)),
    db.delete(rateLimits).where(eq(rateLimits.key, userRateKey(userId))),
    db.delete(users).where(eq(users.id, userId)),
  ]);
}
