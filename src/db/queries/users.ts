import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { NewId } from '../../ids.js';
import type { Db } from '../client.js';
import { columnArg, compile, compileQuery, first, run } from '../compiled.js';
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

const renewStatement = compile<{ id: string; until: Date }>((w) =>
  w
    .update(authTokens)
    .set({ expiresAt: columnArg(authTokens.expiresAt, 'until') })
    .where(eq(authTokens.id, sql.placeholder('id'))),
);

/**
 * The user a live token belongs to. Looking the token up by its hash means the secret itself is
 * never compared, so the comparison leaks nothing about it through timing. With `ttlMs`, a token
 * used in the second half of its life gets a whole new lifetime (`renewed`): people who keep coming
 * back keep their account, while an abandoned one still expires (and is then purged). The write
 * happens at most once per half lifetime of a token.
 */
export async function findUserByTokenHash(
  db: Db,
  tokenHash: string,
  now: number,
  ttlMs?: number,
): Promise<{ user: User; tokenId: string; expiresAt: Date; renewed: boolean } | undefined> {
  const row = await first(db, tokenLookup, { tokenHash, now: new Date(now) });
  if (!row) return undefined;
  const user = { id: row.id, kind: row.kind, createdAt: row.createdAt };
  if (ttlMs === undefined || row.expiresAt.getTime() - now > ttlMs / 2) return { user, tokenId: row.tokenId, expiresAt: row.expiresAt, renewed: false };
  const until = new Date(now + ttlMs);
  await run(db, renewStatement, { id: row.tokenId, until });
  return { user, tokenId: row.tokenId, expiresAt: until, renewed: true };
}

export async function revokeToken(db: Db, userId: string, tokenId: string, now: number): Promise<void> {
  await db
    .update(authTokens)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(authTokens.id, tokenId), eq(authTokens.userId, userId)));
}
