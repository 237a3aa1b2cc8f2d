import { and, eq, gt, isNull } from 'drizzle-orm';
import type { NewId } from '../../ids.js';
import type { Db } from '../client.js';
import { authTokens, users } from '../schema.js';

export type User = typeof users.$inferSelect;

/** A guest user and its first token, in one transaction so a user never exists without a way in. */
export async function createGuest(
  db: Db,
  newId: NewId,
  opts: { tokenHash: string; now: number; tokenTtlMs: number },
): Promise<User> {
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

/**
 * The user a live token belongs to. Looking the token up by its hash means the secret itself is
 * never compared, so the comparison leaks nothing about it through timing.
 */
export async function findUserByTokenHash(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<{ user: User; tokenId: string } | undefined> {
  const [row] = await db
    .select({ user: users, tokenId: authTokens.id })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.tokenHash, tokenHash), isNull(authTokens.revokedAt), gt(authTokens.expiresAt, new Date(now))))
    .limit(1);
  return row;
}

export async function revokeToken(db: Db, userId: string, tokenId: string, now: number): Promise<void> {
  await db
    .update(authTokens)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(authTokens.id, tokenId), eq(authTokens.userId, userId)));
}
