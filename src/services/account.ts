import { generateToken, hashToken } from '../auth/tokens.js';
import { accountRows, deleteAccount as deleteAccountRows, purgeExpiredGuests } from '../db/queries/account.js';
import type { MessageRow } from '../db/queries/sessions.js';
import { createGuest, findUserByTokenHash, revokeToken as revokeTokenRow, type User } from '../db/queries/users.js';
import type { Deps } from '../deps.js';
import { limitGuestCreation } from './rate-limits.js';
import { sessionJson } from './session-view.js';

export type { User } from '../db/queries/users.js';

/** Expired guests removed per new guest: more than arrive, so the table never grows with them. */
const PURGE_PER_GUEST = 20;

/**
 * A new guest user and its token: the API hands the token out, the pages keep it in a cookie.
 * Limited per client address; each new guest also clears out a few whose tokens have expired.
 */
export async function startGuest(
  deps: Pick<Deps, 'db' | 'newId' | 'now' | 'config'>,
  address: string | undefined,
): Promise<{ token: string; user: User; expiresAt: Date }> {
  await limitGuestCreation(deps, address);
  const token = generateToken();
  const now = deps.now();
  const user = await createGuest(deps.db, deps.newId, { tokenHash: await hashToken(token), now, tokenTtlMs: deps.config.tokenTtlMs });
  await purgeExpiredGuests(deps.db, now, PURGE_PER_GUEST);
  return { token, user, expiresAt: new Date(now + deps.config.tokenTtlMs) };
}

/**
 * The user a token belongs to, if it is live. A token used in the second half of its life gets a
 * new lifetime (`renewed`), so whoever holds it in a cookie must renew the cookie too.
 */
export async function authenticate(deps: Pick<Deps, 'db' | 'now' | 'config'>, token: string) {
  return findUserByTokenHash(deps.db, await hashToken(token), deps.now(), deps.config.tokenTtlMs);
}

export async function revokeToken(deps: Pick<Deps, 'db' | 'now'>, userId: string, tokenId: string): Promise<void> {
  await revokeTokenRow(deps.db, userId, tokenId, deps.now());
}

const iso = (d: Date) => d.toISOString();

/** Everything stored about the user, as one document (`GET /api/me/export`). */
export async function exportAccount(deps: Pick<Deps, 'db' | 'now'>, user: User) {
  const rows = await accountRows(deps.db, user.id);
  const transcripts = new Map<string, MessageRow[]>();
  for (const m of rows.messages) {
    const transcript = transcripts.get(m.sessionId);
    if (transcript) transcript.push(m);
    else transcripts.set(m.sessionId, [m]);
  }
  const latestCritique = new Map(rows.critiques.filter((r) => r.sessionId).map((r) => [r.sessionId as string, r.body]));
  return {
    exportedAt: iso(new Date(deps.now())),
    user,
    tokens: rows.tokens.map((t) => ({
      id: t.id,
      createdAt: iso(t.createdAt),
      expiresAt: iso(t.expiresAt),
      revokedAt: t.revokedAt ? iso(t.revokedAt) : null,
    })),
    drafts: rows.drafts.map((d) => ({ id: d.id, mode: d.mode, text: d.text, context: d.context, createdAt: iso(d.createdAt) })),
    critiques: rows.critiques.map((r) => r.body),
    // The same view as GET /api/sessions/{id}: the hidden brief and canary stay hidden until a session ends.
    sessions: rows.sessions.map((s) => sessionJson(s, transcripts.get(s.id) ?? [], latestCritique.get(s.id))),
  };
}

/** Deletes the user and everything of theirs; their tokens stop working with it. */
export async function deleteAccount(deps: Pick<Deps, 'db'>, userId: string): Promise<void> {
  await deleteAccountRows(deps.db, userId);
}
