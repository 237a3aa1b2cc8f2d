/**
 * Issue 18, item 4 (and the page headers of item 5): which header names the client, and whether
 * the browser used https, as LOOP_COACH_TRUSTED_PROXY says; guests made only by a visit or a
 * write; starting a rehearsal rate-limited; HTML never cached; the docs page under its own CSP.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { clientAddressOf, isHttpsRequest, parseTrustedProxy, TRUST_NOTHING } from '../src/auth/trusted-proxy.js';
import { ConfigError, parseConfig } from '../src/config.js';
import type { Db } from '../src/db/client.js';
import { users } from '../src/db/schema.js';
import { clientInfo } from '../src/http/client-info.js';
import { newGuest, offlineEngine, send } from './support/api.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

const headersOf = (h: Record<string, string>) => (name: string) => h[name];

describe('LOOP_COACH_TRUSTED_PROXY', () => {
  it('trusts nothing by default: the client is the peer, whatever the headers say', () => {
    const h = headersOf({ 'x-forwarded-for': '198.51.100.1', 'cf-connecting-ip': '198.51.100.2', 'x-forwarded-proto': 'https' });
    expect(clientAddressOf(TRUST_NOTHING, h, '203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressOf(parseTrustedProxy('none'), h, '203.0.113.9')).toBe('203.0.113.9');
    expect(isHttpsRequest(TRUST_NOTHING, 'http://x/', h, '203.0.113.9')).toBe(false);
    expect(isHttpsRequest(TRUST_NOTHING, 'https://x/', headersOf({}), '203.0.113.9')).toBe(true);
  });

  it('with a hop count, takes that many addresses from the right of X-Forwarded-For', () => {
    const h = headersOf({ 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2' });
    expect(clientAddressOf(parseTrustedProxy('1'), h, '10.0.0.3')).toBe('10.0.0.2');
    expect(clientAddressOf(parseTrustedProxy('2'), h, '10.0.0.3')).toBe('198.51.100.7');
    // Fewer addresses than hops: the furthest one there is.
    expect(clientAddressOf(parseTrustedProxy('5'), h, '10.0.0.3')).toBe('6.6.6.6');
    expect(clientAddressOf(parseTrustedProxy('1'), headersOf({}), '10.0.0.3')).toBe('10.0.0.3');
    expect(clientAddressOf(parseTrustedProxy('1'), headersOf({ 'x-forwarded-for': '[2001:db8::1]:443' }), '10.0.0.3')).toBe('2001:db8::1');
    expect(isHttpsRequest(parseTrustedProxy('1'), 'http://x/', headersOf({ 'x-forwarded-proto': 'https, http' }), '10.0.0.3')).toBe(true);
  });

  it('with ranges, walks X-Forwarded-For from the right past the trusted proxies; a spoofed left part never wins', () => {
    const trust = parseTrustedProxy('10.0.0.0/8, 2001:db8:ff::/48, loopback');
    const h = headersOf({ 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.1.2.3' });
    expect(clientAddressOf(trust, h, '10.0.0.3')).toBe('198.51.100.7');
    expect(clientAddressOf(trust, h, '::ffff:127.0.0.1')).toBe('198.51.100.7');
    expect(clientAddressOf(trust, headersOf({ 'x-forwarded-for': '198.51.100.7' }), '2001:db8:ff:1::5')).toBe('198.51.100.7');
    // A peer outside the ranges is the client itself: its headers are its own words.
    expect(clientAddressOf(trust, h, '203.0.113.9')).toBe('203.0.113.9');
    expect(isHttpsRequest(trust, 'http://x/', headersOf({ 'x-forwarded-proto': 'https' }), '203.0.113.9')).toBe(false);
    expect(isHttpsRequest(trust, 'http://x/', headersOf({ 'x-forwarded-proto': 'https' }), '10.0.0.3')).toBe(true);
    // Every hop trusted: the furthest; garbage where a proxy should have written an address: the last good hop.
    expect(clientAddressOf(trust, headersOf({ 'x-forwarded-for': '10.9.9.9' }), '10.0.0.3')).toBe('10.9.9.9');
    expect(clientAddressOf(trust, headersOf({ 'x-forwarded-for': 'unknown, 10.9.9.9' }), '10.0.0.3')).toBe('10.9.9.9');
  });

  it('reads CF-Connecting-IP only when told to trust Cloudflare, and then only from the listed ranges when there are some', () => {
    const h = headersOf({ 'cf-connecting-ip': '198.51.100.2', 'x-forwarded-for': '6.6.6.6' });
    expect(clientAddressOf(parseTrustedProxy('cloudflare'), h, undefined)).toBe('198.51.100.2'); // a Worker: no peer
    expect(clientAddressOf(parseTrustedProxy('cloudflare'), headersOf({}), undefined)).toBeUndefined();
    const origin = parseTrustedProxy('cloudflare,173.245.48.0/20');
    expect(clientAddressOf(origin, h, '173.245.48.9')).toBe('198.51.100.2');
    expect(clientAddressOf(origin, h, '203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressOf(parseTrustedProxy('1'), h, '10.0.0.3')).toBe('6.6.6.6');
  });

  it('refuses a setting it cannot read, naming the variable', () => {
    for (const bad of ['10.0.0.0/33', 'example.com', '300.1.1.1', '1.2.3.4/8/1', '21', 'fe80:::1']) {
      expect(() => parseConfig({ LOOP_COACH_TRUSTED_PROXY: bad }), bad).toThrow(ConfigError);
      expect(() => parseConfig({ LOOP_COACH_TRUSTED_PROXY: bad }), bad).toThrow(/LOOP_COACH_TRUSTED_PROXY/);
    }
    expect(parseConfig({}).trustedProxy).toBeUndefined();
    expect(parseConfig({ LOOP_COACH_TRUSTED_PROXY: 'private, ::1' }).trustedProxy?.ranges.length).toBeGreaterThan(2);
  });
});

describe('per-address limits behind a proxy', () => {
  /** The app as the Node entry composes it, with `peer` as the socket's address. */
  const appBehind = (setting: string | undefined, peer: string, env: Record<string, string> = {}) => {
    const deps = testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0', ...env }, engine: offlineEngine() });
    const trust = setting === undefined ? TRUST_NOTHING : parseTrustedProxy(setting);
    return createApp({ ...deps, ...clientInfo(trust, () => peer) });
  };
  const guestFrom = (app: ReturnType<typeof createApp>, headers: Record<string, string>) => send(app, 'POST', '/api/auth/guest', { headers });

  it('counts a client that forges X-Forwarded-For by its socket when no proxy is trusted', async () => {
    const app = appBehind(undefined, '203.0.113.20', { LOOP_COACH_GUEST_LIMIT: '2' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await guestFrom(app, { 'x-forwarded-for': `198.51.100.${i}`, 'cf-connecting-ip': `192.0.2.${i}` })).status);
    expect(statuses).toEqual([201, 201, 429]);
  });

  it('counts each client behind a trusted proxy on its own, and one client across forged left parts', async () => {
    const app = appBehind('1', '10.0.0.21', { LOOP_COACH_GUEST_LIMIT: '2' });
    for (let i = 0; i < 4; i++) expect((await guestFrom(app, { 'x-forwarded-for': `198.51.100.${30 + i}` })).status).toBe(201);
    const same = [];
    for (let i = 0; i < 3; i++) same.push((await guestFrom(app, { 'x-forwarded-for': `6.6.6.${i}, 198.51.100.40` })).status);
    expect(same).toEqual([201, 201, 429]);
  });

  it('marks the cookie Secure (and __Host-) from X-Forwarded-Proto only when the proxy is trusted', async () => {
    const visit = async (setting: string | undefined) =>
      (await appBehind(setting, '10.0.0.22').request('http://loop.example/', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('set-cookie') ?? '';
    expect(await visit(undefined)).toMatch(/^lc_token=lc_[\w-]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(await visit('10.0.0.0/8')).toMatch(/^__Host-lc_token=lc_[\w-]+;.*Secure/);
    expect(await visit('192.168.0.0/16')).not.toContain('Secure');
  });

  it('limits starting rehearsals like the other writes (POST /api/sessions), with retry-after', async () => {
    const app = appBehind(undefined, '203.0.113.23', { LOOP_COACH_RATE_LIMIT: '2' });
    const user = await newGuest(app);
    const start = () => send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
    expect((await start()).status).toBe(201);
    expect((await start()).status).toBe(201);
    const limited = await start();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Reads are not counted.
    expect((await send(app, 'GET', '/api/sessions', { headers: user.headers })).status).toBe(200);
  });
});

describe('guests are made by a visit or a write, never by a subresource', () => {
  const app = () => createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, engine: offlineEngine() }));
  const userCount = async () => (await db.select({ n: count() }).from(users))[0]?.n ?? 0;

  it("makes no user for another site's <img src=/>, frame or fetch", async () => {
    const before = await userCount();
    for (const dest of ['image', 'iframe', 'empty', 'script', 'style']) {
      const res = await app().request('/', { headers: { 'sec-fetch-dest': dest, 'sec-fetch-mode': 'no-cors', 'sec-fetch-site': 'cross-site' } });
      expect(res.status, dest).toBe(401);
      expect(res.headers.get('set-cookie'), dest).toBeNull();
    }
    expect(await userCount()).toBe(before);
  });

  it('makes one on a top-level navigation, from any site, on a client without Sec-Fetch-Dest, and on a first form post', async () => {
    const before = await userCount();
    const navigation = await app().request('/', { headers: { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'cross-site' } });
    expect(navigation.status).toBe(200);
    expect(navigation.headers.get('set-cookie')).toMatch(/^lc_token=/);
    // Node's and workerd's fetch send `Sec-Fetch-Mode: cors` and no destination.
    expect((await app().request('/', { headers: { 'sec-fetch-mode': 'cors' } })).headers.get('set-cookie')).toMatch(/^lc_token=/);
    const form = await app().request('/drafts', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'document' },
      body: new URLSearchParams({ text: 'How can I help with the launch?', mode: 'employee' }).toString(),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('set-cookie')).toMatch(/^lc_token=/);
    expect(await userCount()).toBe(before + 3);
  });

  it('still serves a subresource request that carries a live cookie', async () => {
    const a = app();
    const cookie = ((await a.request('/')).headers.get('set-cookie') ?? '').split(';')[0] as string;
    const res = await a.request('/progress', { headers: { cookie, 'sec-fetch-dest': 'empty', 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(200);
  });
});

describe('HTML responses', () => {
  it('are never stored, and the docs page may not be framed, load or run anything but its own style', async () => {
    const app = createApp(testDeps(db, { engine: offlineEngine() }));
    for (const path of ['/', '/docs', '/nowhere-page-404']) {
      const res = await app.request(path);
      if (!/^text\/html/.test(res.headers.get('content-type') ?? '')) continue;
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const docs = await app.request('/docs');
    expect(docs.status).toBe(200);
    const csp = docs.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
    // The style the page carries is the one its hash allows.
    const style = /<style>([\s\S]*?)<\/style>/.exec(await docs.text())?.[1] ?? '';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(style));
    expect(csp).toContain(`style-src 'sha256-${Buffer.from(digest).toString('base64')}'`);
  });
});
