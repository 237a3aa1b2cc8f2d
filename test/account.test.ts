import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import type { Db } from '../src/db/client.js';
import { addressKey } from '../src/services/rate-limits.js';
import { expectErrorShape, newGuest, offlineEngine, send } from './support/api.js';
import { rowsMentioning } from './support/db-rows.js';
import { keepAccount } from './support/passkeys.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

const appWith = (env: Record<string, string> = {}, clientAddress?: () => string | undefined) =>
  createApp({ ...testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0', ...env }, engine: offlineEngine() }), ...(clientAddress && { clientAddress }) });

/**
 * A user with a bit of everything: drafts with critiques, an ended session and an active one, a
 * relationship with its journal, and (unless `keep` is false) a passkey and a recovery code.
 */
async function busyUser(app: App, { keep = true } = {}) {
  const user = await newGuest(app);
  const draft = await send(app, 'POST', '/api/drafts/critique', {
    headers: user.headers,
    body: { text: 'Hi Dana, how can I help you with the audit this month?' },
  });
  expect(draft.status).toBe(201);
  const ids: string[] = [];
  for (const scenarioId of ['offer-help', 'goal-alignment']) {
    const session = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId } });
    const id = (session.json() as { id: string }).id;
    ids.push(id);
    await send(app, 'POST', `/api/sessions/${id}/messages`, {
      headers: user.headers,
      body: { text: 'What is the most important thing on your plate, and how could I help?' },
    });
  }
  expect((await send(app, 'POST', `/api/sessions/${ids[0]}/end`, { headers: user.headers })).status).toBe(200);
  const relationship = await send(app, 'POST', '/api/relationships', { headers: user.headers, body: { name: 'Dana Ortiz', relation: 'manager' } });
  const relationshipId = (relationship.json() as { id: string }).id;
  const entry = await send(app, 'POST', `/api/relationships/${relationshipId}/entries`, {
    headers: user.headers,
    body: { kind: 'one-on-one', at: '2026-11-03T15:00:00Z', text: "Me: How can I help?\nDana: The audit.\nMe: I'll take the evidence by Friday." },
  });
  expect(entry.status, entry.text).toBe(201);
  // Kept with a passkey and a recovery code, and a second passkey half added (its challenge stored).
  const kept = keep ? await keepAccount(app, user) : { authenticator: undefined, passkeyId: '', credentialId: '', code: '' };
  if (keep) expect((await send(app, 'POST', '/api/me/passkeys/options', { headers: user.headers })).status).toBe(200);
  return {
    ...user,
    ...kept,
    draftId: (draft.json() as { draftId: string }).draftId,
    endedId: ids[0] as string,
    activeId: ids[1] as string,
    relationshipId,
    entryId: (entry.json() as { id: string }).id,
  };
}

describe('GET /api/me/export', () => {
  it("returns all of the user's data and nothing else: no other user, no token hash, no hidden brief before the end", async () => {
    const app = appWith();
    const user = await busyUser(app);
    const other = await busyUser(app);
    const res = await send(app, 'GET', '/api/me/export', { headers: user.headers });
    expect(res.status).toBe(200);
    const body = res.json() as {
      user: { id: string };
      tokens: Array<Record<string, unknown>>;
      drafts: Array<{ id: string }>;
      critiques: Array<{ draftId?: string; sessionId?: string }>;
      sessions: Array<{ id: string; status: string; messages: unknown[]; brief?: unknown }>;
      relationships: Array<{ id: string; entries: Array<{ id: string; reading: { commitments: unknown[] } }> }>;
    };
    expect(body.user.id).toBe(user.userId);
    expect(body.relationships.map((r) => r.id)).toEqual([user.relationshipId]);
    expect(body.relationships[0]?.entries.map((e) => e.id)).toEqual([user.entryId]);
    expect(body.relationships[0]?.entries[0]?.reading.commitments).toHaveLength(1);
    expect(body.tokens).toHaveLength(1);
    expect(Object.keys(body.tokens[0] ?? {}).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'revokedAt']);
    expect(body.drafts.map((d) => d.id)).toEqual([user.draftId]);
    expect(body.critiques.map((c) => c.draftId ?? c.sessionId).sort()).toEqual([user.draftId, user.endedId].sort());
    expect(body.sessions.map((s) => s.id)).toEqual([user.endedId, user.activeId]);
    expect(body.sessions.every((s) => s.messages.length === 3)).toBe(true);
    // The brief shows once a session has ended, as on GET /api/sessions/{id}; never the canary.
    expect(body.sessions.map((s) => s.brief !== undefined)).toEqual([true, false]);
    expect(res.text).not.toMatch(/LC-[0-9a-f-]{13}/);
    expect(res.text).not.toMatch(/[0-9a-f]{64}/);
    expect(res.text).not.toContain(user.token);
    // The passkeys and the recovery code's date, never a public key, the code or its hash.
    const exported = res.json() as { passkeys: Array<{ id: string }>; recoveryCode: { createdAt: string } | null; passkeyChallenges: unknown[] };
    expect(exported.passkeys.map((p) => p.id)).toEqual([user.passkeyId]);
    expect(exported.recoveryCode).toEqual({ createdAt: expect.any(String) });
    expect(exported.passkeyChallenges).toHaveLength(1);
    const [stored] = await db.all<{ public_key: string }>(sql`select public_key from passkeys where user_id = ${user.userId}`);
    for (const part of Object.values(JSON.parse(stored?.public_key ?? '{}') as Record<string, string>).filter((v) => v.length > 20)) {
      expect(res.text).not.toContain(part);
    }
    expect(res.text).not.toContain(user.code);
    expect(res.text).not.toContain(user.code.replaceAll('-', ''));
    for (const id of [other.userId, other.draftId, other.endedId, other.activeId, other.relationshipId, other.entryId]) expect(res.text).not.toContain(id);
  });
});

describe('DELETE /api/me', () => {
  it("deletes every row of the user in every table, revokes the token, and leaves everyone else's", async () => {
    const app = appWith({ LOOP_COACH_RATE_LIMIT: '100' });
    const user = await busyUser(app);
    const other = await busyUser(app);
    const before = await rowsMentioning(db, user.userId);
    expect(before.users).toBe(1);
    expect(before.rate_limits).toBe(1);
    const otherBefore = await rowsMentioning(db, other.userId);

    const res = await send(app, 'DELETE', '/api/me', { headers: user.headers });
    expect(res.status).toBe(204);
    expect(
      Object.values(await rowsMentioning(db, user.userId)).every((n) => n === 0),
      JSON.stringify(await rowsMentioning(db, user.userId)),
    ).toBe(true);
    for (const id of [user.draftId, user.endedId, user.activeId, user.relationshipId, user.entryId]) {
      expect(Object.values(await rowsMentioning(db, id)).every((n) => n === 0)).toBe(true);
    }
    expect(await rowsMentioning(db, other.userId)).toEqual(otherBefore);

    const after = await send(app, 'GET', '/api/me', { headers: user.headers });
    expect(after.status).toBe(401);
    expectErrorShape(after.json());
    expect((await send(app, 'GET', `/api/sessions/${other.activeId}`, { headers: other.headers })).status).toBe(200);
  });
});

describe('expired guests', () => {
  it('are purged, with every row of theirs, when new guests arrive; live guests are kept', async () => {
    const deps = testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '100', LOOP_COACH_TOKEN_TTL_DAYS: '1' }, engine: offlineEngine() });
    const app = createApp(deps);
    // Without a passkey or a recovery code: a guest who kept one is kept (test/passkeys.test.ts).
    const expired = await busyUser(app, { keep: false });
    const revoked = await busyUser(app, { keep: false });
    expect((await send(app, 'POST', '/api/auth/logout', { headers: revoked.headers })).status).toBe(204);
    deps.advance(12 * 3_600_000);
    const live = await busyUser(app); // created half a day later: still live when the others expire
    const liveBefore = await rowsMentioning(db, live.userId);
    deps.advance(13 * 3_600_000);

    expect(Object.values(await rowsMentioning(db, expired.userId)).some((n) => n > 0)).toBe(true);
    await newGuest(app);
    for (const gone of [expired, revoked]) {
      const left = await rowsMentioning(db, gone.userId);
      expect(
        Object.values(left).every((n) => n === 0),
        JSON.stringify(left),
      ).toBe(true);
      for (const id of [gone.draftId, gone.endedId, gone.activeId]) expect(Object.values(await rowsMentioning(db, id)).every((n) => n === 0)).toBe(true);
    }
    expect(await rowsMentioning(db, live.userId)).toEqual(liveBefore);
    expect((await send(app, 'GET', `/api/sessions/${live.activeId}`, { headers: live.headers })).status).toBe(200);
  });
});

describe('token lifetime', () => {
  it("replaces a token used in the second half of its life, on the API and in the pages' cookie; an unused one expires", async () => {
    const deps = testDeps(db, { env: { LOOP_COACH_TOKEN_TTL_DAYS: '1' }, engine: offlineEngine() });
    const app = createApp(deps);
    const kept = await newGuest(app);
    const idle = await newGuest(app);
    deps.advance(6 * 3_600_000);
    const early = await send(app, 'GET', '/api/me', { headers: kept.headers }); // early in its life: no write
    expect(early.status).toBe(200);
    expect(early.headers.get('loop-coach-token')).toBeNull();
    deps.advance(8 * 3_600_000); // 14 h: past half
    const renewing = await send(app, 'GET', '/api/me', { headers: kept.headers });
    expect(renewing.status).toBe(200);
    const next = renewing.headers.get('loop-coach-token') ?? '';
    expect(next).toMatch(/^lc_[\w-]{43}$/);
    expect(renewing.headers.get('loop-coach-token-expires')).toBe(new Date(deps.now() + 86_400_000).toISOString());
    // The replaced token works for a minute more (requests already on their way), then only the new one does.
    expect((await send(app, 'GET', '/api/me', { headers: kept.headers })).headers.get('loop-coach-token')).toBeNull();
    deps.advance(61_000);
    expect((await send(app, 'GET', '/api/me', { headers: kept.headers })).status).toBe(401);
    deps.advance(12 * 3_600_000); // 26 h: past the first token's expiry, inside the new one's
    expect((await send(app, 'GET', '/api/me', { headers: { authorization: `Bearer ${next}` } })).status).toBe(200);
    expect((await send(app, 'GET', '/api/me', { headers: idle.headers })).status).toBe(401);

    // The pages replace the cookie along with the token, so the browser holds the new one as long.
    const page = await app.request('/');
    const cookie = /lc_token=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBeDefined();
    expect((await app.request('/', { headers: { cookie: `lc_token=${cookie}` } })).headers.get('set-cookie')).toBeNull();
    deps.advance(13 * 3_600_000);
    const renewed = await app.request('/', { headers: { cookie: `lc_token=${cookie}` } });
    expect(renewed.status).toBe(200);
    const replaced = /^lc_token=([^;]+);.*Max-Age=86400/.exec(renewed.headers.get('set-cookie') ?? '')?.[1];
    expect(replaced).toMatch(/^lc_[\w-]{43}$/);
    expect(replaced).not.toBe(cookie);
    deps.advance(61_000);
    expect((await app.request('/progress', { headers: { cookie: `lc_token=${replaced}` } })).headers.get('set-cookie')).toBeNull();
  });
});

describe('per-user caps', () => {
  it('refuses a session or draft over the cap with 422 and a message saying what to do', async () => {
    const app = appWith({ LOOP_COACH_MAX_SESSIONS: '2', LOOP_COACH_MAX_DRAFTS: '1' });
    const user = await newGuest(app);
    for (let i = 0; i < 2; i++)
      expect((await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } })).status).toBe(201);
    const session = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
    expect(session.status).toBe(422);
    expect(session.json()).toMatchObject({ error: { code: 'session_limit', message: expect.stringMatching(/2 rehearsals.*delete some/) } });

    expect((await send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: 'How can I help?' } })).status).toBe(201);
    const draft = await send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: 'How can I help?' } });
    expect(draft.status).toBe(422);
    expect(draft.json()).toMatchObject({ error: { code: 'draft_limit', message: expect.stringMatching(/1 saved drafts.*delete some/) } });

    // Deleting makes room again; and the cap is per user, not global.
    const { items } = (await send(app, 'GET', '/api/drafts', { headers: user.headers })).json() as { items: Array<{ id: string }> };
    expect((await send(app, 'DELETE', `/api/drafts/${items[0]?.id}`, { headers: user.headers })).status).toBe(204);
    expect((await send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: 'How can I help?' } })).status).toBe(201);
    const fresh = await newGuest(app);
    expect((await send(app, 'POST', '/api/sessions', { headers: fresh.headers, body: { scenarioId: 'offer-help' } })).status).toBe(201);
  });
});

describe('rate limits per client address', () => {
  it('limits one address across many guest tokens, with retry-after; other addresses are unaffected', async () => {
    let address = '203.0.113.7';
    const app = appWith({ LOOP_COACH_RATE_LIMIT: '3' }, () => address);
    const critique = async () => {
      const user = await newGuest(app); // a fresh token each time: the per-user limit never trips
      return send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: 'How can I help?' } });
    };
    for (let i = 0; i < 3; i++) expect((await critique()).status).toBe(201);
    const limited = await critique();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited', retryable: true } });
    address = '198.51.100.9';
    expect((await critique()).status).toBe(201);
  });

  it('limits new guests per address, on the API and on a first page visit, with retry-after', async () => {
    let address = '203.0.113.50';
    const app = appWith({ LOOP_COACH_GUEST_LIMIT: '2' }, () => address);
    for (let i = 0; i < 2; i++) expect((await send(app, 'POST', '/api/auth/guest')).status).toBe(201);
    const limited = await send(app, 'POST', '/api/auth/guest');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/new guest accounts/) } });
    // A page visit without a cookie would make a guest too: refused with the error page, no cookie.
    const page = await app.request('/');
    expect(page.status).toBe(429);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(await page.text()).toMatch(/new guest accounts/);
    address = '198.51.100.50';
    expect((await send(app, 'POST', '/api/auth/guest')).status).toBe(201);
  });

  it('keys IPv6 clients by their /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::ffff:192.0.2.1')).toBe(addressKey('192.0.2.1'));
    expect(addressKey('fe80::1%eth0')).toBe('ip:fe80:0:0:0::/64');
  });
});

describe('security headers', () => {
  it('marks API responses nosniff, no-referrer, unframeable and uncacheable, errors and streams included', async () => {
    const app = appWith();
    const user = await newGuest(app);
    const session = (await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } })).json() as { id: string };
    const responses = [
      await send(app, 'GET', '/api/me', { headers: user.headers }),
      await send(app, 'GET', '/api/me'),
      await send(app, 'GET', '/api/nothing'),
      await send(app, 'POST', `/api/sessions/${session.id}/messages`, {
        headers: user.headers,
        body: { text: 'How can I help?' },
        accept: 'text/event-stream',
      }),
    ];
    for (const res of responses) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    expect(responses[0]?.headers.get('cache-control')).toBe('no-store');
    // Pages bring their own CSP: the API's would block the docs page's inline style.
    const docs = await send(app, 'GET', '/docs');
    expect(docs.headers.get('x-content-type-options')).toBe('nosniff');
    expect(docs.headers.get('content-security-policy')).not.toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
