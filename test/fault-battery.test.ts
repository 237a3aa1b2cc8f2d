/**
 * Fault battery: the real OpenAI client against the scripted server injecting faults at random
 * (429, 500, 503, connection reset, hang, stall, truncated stream, malformed JSON, empty choice)
 * over 1,000+ turns across concurrent sessions. Every user turn is stored exactly once, no reply is
 * stored half-written as complete, every failed turn is retryable and succeeds once the provider
 * recovers, and the transcripts end up exactly as the clients saw them. FAULTS_FULL=1 runs five
 * times as many turns; FAULT_SEED=n draws another sequence of faults.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { turnDeadlineMs } from '../src/coach/roleplay/turn-rules.js';
import type { Db } from '../src/db/client.js';
import { callDeadlineMs } from '../src/llm/chat-model.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { newGuest, send, type Guest } from './support/api.js';
import { startScriptedOpenAI, type RecordedRequest, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { parseSse } from './support/sse.js';
import { createTestDb, testDeps } from './support/test-deps.js';

const FULL = process.env.FAULTS_FULL === '1';
const SESSIONS = FULL ? 50 : 25;
const TURNS_PER_SESSION = FULL ? 100 : 40;
const SEED = Number(process.env.FAULT_SEED) || 20261127;
const TIMEOUT_MS = 200;
const RETRIES = 1;

const FAULTS = ['429', '500', '503', 'reset', 'hang', 'stall', 'truncated', 'malformed', 'empty'] as const;
type Fault = (typeof FAULTS)[number];

/** A small seeded generator (mulberry32): the same faults in the same proportions on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let db: Db;
let cleanup: () => void;
let server: ScriptedOpenAI;
/** Chance that a model request meets a fault; 0 once the provider has "recovered". */
let faultRate = 0;
/** When set, every request not scripted otherwise meets this fault. */
let forced: Fault | undefined;
const rand = random(SEED);
const injected: Record<string, number> = {};

const base = { id: 'chatcmpl-fault', created: 0, model: 'faulty' };
const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** The model's answer: names the user's last words, so a reply in the wrong session would show. */
function answerTo(recorded: RecordedRequest): string {
  const last = recorded.body?.messages?.at(-1);
  return `Noted (${String(last?.content ?? '').slice(0, 60)}). What would you do first?`;
}

function words(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

function healthy(res: ServerResponse, recorded: RecordedRequest) {
  const text = answerTo(recorded);
  if (!recorded.body?.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: 'stop' }],
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const piece of words(text)) res.write(chunk({ content: piece }));
  res.end(chunk({}, 'stop') + 'data: [DONE]\n\n');
}

function faulty(req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest, fault: Fault) {
  const stream = recorded.body?.stream === true;
  const half = words(answerTo(recorded)).slice(0, 3);
  switch (fault) {
    case '429':
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': String(5 + Math.floor(rand() * 30)) })
        .end('{"error":{"message":"slow down","type":"requests","code":"rate_limit_exceeded"}}');
      return;
    case '500':
      res.writeHead(500, { 'content-type': 'application/json', 'retry-after-ms': '10' }).end('{"error":{"message":"boom","type":"server_error"}}');
      return;
    case '503':
      // Longer than an attempt may take: not retried by the SDK, passed on to our client instead.
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"error":{"message":"overloaded","type":"server_error"}}');
      return;
    case 'reset':
      req.socket.destroy();
      return;
    case 'hang':
      return; // never answers; the SDK's per-attempt timeout ends it
    case 'stall':
      if (!stream) return;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of half) res.write(chunk({ content: piece }));
      return; // goes quiet mid-reply; our watchdog ends it
    case 'truncated':
      if (stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const piece of half) res.write(chunk({ content: piece }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":"chatcmpl-fault","object":"chat.completion","choices":[{"index":0,"message":{"role":"assis');
      }
      setTimeout(() => res.destroy(), 5);
      return;
    case 'malformed':
      res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
      res.end(stream ? 'data: {"choices": [{"delta": {"content": "Hel\n\n' : '{"choices": [');
      return;
    case 'empty':
      res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
      res.end(stream ? chunk({}, 'stop') + 'data: [DONE]\n\n' : JSON.stringify({ ...base, object: 'chat.completion', choices: [] }));
      return;
  }
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  server = await startScriptedOpenAI({
    fallback: {
      kind: 'raw',
      handler: (req, res, recorded) => {
        if (forced) return faulty(req, res, recorded, forced);
        if (rand() >= faultRate) return healthy(res, recorded);
        const fault = FAULTS[Math.floor(rand() * FAULTS.length)] as Fault;
        injected[fault] = (injected[fault] ?? 0) + 1;
        faulty(req, res, recorded, fault);
      },
    },
  });
});
afterAll(async () => {
  await server.close();
  cleanup();
});

const appWith = (opts: { timeoutMs?: number; maxRetries?: number } = {}) =>
  createApp(
    testDeps(db, {
      env: {
        LOOP_COACH_RATE_LIMIT: '0',
        LOOP_COACH_MODEL_TIMEOUT_MS: String(opts.timeoutMs ?? TIMEOUT_MS),
        LOOP_COACH_MODEL_RETRIES: String(opts.maxRetries ?? RETRIES),
      },
      model: createOpenAIChatModel({
        apiKey: 'k',
        baseURL: server.baseURL,
        model: 'faulty',
        timeoutMs: opts.timeoutMs ?? TIMEOUT_MS,
        maxRetries: opts.maxRetries ?? RETRIES,
      }),
    }),
  );

// ---------------------------------------------------------------------------------------------
// A client that keeps its own record of the conversation

interface Attempt {
  ok: boolean;
  /** The reply as the client saw it: the JSON reply, or the streamed deltas joined. */
  text: string;
  /** What a failure said: the status (JSON) or the stream's error event. */
  error?: { status: number; code: string; retryable: unknown };
}

async function attempt(app: App, user: Guest, path: string, body: unknown, stream: boolean): Promise<Attempt> {
  const res = await send(app, 'POST', path, { headers: user.headers, ...(body !== undefined && { body }), ...(stream && { accept: 'text/event-stream' }) });
  if (res.status !== 200) {
    const { error } = res.json() as { error: { code: string; retryable?: boolean } };
    return { ok: false, text: '', error: { status: res.status, code: error.code, retryable: error.retryable } };
  }
  if (!stream) return { ok: true, text: (res.json() as { reply: { content: string } }).reply.content };
  const events = parseSse(res.text);
  const text = events
    .filter((e) => e.event === 'delta')
    .map((e) => (e.data as { text: string }).text)
    .join('');
  const last = events.at(-1);
  if (last?.event === 'done') return { ok: true, text: text.trim() };
  const data = last?.data as { code: string; retryable?: boolean };
  return { ok: false, text, error: { status: 200, code: data.code, retryable: data.retryable } };
}

interface Conversation {
  index: number;
  user: Guest;
  sessionId: string;
  /** [role, content] in order, as the client saw it. */
  seen: Array<['user' | 'persona', string]>;
  failures: Attempt[];
  /** The last turn's reply never arrived during the faults. */
  owed: boolean;
}

async function startConversation(app: App, index: number): Promise<Conversation> {
  const user = await newGuest(app);
  const created = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
  const session = created.json() as { id: string; messages: Array<{ content: string }> };
  return { index, user, sessionId: session.id, seen: [['persona', session.messages[0]?.content ?? '']], failures: [], owed: false };
}

/** Takes turns, retrying a failed reply a few times; gives up (owing the reply) when the provider stays down. */
async function converse(app: App, c: Conversation): Promise<Conversation> {
  for (let turn = c.seen.filter(([role]) => role === 'user').length; turn < TURNS_PER_SESSION; turn++) {
    const text = `Client ${c.index}, turn ${turn}: what is the most important thing on your plate?`;
    c.seen.push(['user', text]);
    let result = await attempt(app, c.user, `/api/sessions/${c.sessionId}/messages`, { text }, rand() < 0.5);
    for (let retry = 0; !result.ok && retry < 5; retry++) {
      c.failures.push(result);
      result = await attempt(app, c.user, `/api/sessions/${c.sessionId}/retry`, undefined, rand() < 0.5);
    }
    if (!result.ok) {
      c.failures.push(result);
      c.owed = true;
      return c;
    }
    c.seen.push(['persona', result.text]);
  }
  return c;
}

describe('fault battery', () => {
  it(
    `keeps ${SESSIONS * TURNS_PER_SESSION} turns across ${SESSIONS} concurrent sessions whole while the provider fails at random`,
    { timeout: FULL ? 900_000 : 120_000 },
    async () => {
      const app = appWith();
      faultRate = 0.35;
      const conversations = await Promise.all(Array.from({ length: SESSIONS }, async (_, i) => converse(app, await startConversation(app, i))));
      const owed = conversations.filter((c) => c.owed).length;

      // The provider recovers: every reply still owed comes on the first retry, and the rehearsal goes on.
      faultRate = 0;
      for (const c of conversations.filter((x) => x.owed)) {
        const result = await attempt(app, c.user, `/api/sessions/${c.sessionId}/retry`, undefined, rand() < 0.5);
        expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        c.seen.push(['persona', result.text]);
        c.owed = false;
        await converse(app, c);
      }

      const failures = conversations.flatMap((c) => c.failures);
      const turns = conversations.reduce((n, c) => n + c.seen.filter(([role]) => role === 'user').length, 0);
      console.log(
        `fault battery: ${JSON.stringify({ turns, modelRequests: server.requests.length, faultsInjected: injected, failedAttempts: failures.length, owedAtRecovery: owed })}`,
      );
      expect(turns).toBeGreaterThanOrEqual(FULL ? 5_000 : 1_000);
      expect(Object.keys(injected).sort()).toEqual([...FAULTS].sort());

      // Every failure said it could be retried, with a model error (never a crash or a 409).
      for (const f of failures) {
        expect(f.error?.retryable, JSON.stringify(f)).toBe(true);
        expect(['model_unavailable', 'model_timeout', 'model_bad_reply']).toContain(f.error?.code);
      }

      for (const c of conversations) {
        const stored = (await send(app, 'GET', `/api/sessions/${c.sessionId}`, { headers: c.user.headers })).json() as {
          userTurns: number;
          messages: Array<{ role: string; content: string; status: string }>;
        };
        // Each user turn exactly once, every reply complete (none pending, none failed), and the
        // transcript exactly what the client saw: no half-written reply passed off as finished.
        expect(stored.messages.map((m) => m.status).filter((s) => s !== 'complete')).toEqual([]);
        expect(stored.messages.map((m) => [m.role, m.content])).toEqual(c.seen);
        expect(stored.userTurns).toBe(c.seen.filter(([role]) => role === 'user').length);
      }
    },
  );
});

describe('retries and deadlines', () => {
  it("waits as long as a provider's retry-after asks before retrying", async () => {
    const app = appWith({ timeoutMs: 1_000, maxRetries: 1 });
    const user = await newGuest(app);
    const session = (await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } })).json() as { id: string };
    const arrivals: number[] = [];
    server.enqueue(
      {
        kind: 'raw',
        handler: (_req, res) => void (arrivals.push(Date.now()), res.writeHead(429, { 'retry-after-ms': '300', 'content-type': 'application/json' }).end('{}')),
      },
      { kind: 'raw', handler: (_req, res, recorded) => void (arrivals.push(Date.now()), healthy(res, recorded)) },
    );
    const res = await send(app, 'POST', `/api/sessions/${session.id}/messages`, { headers: user.headers, body: { text: 'How can I help?' } });
    expect(res.status, res.text).toBe(200);
    expect(arrivals).toHaveLength(2);
    expect((arrivals[1] as number) - (arrivals[0] as number)).toBeGreaterThanOrEqual(295);
  });

  it('does not sleep through a retry-after longer than an attempt: fails at once and passes the wait on', async () => {
    const app = appWith({ timeoutMs: 1_000, maxRetries: 2 });
    const user = await newGuest(app);
    const session = (await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } })).json() as { id: string };
    const before = server.requests.length;
    // An hour: the SDK on its own would sleep that long while holding the session's turn lock.
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } }, { kind: 'text', text: 'Too late.' });
    const res = await send(app, 'POST', `/api/sessions/${session.id}/messages`, { headers: user.headers, body: { text: 'How can I help?' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('3600');
    expect(res.json()).toMatchObject({ error: { code: 'model_unavailable', retryable: true } });
    expect(server.requests.length - before).toBe(1);
    expect(server.pending()).toBe(1);
    // The reply still queued answers the retry.
    expect((await send(app, 'POST', `/api/sessions/${session.id}/retry`, { headers: user.headers })).status).toBe(200);
  });

  it('ends a call that keeps trickling within its deadline, well before the turn lock would expire', async () => {
    const timeoutMs = 200;
    const app = appWith({ timeoutMs, maxRetries: 1 });
    const user = await newGuest(app);
    const session = (await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } })).json() as { id: string };
    let written = 0;
    server.enqueue({
      kind: 'raw',
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        // One word just inside the stall watchdog, forever: only a deadline on the whole call ends it.
        const timer = setInterval(() => {
          if (res.destroyed) return clearInterval(timer);
          written += 1;
          res.write(chunk({ content: 'and ' }));
        }, timeoutMs / 2);
        res.on('close', () => clearInterval(timer));
      },
    });
    const started = Date.now();
    const res = await send(app, 'POST', `/api/sessions/${session.id}/messages`, {
      headers: user.headers,
      body: { text: 'How can I help?' },
      accept: 'text/event-stream',
    });
    const elapsed = Date.now() - started;
    expect(parseSse(res.text).at(-1)).toMatchObject({ event: 'error', data: { code: 'model_timeout', retryable: true } });
    const config = parseConfig({ LOOP_COACH_PROVIDER: 'offline', LOOP_COACH_MODEL_TIMEOUT_MS: String(timeoutMs), LOOP_COACH_MODEL_RETRIES: '1' });
    // Bounds from the configuration, not from how fast anything is.
    expect(written).toBeLessThanOrEqual(callDeadlineMs({ timeoutMs, maxRetries: 1 }) / (timeoutMs / 2) + 2);
    expect(elapsed).toBeLessThan(turnDeadlineMs(config));
    expect((await send(app, 'POST', `/api/sessions/${session.id}/retry`, { headers: user.headers })).status).not.toBe(409);
  });

  it('gives a provider that never answers at most 1 + retries attempts within the deadline, then a retryable 504', async () => {
    const app = appWith({ timeoutMs: 150, maxRetries: 2 });
    const user = await newGuest(app);
    const session = (await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } })).json() as { id: string };
    const before = server.requests.length;
    forced = 'hang';
    try {
      const res = await send(app, 'POST', `/api/sessions/${session.id}/messages`, { headers: user.headers, body: { text: 'How can I help?' } });
      expect(res.status).toBe(504);
      expect(res.json()).toMatchObject({ error: { code: 'model_timeout', retryable: true } });
      expect(server.requests.length - before).toBeGreaterThanOrEqual(1);
      expect(server.requests.length - before).toBeLessThanOrEqual(3);
    } finally {
      forced = undefined;
    }
    expect((await send(app, 'POST', `/api/sessions/${session.id}/retry`, { headers: user.headers })).status).toBe(200);
  });
});
