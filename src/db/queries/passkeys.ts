import { and, asc, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { authTokens, passkeyChallenges, passkeys, recoveryCodes, users } from '../schema.js';
import type { User } from './users.js';

export type PasskeyRow = typeof passkeys.$inferSelect;
/** A passkey as lists show it: everything but its public key, which only a sign-in reads. */
export type PasskeyListing = Omit<PasskeyRow, 'publicKey'>;
type Purpose = (typeof passkeyChallenges.$inferSelect)['purpose'];

/** A token to issue on a sign-in: its id, its hash, and when it was made and expires (epoch ms). */
export interface NewToken {
  id: string;
  tokenHash: string;
  now: number;
  expiresAt: number;
}

const listing = {
  id: passkeys.id,
  userId: passkeys.userId,
  credentialId: passkeys.credentialId,
  signCount: passkeys.signCount,
  transports: passkeys.transports,
  backedUp: passkeys.backedUp,
  name: passkeys.name,
  createdAt: passkeys.createdAt,
  lastUsedAt: passkeys.lastUsedAt,
};

/**
 * Stores a challenge just handed out. Expired ones go first (through the expiry index), so the
 * table holds only ceremonies under way; a guest has one registration under way at a time, its newest.
 */
export async function saveChallenge(db: Db, opts: { challenge: string; purpose: Purpose; userId: string | null; now: number; expiresAt: number }) {
  await db.batch([
    db.delete(passkeyChallenges).where(lt(passkeyChallenges.expiresAt, new Date(opts.now))),
    ...(opts.userId ? [db.delete(passkeyChallenges).where(eq(passkeyChallenges.userId, opts.userId))] : []),
    db.insert(passkeyChallenges).values({
      challenge: opts.challenge,
      purpose: opts.purpose,
      userId: opts.userId,
      createdAt: new Date(opts.now),
      expiresAt: new Date(opts.expiresAt),
    }),
  ]);
}

/**
 * Uses up a challenge: true when it was handed out for this purpose (and this guest, for a
 * registration) and had not expired. One statement, so of two answers naming it only one gets it.
 */
export async function takeChallenge(db: Db, opts: { challenge: string; purpose: Purpose; userId: string | null; now: number }): Promise<boolean> {
  const rows = await db
    .delete(passkeyChallenges)
    .where(
      and(
        eq(passkeyChallenges.challenge, opts.challenge),
        eq(passkeyChallenges.purpose, opts.purpose),
        opts.userId ? eq(passkeyChallenges.userId, opts.userId) : isNull(passkeyChallenges.userId),
      ),
    )
    .returning({ expiresAt: passkeyChallenges.expiresAt });
  return rows.some((r) => r.expiresAt.getTime() > opts.now);
}

/** Oldest first, `limit + 1` of them after the cursor (see services/page.ts). */
export async function listPasskeys(db: Db, userId: string, page: { limit: number; cursor?: string | undefined }): Promise<PasskeyListing[]> {
  return db
    .select(listing)
    .from(passkeys)
    .where(and(eq(passkeys.userId, userId), page.cursor ? gt(passkeys.id, page.cursor) : undefined))
    .orderBy(asc(passkeys.id))
    .limit(page.limit + 1);
}

export async function countPasskeys(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}

/** False when an account already holds this credential (credential ids are unique across accounts). */
export async function insertPasskey(db: Db, row: PasskeyRow): Promise<boolean> {
  const inserted = await db.insert(passkeys).values(row).onConflictDoNothing({ target: passkeys.credentialId }).returning({ id: passkeys.id });
  return inserted.length === 1;
}

export async function deletePasskey(db: Db, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning({ id: passkeys.id });
  return deleted.length === 1;
}

/**
 * The passkey a sign-in names, whoever holds it: the one read not scoped to a user, because
 * finding out which user is what a sign-in is for. The caller proves the person holds its key.
 */
export async function findPasskeyByCredential(db: Db, credentialId: string): Promise<PasskeyRow | undefined> {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId)).limit(1);
  return row;
}

/** After a verified sign-in: the passkey's counter, backup state and last use, and a new token for its user, in one batch. */
export async function recordPasskeySignIn(
  db: Db,
  opts: { passkey: PasskeyRow; signCount: number; backedUp: boolean; token: NewToken },
): Promise<User | undefined> {
  const { passkey, token } = opts;
  const [, , [user]] = await db.batch([
    db
      .update(passkeys)
      .set({ signCount: opts.signCount, backedUp: opts.backedUp, lastUsedAt: new Date(token.now) })
      .where(and(eq(passkeys.id, passkey.id), eq(passkeys.userId, passkey.userId))),
    db.insert(authTokens).values({
      id: token.id,
      userId: passkey.userId,
      tokenHash: token.tokenHash,
      createdAt: new Date(token.now),
      expiresAt: new Date(token.expiresAt),
    }),
    db.select().from(users).where(eq(users.id, passkey.userId)),
  ]);
  return user;
}

/** Sets the guest's recovery code (its hash), replacing any earlier one, which stops working. */
export async function setRecoveryCode(db: Db, userId: string, codeHash: string, now: number): Promise<void> {
  await db
    .insert(recoveryCodes)
    .values({ userId, codeHash, createdAt: new Date(now) })
    .onConflictDoUpdate({ target: recoveryCodes.userId, set: { codeHash, createdAt: new Date(now) } });
}

export async function recoveryCodeOf(db: Db, userId: string): Promise<{ createdAt: Date } | undefined> {
  const [row] = await db.select({ createdAt: recoveryCodes.createdAt }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return row;
}

/**
 * Signs in with a recovery code: a token for the code's user, and the code used up, in one
 * transaction. The token is inserted only where the code is found, so two sign-ins racing with
 * one code make one token between them. Undefined when no code has this hash.
 */
export async function redeemRecoveryCode(db: Db, codeHash: string, token: NewToken): Promise<User | undefined> {
  const [[user], , deleted] = await db.batch([
    db
      .select({ id: users.id, kind: users.kind, createdAt: users.createdAt })
      .from(recoveryCodes)
      .innerJoin(users, eq(users.id, recoveryCodes.userId))
      .where(eq(recoveryCodes.codeHash, codeHash)),
    db.run(sql`
      INSERT INTO ${authTokens} (id, user_id, token_hash, created_at, expires_at)
      SELECT ${token.id}, user_id, ${token.tokenHash}, ${token.now}, ${token.expiresAt} FROM ${recoveryCodes} WHERE code_hash = ${codeHash}`),
    db.delete(recoveryCodes).where(eq(recoveryCodes.codeHash, codeHash)).returning({ userId: recoveryCodes.userId }),
  ]);
  return deleted.length === 1 ? user : undefined;
}
