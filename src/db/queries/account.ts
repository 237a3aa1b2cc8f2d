import { and, asc, eq, gte, inArray, isNull, lt, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import {
  authTokens,
  critiques,
  drafts,
  messages,
  passkeyChallenges,
  passkeys,
  rateLimits,
  recoveryCodes,
  relationshipEntries,
  relationships,
  sessions,
  users,
} from '../schema.js';
import { userRateKey } from './rate-limits.js';

/**
 * Everything stored for one user, oldest first, for their export. Token rows come without their
 * hashes: a hash is a credential's fingerprint, and the export is a file people pass around.
 */
export async function accountRows(db: Db, userId: string) {
  const [tokenRows, draftRows, critiqueRows, sessionRows, messageRows, rateRows, relationshipRows, entryRows, passkeyRows, codeRows, challengeRows] =
    await db.batch([
      db
        .select({ id: authTokens.id, createdAt: authTokens.createdAt, expiresAt: authTokens.expiresAt, revokedAt: authTokens.revokedAt })
        .from(authTokens)
        .where(eq(authTokens.userId, userId))
        .orderBy(asc(authTokens.id)),
      db.select().from(drafts).where(eq(drafts.userId, userId)).orderBy(asc(drafts.id)),
      db.select().from(critiques).where(eq(critiques.userId, userId)).orderBy(asc(critiques.id)),
      db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.id)),
      db.select().from(messages).where(eq(messages.userId, userId)).orderBy(asc(messages.sessionId), asc(messages.seq)),
      db
        .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
        .from(rateLimits)
        .where(eq(rateLimits.key, userRateKey(userId)))
        .orderBy(asc(rateLimits.windowStart)),
      db.select().from(relationships).where(eq(relationships.userId, userId)).orderBy(asc(relationships.id)),
      db.select().from(relationshipEntries).where(eq(relationshipEntries.userId, userId)).orderBy(asc(relationshipEntries.id)),
      // A passkey's public key verifies its signatures and tells the person nothing; a recovery code's hash is a credential's fingerprint.
      db
        .select({
          id: passkeys.id,
          credentialId: passkeys.credentialId,
          name: passkeys.name,
          signCount: passkeys.signCount,
          transports: passkeys.transports,
          backedUp: passkeys.backedUp,
          createdAt: passkeys.createdAt,
          lastUsedAt: passkeys.lastUsedAt,
        })
        .from(passkeys)
        .where(eq(passkeys.userId, userId))
        .orderBy(asc(passkeys.id)),
      db.select({ createdAt: recoveryCodes.createdAt }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
      db
        .select({ purpose: passkeyChallenges.purpose, createdAt: passkeyChallenges.createdAt, expiresAt: passkeyChallenges.expiresAt })
        .from(passkeyChallenges)
        .where(eq(passkeyChallenges.userId, userId))
        .orderBy(asc(passkeyChallenges.createdAt)),
    ]);
  return {
    tokens: tokenRows,
    drafts: draftRows,
    critiques: critiqueRows,
    sessions: sessionRows,
    messages: messageRows,
    rateLimits: rateRows,
    relationships: relationshipRows,
    entries: entryRows,
    passkeys: passkeyRows,
    recoveryCodes: codeRows,
    passkeyChallenges: challengeRows,
  };
}

/**
 * Deletes every row of the user in every table, children first, in one transaction: nothing is
 * left half-deleted, and it does not rely on the connection having foreign keys (and so cascades)
 * turned on. Deleting the tokens is what revokes them. The rows' bytes go too: overwritten in the
 * database file (secure_delete, set on the connection) and out of the -wal file (`checkpoint`).
 */
export async function deleteAccount(db: Db, userId: string): Promise<void> {
  await deleteUsers(db, [userId]);
}

async function deleteUsers(db: Db, ids: string[]): Promise<void> {
  await deleteRows(db, ids);
  await checkpoint(db);
}

/**
 * After a deletion that must leave nothing behind: in WAL mode the pages written before the
 * delete stay in the -wal file, deleted rows and all, until a checkpoint copies the newest pages
 * into the database; TRUNCATE then empties the -wal file. Only for the embedded file: a libSQL
 * server (sqld, Turso, the Worker's database) keeps its own log and files, beyond the app's reach.
 */
async function checkpoint(db: Db): Promise<void> {
  if (db.$client.protocol === 'file') await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
}

async function deleteRows(db: Db, ids: string[]): Promise<void> {
  await db.batch([
    db.delete(messages).where(inArray(messages.userId, ids)),
    db.delete(critiques).where(inArray(critiques.userId, ids)),
    db.delete(drafts).where(inArray(drafts.userId, ids)),
    db.delete(sessions).where(inArray(sessions.userId, ids)),
    db.delete(relationshipEntries).where(inArray(relationshipEntries.userId, ids)),
    db.delete(relationships).where(inArray(relationships.userId, ids)),
    db.delete(passkeys).where(inArray(passkeys.userId, ids)),
    db.delete(recoveryCodes).where(inArray(recoveryCodes.userId, ids)),
    db.delete(passkeyChallenges).where(inArray(passkeyChallenges.userId, ids)),
    db.delete(authTokens).where(inArray(authTokens.userId, ids)),
    db.delete(rateLimits).where(inArray(rateLimits.key, ids.map(userRateKey))),
    db.delete(users).where(inArray(users.id, ids)),
  ]);
}

const live = alias(authTokens, 'live');

/**
 * Deletes up to `limit` guests whose every token has expired and who kept no other way in (a
 * passkey or a recovery code): nothing of theirs can ever be read again, and keeping it would
 * only grow the database (and hold personal data no one can reach). A guest who kept a way in is
 * kept until they delete their account. Oldest expiries first, through the expiry index; deleted as
 * `deleteAccount` deletes, all of them in one transaction. Returns how many.
 */
export async function purgeExpiredGuests(db: Db, now: number, limit: number): Promise<number> {
  const rows = await db
    .select({ userId: authTokens.userId })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(
      and(
        lt(authTokens.expiresAt, new Date(now)),
        eq(users.kind, 'guest'),
        notExists(
          db
            .select({ id: live.id })
            .from(live)
            .where(and(eq(live.userId, authTokens.userId), gte(live.expiresAt, new Date(now)), isNull(live.revokedAt))),
        ),
        notExists(db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, authTokens.userId))),
        notExists(db.select({ userId: recoveryCodes.userId }).from(recoveryCodes).where(eq(recoveryCodes.userId, authTokens.userId))),
      ),
    )
    .orderBy(asc(authTokens.expiresAt))
    .limit(limit);
  const ids = [...new Set(rows.map((r) => r.userId))];
  if (ids.length === 0) return 0;
  await deleteUsers(db, ids);
  return ids.length;
}
