import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { unstable_startWorker } from 'wrangler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHranaServer } from './support/hrana-server.js';
import { SoftAuthenticator } from './support/soft-authenticator.js';

const run = promisify(execFile);
type Worker = Awaited<ReturnType<typeof unstable_startWorker>>;

let dir: string;
let hrana: Awaited<ReturnType<typeof startHranaServer>>;
let worker: Worker;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loop-coach-worker-'));
  hrana = await startHranaServer({ dbPath: join(dir, 'remote.db') });
  // The way an operator prepares a Worker's remote database: the real npm script, over HTTP.
  const migrated = await run('npm', ['run', '--silent', 'db:migrate'], {
    env: { ...process.env, DATABASE_URL: hrana.url, LOOP_COACH_PROVIDER: 'offline' },
  });
  expect(migrated.stdout).toContain('Migrations applied');

  // Miniflare would fetch request.cf data from workers.cloudflare.com; there is no network here.
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
  worker = await unstable_startWorker({
    config: 'wrangler.toml',
    bindings: { DATABASE_URL: { type: 'plain_text', value: hrana.url } },
    dev: { server: { port: 0 }, inspector: false, persist: false, watch: false, logLevel: 'warn' },
  });
  await worker.ready;
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
  await hrana?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Worker in workerd, against libSQL over HTTP', () => {
  it('reports healthy with a real database query', async () => {
    const res = await worker.fetch('http://loop-coach.test/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok', provider: 'offline', model: 'offline' });
  });

  it('creates a guest whose token then authenticates (a write, then a read)', async () => {
    const created = await worker.fetch('http://loop-coach.test/api/auth/guest', { method: 'POST' });
    expect(created.status).toBe(201);
    const { token, user } = (await created.json()) as { token: string; user: { id: string } };
    const me = await worker.fetch('http://loop-coach.test/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { id: user.id } });
  });

  it('runs a role-play turn: the one-batch lock, messages and history, then the settle, over HTTP', async () => {
    const { token } = (await (await worker.fetch('http://loop-coach.test/api/auth/guest', { method: 'POST' })).json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await worker.fetch('http://loop-coach.test/api/sessions', { method: 'POST', headers, body: JSON.stringify({ scenarioId: 'offer-help' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    for (const text of ['How can I help you this week?', 'I can take the release notes off your plate.']) {
      const turn = await worker.fetch(`http://loop-coach.test/api/sessions/${id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text }) });
      expect(turn.status).toBe(200);
      const body = (await turn.json()) as { userMessage: { content: string }; reply: { role: string; status: string; content: string } };
      expect(body.userMessage.content).toBe(text);
      expect(body.reply).toMatchObject({ role: 'persona', status: 'complete' });
      expect(body.reply.content.length).toBeGreaterThan(0);
    }
    const session = (await (await worker.fetch(`http://loop-coach.test/api/sessions/${id}`, { headers })).json()) as {
      messages: Array<{ role: string; status: string }>;
    };
    expect(session.messages.map((m) => `${m.role}:${m.status}`)).toEqual([
      'persona:complete',
      'user:complete',
      'persona:complete',
      'user:complete',
      'persona:complete',
    ]);
    const missing = await worker.fetch('http://loop-coach.test/api/sessions/ses_missing/messages', {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: 'Hello?' }),
    });
    expect(missing.status).toBe(404);
  });

  it('serves the web pages: a first visit gets the home page and a guest cookie', async () => {
    const res = await worker.fetch('http://loop-coach.test/');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^lc_token=/);
    expect(await res.text()).toContain('data-engine="offline"');
    expect((await worker.fetch('http://loop-coach.test/ui/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('adds passkeys (ES256, RS256) and signs in with them on workerd’s WebCrypto; a forged answer is 401', async () => {
    const call = async (path: string, init: { token?: string; body?: unknown } = {}) => {
      const res = await worker.fetch(`http://loop-coach.test${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const { token, user } = (await call('/api/auth/guest')).body as { token: string; user: { id: string } };
    for (const alg of [-7, -257] as const) {
      const authenticator = new SoftAuthenticator('http://loop-coach.test', { alg });
      const options = (await call('/api/me/passkeys/options', { token })).body as { challenge: string; user: { id: string } };
      expect((await call('/api/me/passkeys', { token, body: { credential: await authenticator.register(options) } })).status).toBe(201);
      const challenge = (await call('/api/auth/passkey/options')).body as { challenge: string };
      const signedIn = await call('/api/auth/passkey', { body: { credential: await authenticator.signIn(challenge) } });
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
      expect(signedIn.body).toMatchObject({ user: { id: user.id } });
      const again = (await call('/api/auth/passkey/options')).body as { challenge: string };
      const forged = await authenticator.signIn(again, undefined, { origin: 'https://evil.example' });
      expect((await call('/api/auth/passkey', { body: { credential: forged } })).status).toBe(401);
    }
  });

  it('answers errors in the one JSON shape', async () => {
    const cases: Array<[string, { method?: string; headers?: Record<string, string>; body?: string }, number, string]> = [
      ['/api/nothing', {}, 404, 'not_found'],
      ['/api/me', {}, 401, 'unauthorized'],
      ['/api/auth/guest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }, 400, 'malformed_json'],
    ];
    for (const [path, init, status, code] of cases) {
      const res = await worker.fetch(`http://loop-coach.test${path}`, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(await res.json()).toMatchObject({ error: { code } });
    }
  });
});

describe('npm run build:worker', () => {
  it('bundles the Worker with wrangler (dry run)', async () => {
    const out = join(dir, 'dist');
    await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', out], { env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
    const bundle = join(out, 'worker.js');
    expect(statSync(bundle).size).toBeGreaterThan(0);
    const gzip = gzipSync(readFileSync(bundle)).length;
    // Our bar (start-up grows with size; see bench/worker-bundle.ts); Cloudflare's own limit is 3 MiB.
    expect(gzip).toBeLessThanOrEqual(450 * 1024);
  }, 120_000);
});
