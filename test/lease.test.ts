/**
 * Issue 16, item 9: a session's turn lock is a lease. A reply in flight renews it with a heartbeat;
 * a turn whose process died frees the session `LOOP_COACH_LOCK_LEASE_MS` (20 s by default) after
 * its last beat. The same service code runs on Node and on the Worker. The process really killed
 * mid-reply is in crash-durability.test.ts; here the lease's rules, on the test clock where they
 * can be, and on the real one where the heartbeat itself is the subject.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createLlmEngine } from '../src/coach/engines/llm-engine.js';
import { turnDeadlineMs } from '../src/coach/roleplay/turn-rules.js';
import { parseConfig } from '../src/config.js';
import type { Db } from '../src/db/client.js';
import { getSession, lockSession } from '../src/db/queries/sessions.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { BEATS_PER_LEASE, leaseUntil } from '../src/services/lease.js';
import { beginTurn } from '../src/services/turns.js';
import { newGuest, send, type Guest } from './support/api.js';
import { startScriptedOpenAI, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { parseSse } from './support/sse.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
let server: ScriptedOpenAI;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  server = await startScriptedOpenAI();
});
afterAll(async () => {
  await server.close();
  cleanup();
});

async function openSession(app: ReturnType<typeof createApp>, user: Guest): Promise<string> {
  const res = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
  expect(res.status, res.text).toBe(201);
  return (res.json() as { id: string }).id;
}

describe('the lease', () => {
  it('lapses 20 s after the last heartbeat by default, with a beat every 5 s, never past the longest a turn may take', () => {
    const config = parseConfig({});
    expect(config.lockLeaseMs).toBe(20_000);
    expect(config.lockLeaseMs / BEATS_PER_LEASE).toBe(5_000);
    const deps = testDeps(db);
    const started = deps.now();
    expect(leaseUntil(deps, started)).toBe(started + 20_000);
    deps.advance(turnDeadlineMs(deps.config) - 5_000);
    expect(leaseUntil(deps, started)).toBe(started + turnDeadlineMs(deps.config));
  });

  it('holds a crashed turn’s session while the lease is live, and lets its reply be retried once it lapses', async () => {
    // A configured lease; the turn begins and its process "dies": nothing renews the lease.
    const deps = testDeps(db, { env: { LOOP_COACH_LOCK_LEASE_MS: '7000', LOOP_COACH_RATE_LIMIT: '0' } });
    const app = createApp(deps);
    const user = await newGuest(app);
    const id = await openSession(app, user);
    await beginTurn(deps, user.userId, id, 'How can I help you this week?');
    const retry = () => send(app, 'POST', `/api/sessions/${id}/retry`, { headers: user.headers });

    expect((await retry()).status).toBe(409);
    deps.advance(6_999);
    const refused = await retry();
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'conflict', retryable: true } });
    // A new turn waits too: the reply in flight keeps its place.
    expect((await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: 'Hello?' } })).status).toBe(409);

    deps.advance(2);
    const retried = await retry();
    expect(retried.status, retried.text).toBe(200);
    expect(retried.json()).toMatchObject({ reply: { status: 'complete' } });
    const session = (await send(app, 'GET', `/api/sessions/${id}`, { headers: user.headers })).json() as { messages: Array<{ role: string; status: string }> };
    expect(session.messages.map((m) => [m.role, m.status])).toEqual([
      ['persona', 'complete'],
      ['user', 'complete'],
      ['persona', 'complete'],
    ]);
  });

  it('is renewed by the heartbeat while a slow reply streams, so no one takes the session from a live turn', async () => {
    // The real clock: the heartbeat is the subject. A 1 s lease, beats every 250 ms; the reply takes about 2 s.
    const deps = { ...testDeps(db, { env: { LOOP_COACH_LOCK_LEASE_MS: '1000', LOOP_COACH_RATE_LIMIT: '0' } }), now: () => Date.now() };
    const model = createOpenAIChatModel({ apiKey: 'k', baseURL: server.baseURL, model: 'slow', timeoutMs: 5_000, maxRetries: 0 });
    const app = createApp({ ...deps, engine: createLlmEngine(model) });
    const user = await newGuest(app);
    const id = await openSession(app, user);
    server.enqueue({ kind: 'text', text: 'Well, let me think about that for a moment, because it is a good question.', delayMs: 130 });

    const started = Date.now();
    const reply = send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: 'How can I help?' }, accept: 'text/event-stream' });
    let renewed = false;
    while (!renewed) {
      await new Promise((r) => setTimeout(r, 100));
      const row = await getSession(db, user.userId, id);
      if (!row?.inFlightUntil) throw new Error('the reply finished before its first lease would have lapsed: make it slower');
      renewed = row.inFlightUntil.getTime() > started + 1_000 + 200;
    }
    // Past the first lease, the session is still the live turn's.
    while (Date.now() < started + 1_300) await new Promise((r) => setTimeout(r, 50));
    const second = await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: 'Hello?' } });
    expect(second.status, second.text).toBe(409);
    const events = parseSse((await reply).text);
    expect(events.at(-1)?.event, JSON.stringify(events.at(-1))).toBe('done');
    expect((await getSession(db, user.userId, id))?.inFlightUntil).toBeNull();
  });

  it('stops a reply whose lease another request took over, and leaves the session to that request', async () => {
    const deps = { ...testDeps(db, { env: { LOOP_COACH_LOCK_LEASE_MS: '1000', LOOP_COACH_RATE_LIMIT: '0' } }), now: () => Date.now() };
    const model = createOpenAIChatModel({ apiKey: 'k', baseURL: server.baseURL, model: 'slow', timeoutMs: 5_000, maxRetries: 0 });
    const app = createApp({ ...deps, engine: createLlmEngine(model) });
    const user = await newGuest(app);
    const id = await openSession(app, user);
    server.enqueue({ kind: 'text', text: 'One, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve.', delayMs: 150 });

    const reply = send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: 'How can I help?' }, accept: 'text/event-stream' });
    await new Promise((r) => setTimeout(r, 300));
    // As if this process had stalled past its lease and another had taken the session.
    const taken = await lockSession(db, user.userId, id, { now: Date.now() + 60_000, until: Date.now() + 60_000, token: 'the-other-request' });
    expect(taken).toBeDefined();
    const events = parseSse((await reply).text);
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'conflict', retryable: true } });
    // The other request's lock and the pending reply are left as they were.
    const row = await getSession(db, user.userId, id);
    expect(row?.turnToken).toBe('the-other-request');
    const session = (await send(app, 'GET', `/api/sessions/${id}`, { headers: user.headers })).json() as { messages: Array<{ status: string }> };
    expect(session.messages.at(-1)?.status).toBe('pending');
  });
});
