import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/client.js';
import { createTestDb, testDeps, type TestDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
let deps: TestDeps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  deps = testDeps(db, { env: { LOOP_COACH_BODY_LIMIT_BYTES: '2048', LOOP_COACH_TOKEN_TTL_DAYS: '1' } });
  app = createApp(deps);
});
afterAll(() => cleanup());

async function guest(): Promise<{ token: string; userId: string }> {
  const res = await app.request('/api/auth/guest', { method: 'POST' });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { token: string; user: { id: string } };
  return { token: body.token, userId: body.user.id };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function expectErrorShape(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
}

describe('GET /healthz', () => {
  it('checks the database with a real query and names the engine', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok', provider: 'offline', model: 'offline' });
  });

  it('answers 503 when the database is unreachable', async () => {
    const broken = await createTestDb();
    const brokenApp = createApp(testDeps(broken.db));
    broken.db.$client.close();
    const res = await brokenApp.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', db: 'down', provider: 'offline' });
    broken.cleanup();
  });
});

describe('guest auth', () => {
  it('creates a user and a token that authenticates', async () => {
    const res = await app.request('/api/auth/guest', { method: 'POST' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { token: string; expiresAt: string; user: { id: string; kind: string; createdAt: string } };
    expect(body.token).toMatch(/^lc_[A-Za-z0-9_-]{43}$/);
    expect(body.user).toMatchObject({ kind: 'guest', createdAt: '2026-11-27T09:00:00.000Z' });
    expect(body.expiresAt).toBe('2026-11-28T09:00:00.000Z');

    const me = await app.request('/api/me', { headers: bearer(body.token) });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: body.user });
  });

  it('stores only a hash of the token', async () => {
    const { token, userId } = await guest();
    const rows = await db.query.authTokens.findMany({ where: (t, { eq }) => eq(t.userId, userId) });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token.slice(3));
  });

  it('answers 401 JSON without a token, with a malformed header, or with an unknown token', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, bearer('lc_not-a-real-token')]) {
      const res = await app.request('/api/me', { headers });
      expect(res.status).toBe(401);
      expectErrorShape(await res.json(), 'unauthorized');
    }
  });

  it('refuses an expired token', async () => {
    const { token } = await guest();
    deps.advance(86_400_000 + 1);
    const res = await app.request('/api/me', { headers: bearer(token) });
    expect(res.status).toBe(401);
  });

  it('logout revokes exactly the token used', async () => {
    const { token } = await guest();
    const other = await guest();
    const out = await app.request('/api/auth/logout', { method: 'POST', headers: bearer(token) });
    expect(out.status).toBe(204);
    expect((await app.request('/api/me', { headers: bearer(token) })).status).toBe(401);
    expect((await app.request('/api/me', { headers: bearer(other.token) })).status).toBe(200);
  });
});

describe('error shapes', () => {
  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await app.request('/api/auth/guest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expectErrorShape(await res.json(), 'malformed_json');
  });

  it('answers a non-JSON body (what curl -d sends) with 400', async () => {
    const res = await app.request('/api/auth/guest', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expectErrorShape(await res.json(), 'unsupported_content_type');
  });

  it('answers an unknown route with 404 JSON, with or without a token', async () => {
    const { token } = await guest();
    for (const headers of [{}, bearer(token)]) {
      const res = await app.request('/api/nothing', { headers });
      expect(res.status).toBe(404);
      expectErrorShape(await res.json(), 'not_found');
    }
  });

  it('answers a body over the limit with 413 before parsing it', async () => {
    const res = await app.request('/api/auth/guest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(4096) }),
    });
    expect(res.status).toBe(413);
    expectErrorShape(await res.json(), 'payload_too_large');
  });

  it('over real HTTP: judges a Content-Length body by the header, counts a chunked one, and still reads JSON', async () => {
    // app.request() sends no Content-Length, so the header path is only reachable through a socket.
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const post = (body: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/api/auth/guest', method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      const big = JSON.stringify({ padding: 'x'.repeat(4096) });
      const sized = await post(big, { 'content-length': String(Buffer.byteLength(big)) });
      expect(sized.status).toBe(413);
      expectErrorShape(JSON.parse(sized.body), 'payload_too_large');
      const chunked = await post(big, { 'transfer-encoding': 'chunked' });
      expect(chunked.status).toBe(413);
      expectErrorShape(JSON.parse(chunked.body), 'payload_too_large');
      const broken = await post('{not json', { 'content-length': '9' });
      expect(broken.status).toBe(400);
      expectErrorShape(JSON.parse(broken.body), 'malformed_json');
      const ok = await post('{}', { 'content-length': '2' });
      expect(ok.status).toBe(201);
      expect(JSON.parse(ok.body)).toMatchObject({ token: expect.any(String) });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('puts a request id on every response, errors included, and logs one line per request', async () => {
    const before = deps.logs.length;
    const ok = await app.request('/healthz');
    const missing = await app.request('/api/nothing');
    const bad = await app.request('/api/me');
    const ids = [ok, missing, bad].map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);

    const lines = deps.logs.slice(before).filter((l) => l.msg === 'request');
    expect(lines.map((l) => [l.requestId, l.status])).toEqual([
      [ids[0], 200],
      [ids[1], 404],
      [ids[2], 401],
    ]);
  });

  it('keeps a sane caller-supplied request id and replaces a hostile one', async () => {
    const kept = await app.request('/healthz', { headers: { 'x-request-id': 'trace-123' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-123');
    const replaced = await app.request('/healthz', { headers: { 'x-request-id': 'evil;drop table' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
