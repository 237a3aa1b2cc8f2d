import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { NewId } from '../../ids.js';
import type { Db } from '../client.js';
import { compileQuery, first } from '../compiled.js';
import { authTokens, users } from '../schema.js';

export type User = typeof users.$inferSelect;

/** A guest user and its first token, in one transaction so a user never exists without a way in. */
export async function createGuest(db: Db, newId: NewId, opts: { tokenHash: string; now: number; tokenTtlMs: number }): Promise<User> {
  const user: User = { id: newId('usr'), kind: 'guest', createdAt: new Date(opts.now) };
  await db.batch([
    db.insert(users).values(user),
    db.insert(authTokens).values({
      id: newId('tok'),
      userId: user.id,
      tokenHash: opts.tokenHash,
      createdAt: new Date(opts.now),
      expiresAt: new Date(opts.now + opts.tokenTtlMs),
    }),
  ]);
  return user;
}

// Every authenticated request runs this, so it is compiled once (see ../compiled.ts).
const tokenUser = { id: users.id, kind: users.kind, createdAt: users.createdAt, tokenId: authTokens.id, expiresAt: authTokens.expiresAt };
const tokenLookup = compileQuery<{ tokenHash: string; now: Date }, User & { tokenId: string; expiresAt: Date }>(tokenUser, (w) =>
  w
    .select(tokenUser)
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.tokenHash, sql.placeholder('tokenHash')), isNull(authTokens.revokedAt), gt(authTokens.expiresAt, sql.placeholder('now'))))
    .limit(1),
);

/**
 * The user a live token belongs to. Looking the token up by its hash means the secret itself is
 * never compared, so the comparison leaks nothing about it through timing. A token's expiry is
 * never extended: a token due for renewal is replaced (`replaceToken`).
 */
export async function findUserByTokenHash(db: Db, tokenHash: string, now: number): Promise<{ user: User; tokenId: string; expiresAt: Date } | undefined> {
  const row = await first(db, tokenLookup, { tokenHash, now: new Date(now) });
  if (!row) return undefined;
  return { user: { id: row.id, kind: row.kind, createdAt: row.createdAt }, tokenId: row.tokenId, expiresAt: row.expiresAt };
}

/**
 * Issues a new token (`tokenHash`, live until `expiresAt`) in place of a live one, which then works
 * only until `graceUntil`. In one batch, and only while the old token is live and the user has no
 * token issued within the grace period: a token revoked or deleted by the request that renews it
 * is never replaced, and concurrent renewals of one token issue one replacement. False when none was issued.
 */
export async function replaceToken(
  db: Db,
  newId: NewId,
  opts: { userId: string; oldId: string; tokenHash: string; now: number; expiresAt: number; graceUntil: number },
): Promise<boolean> {
  const { userId, oldId, now, graceUntil } = opts;
  const [inserted] = await db.batch([
    db.run(sql`
      INSERT INTO ${authTokens} (id, user_id, token_hash, created_at, expires_at)
      SELECT ${newId('tok')}, ${userId}, ${opts.tokenHash}, ${now}, ${opts.expiresAt}
      WHERE EXISTS (SELECT 1 FROM ${authTokens} WHERE id = ${oldId} AND user_id = ${userId} AND revoked_at IS NULL AND expires_at > ${now})
        AND NOT EXISTS (SELECT 1 FROM ${authTokens} WHERE user_id = ${userId} AND created_at > ${now - (graceUntil - now)})`),
    db
      .update(authTokens)
      .set({ expiresAt: sql`min(${authTokens.expiresAt}, ${graceUntil})` })
      .where(and(eq(authTokens.id, oldId), eq(authTokens.userId, userId))),
  ]);
  return inserted.rowsAffected === 1;
}

export async function revokeToken(db: Db, userId: string, tokenId: string, now: number): Promise<void> {
  await db
    .update(authTokens)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(authTokens.id, tokenId), eq(authTokens.userId, userId)));
}

/** Revokes the token with this hash, whoever holds it: a browser signing in to another account gives up the one its cookie held. */
export async function revokeTokenByHash(db: Db, tokenHash: string, now: number): Promise<void> {
  await db
    .update(authTokens)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(authTokens.tokenHash, tokenHash), isNull(authTokens.revokedAt)));
}
