/**
 * Issue 18, item 5: tokens of the wrong shape are refused before any work and never cached;
 * renewal replaces a token (the old one works for a minute more); no token outlives its maximum
 * age; the cookie is `__Host-` over https.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { cachedTokenCount, generateToken, isWellFormedToken, REPLACED_TOKEN_GRACE_MS } from '../src/auth/tokens.js';
import type { Db } from '../src/db/client.js';
import { authTokens, users } from '../src/db/schema.js';
import { TOKEN_EXPIRES_HEADER, TOKEN_HEADER } from '../src/http/require-user.js';
import { newGuest, offlineEngine, send } from './support/api.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

const DAY = 86_400_000;
const newApp = (env: Record<string, string> = {}) => {
  const deps = testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0', ...env }, engine: offlineEngine() });
  return { deps, app: createApp(deps) };
};
const tokensOf = async (userId: string) => (await db.select({ n: count() }).from(authTokens).where(eq(authTokens.userId, userId)))[0]?.n;

describe('token shape', () => {
  it('knows its own tokens and nothing else', () => {
    for (let i = 0; i < 20; i++) expect(isWellFormedToken(generateToken())).toBe(true);
    const good = generateToken();
    for (const bad of ['', 'lc_', `${good}x`, good.slice(0, -1), `xx_${good.slice(3)}`, `${good.slice(0, -1)}+`, `${good.slice(0, -1)}=`, 'a'.repeat(15_000)]) {
      expect(isWellFormedToken(bad), bad.slice(0, 60)).toBe(false);
    }
  });

  it('refuses malformed and unknown tokens with the same 401, and caches only tokens that were found', async () => {
    const { app } = newApp();
    const user = await newGuest(app);
    const me = (token: string) => send(app, 'GET', '/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect((await me(user.token)).status).toBe(200);
    const cached = cachedTokenCount();
    const unknown = await me(generateToken());
    const huge = await me(`lc_${'A'.repeat(15_000)}`);
    expect(unknown.status).toBe(401);
    expect(huge.status).toBe(401);
    expect(huge.json()).toEqual(unknown.json());
    // The memory the issue measured: thousands of unique tokens, none of them live, cost no cache.
    for (let i = 0; i < 3_000; i++) expect((await me(i % 2 ? generateToken() : `lc_${i}${'B'.repeat(15_000)}`)).status).toBe(401);
    expect(cachedTokenCount()).toBe(cached);
    // The cookie is held to the same shape.
    const page = await app.request('/progress', { headers: { cookie: `lc_token=${'C'.repeat(5_000)}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toMatch(/^lc_token=lc_/);
  });
});

describe('renewal replaces the token', () => {
  it('sends the replacement once, keeps the old token for the grace period only, and issues one replacement for concurrent requests', async () => {
    const { deps, app } = newApp({ LOOP_COACH_TOKEN_TTL_DAYS: '2' });
    const user = await newGuest(app);
    deps.advance(1.5 * DAY);
    const [a, b] = await Promise.all([send(app, 'GET', '/api/me', { headers: user.headers }), send(app, 'GET', '/api/progress', { headers: user.headers })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const issued = [a, b].map((r) => r.headers.get(TOKEN_HEADER)).filter((t): t is string => t !== null);
    expect(issued).toHaveLength(1);
    expect(await tokensOf(user.userId)).toBe(2);
    const next = issued[0] as string;
    expect([a, b].find((r) => r.headers.get(TOKEN_HEADER))?.headers.get(TOKEN_EXPIRES_HEADER)).toBe(new Date(deps.now() + 2 * DAY).toISOString());

    deps.advance(REPLACED_TOKEN_GRACE_MS - 1_000);
    expect((await send(app, 'GET', '/api/me', { headers: user.headers })).status).toBe(200);
    deps.advance(2_000);
    expect((await send(app, 'GET', '/api/me', { headers: user.headers })).status).toBe(401);
    const fresh = await send(app, 'GET', '/api/me', { headers: { authorization: `Bearer ${next}` } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get(TOKEN_HEADER)).toBeNull();
  });

  it('replaces nothing when the request that would renew logs out or deletes the account', async () => {
    const { deps, app } = newApp({ LOOP_COACH_TOKEN_TTL_DAYS: '2' });
    const user = await newGuest(app);
    deps.advance(1.5 * DAY);
    const logout = await send(app, 'POST', '/api/auth/logout', { headers: user.headers });
    expect(logout.status).toBe(204);
    expect(logout.headers.get(TOKEN_HEADER)).toBeNull();
    expect(await tokensOf(user.userId)).toBe(1);
    expect((await send(app, 'GET', '/api/me', { headers: user.headers })).status).toBe(401);

    const other = await newGuest(app);
    deps.advance(1.5 * DAY);
    const deleted = await send(app, 'DELETE', '/api/me', { headers: other.headers });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get(TOKEN_HEADER)).toBeNull();
    expect((await db.select({ n: count() }).from(users).where(eq(users.id, other.userId)))[0]?.n).toBe(0);
  });

  it('gives every token an absolute lifetime: never extended, and never longer than the maximum age', async () => {
    const { deps, app } = newApp({ LOOP_COACH_TOKEN_TTL_DAYS: '365', LOOP_COACH_TOKEN_MAX_AGE_DAYS: '90' });
    const res = await send(app, 'POST', '/api/auth/guest');
    const { token, expiresAt, user } = res.json() as { token: string; expiresAt: string; user: { id: string } };
    expect(expiresAt).toBe(new Date(deps.now() + 90 * DAY).toISOString());
    // Used every day: replaced once past half its life, and the first token's expiry never moved.
    let current = token;
    for (let day = 1; day <= 100; day++) {
      deps.advance(DAY);
      const r = await send(app, 'GET', '/api/me', { headers: { authorization: `Bearer ${current}` } });
      expect(r.status, `day ${day}`).toBe(200);
      current = r.headers.get(TOKEN_HEADER) ?? current;
    }
    expect(current).not.toBe(token);
    const first = await db
      .select({ expiresAt: authTokens.expiresAt, createdAt: authTokens.createdAt })
      .from(authTokens)
      .where(and(eq(authTokens.userId, user.id)));
    for (const row of first) expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(90 * DAY);
    expect((await send(app, 'GET', '/api/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe('the cookie over https', () => {
  it('is __Host-lc_token, Secure; the API reads that name over https and the plain one over http', async () => {
    const { app } = newApp();
    const visit = await app.request('https://loop.example/');
    const setCookie = visit.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-lc_token=lc_[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const value = /=([^;]+)/.exec(setCookie)?.[1] as string;
    const me = (url: string, cookie: string) => app.request(url, { headers: { cookie } });
    expect((await me('https://loop.example/api/me', `__Host-lc_token=${value}`)).status).toBe(200);
    expect((await me('https://loop.example/api/me', `lc_token=${value}`)).status).toBe(401);
    expect((await me('http://localhost/api/me', `lc_token=${value}`)).status).toBe(200);
    // Deleting the account clears whichever name the browser holds.
    const del = await app.request('https://loop.example/account/delete', {
      method: 'POST',
      headers: { cookie: `__Host-lc_token=${value}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'confirm=yes',
    });
    expect(del.status).toBe(303);
    expect(del.headers.get('set-cookie')).toMatch(/__Host-lc_token=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Lax/);
  });
});
