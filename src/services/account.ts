import { generateToken, hashToken, isWellFormedToken, REPLACED_TOKEN_GRACE_MS, rememberTokenHash } from '../auth/tokens.js';
import { accountRows, deleteAccount as deleteAccountRows, purgeExpiredGuests } from '../db/queries/account.js';
import type { Critique } from '../coach/critique/critique-schema.js';
import type { MessageRow, SessionRow } from '../db/queries/sessions.js';
import { createGuest, findUserByTokenHash, replaceToken, revokeToken as revokeTokenRow, type User } from '../db/queries/users.js';
import type { Deps } from '../deps.js';
import { limitGuestCreation } from './rate-limits.js';
import { sessionJson } from './session-view.js';
import { relationshipJson } from './relationships.js';

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
 * The user a token belongs to, if it is live. A token that is not of our shape is refused before
 * it is hashed (and is never cached). A token in the second half of its life is `renewDue`: the
 * caller replaces it with `renewToken` once the request is done.
 */
export async function authenticate(deps: Pick<Deps, 'db' | 'now' | 'config'>, token: string) {
  if (!isWellFormedToken(token)) return undefined;
  const tokenHash = await hashToken(token);
  const now = deps.now();
  const found = await findUserByTokenHash(deps.db, tokenHash, now);
  if (!found) return undefined;
  rememberTokenHash(token, tokenHash);
  return { user: found.user, tokenId: found.tokenId, renewDue: found.expiresAt.getTime() - now <= deps.config.tokenTtlMs / 2 };
}

/**
 * Renewal replaces a token rather than extend it: the new one gets a whole lifetime and the old
 * one works for REPLACED_TOKEN_GRACE_MS more. So people who keep coming back keep their account,
 * no token string outlives its lifetime (a leaked one dies), and a stolen token that is used
 * shows: the owner's copy stops working. Undefined when there is nothing to replace (the token
 * was revoked or the account deleted meanwhile, or a concurrent request already replaced it).
 */
export async function renewToken(
  deps: Pick<Deps, 'db' | 'now' | 'newId' | 'config'>,
  userId: string,
  tokenId: string,
): Promise<{ token: string; expiresAt: Date } | undefined> {
  const token = generateToken();
  const now = deps.now();
  const expiresAt = now + deps.config.tokenTtlMs;
  const opts = { userId, oldId: tokenId, tokenHash: await hashToken(token), now, expiresAt, graceUntil: now + REPLACED_TOKEN_GRACE_MS };
  return (await replaceToken(deps.db, deps.newId, opts)) ? { token, expiresAt: new Date(expiresAt) } : undefined;
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
    sessions: rows.sessions.map((s) => sessionExport(s, transcripts.get(s.id) ?? [], latestCritique.get(s.id))),
    // This minute's request count, kept under the user's id until a later minute clears it.
    rateLimits: rows.rateLimits.map((r) => ({ windowStart: iso(new Date(r.windowStart)), count: r.count })),
    // The passkeys that sign in to the account (never their public keys), whether it has a recovery code (never the code or
    // its hash), and the challenge of a passkey being added right now, if any (its value is a one-time nonce, not kept past it).
    passkeys: rows.passkeys.map((p) => ({ ...p, createdAt: iso(p.createdAt), lastUsedAt: p.lastUsedAt ? iso(p.lastUsedAt) : null })),
    recoveryCode: rows.recoveryCodes[0] ? { createdAt: iso(rows.recoveryCodes[0].createdAt) } : null,
    passkeyChallenges: rows.passkeyChallenges.map((c) => ({ purpose: c.purpose, createdAt: iso(c.createdAt), expiresAt: iso(c.expiresAt) })),
    // Each relationship with its journal: every entry's reading as it was made, and the user's corrections apart.
    relationships: rows.relationships.map((r) => ({
      ...relationshipJson(r),
      entries: rows.entries
        .filter((e) => e.relationshipId === r.id)
        .map((e) => ({
          id: e.id,
          relationshipId: e.relationshipId,
          kind: e.kind,
          at: iso(e.at),
          text: e.text,
          reading: e.reading,
          correction: e.correction,
          provider: e.provider,
          model: e.model,
          createdAt: iso(e.createdAt),
          updatedAt: iso(e.updatedAt),
        })),
    })),
  };
}

/**
 * A session as GET /api/sessions/{id} shows it (the hidden brief stays hidden until the session
 * ends), plus what that view leaves out and the database keeps: the running summary, what the
 * persona has learned and revealed (`state`: facts named only by kind), the counters, and each
 * message's engine and reading. Not the canary, which is the leak guard's secret, nor the token
 * naming the turn that holds the session's lock.
 */
function sessionExport(session: SessionRow, transcript: readonly MessageRow[], critique: Critique | undefined) {
  const view = sessionJson(session, transcript, critique);
  return {
    ...view,
    summary: session.summary,
    summarizedThrough: session.summarizedThrough,
    state: session.state,
    nextSeq: session.nextSeq,
    inFlightUntil: session.inFlightUntil ? iso(session.inFlightUntil) : null,
    relationshipId: session.relationshipId,
    personaOverride: session.personaOverride,
    messages: view.messages.map((m, i) => {
      const row = transcript[i] as MessageRow;
      return { ...m, provider: row.provider, model: row.model, reading: row.reading };
    }),
  };
}

/** Deletes the user and everything of theirs; their tokens stop working with it. */
export async function deleteAccount(deps: Pick<Deps, 'db'>, userId: string): Promise<void> {
  await deleteAccountRows(deps.db, userId);
}
