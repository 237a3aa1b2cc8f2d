/**
 * The providers people run (issue 16), end to end: the app with the model engine (persona and turn
 * reader on one model) against each mode of the scripted server. Where the provider's quirk is
 * survivable, a draft critique answers 201 and a streamed and a JSON turn get their reply; nothing
 * of a reasoning model's thinking is returned or stored; the API key is in no response body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { createLlmEngine } from '../src/coach/engines/llm-engine.js';
import type { Db } from '../src/db/client.js';
import { createEndpointMemory } from '../src/llm/endpoint-memory.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { newGuest, send, type Guest } from './support/api.js';
import { rowsMentioning } from './support/db-rows.js';
import { startScriptedOpenAI, type Quirks, type Script, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { parseSse } from './support/sse.js';
import { createTestDb, testDeps } from './support/test-deps.js';

const API_KEY = 'sk-e2e-Hq3Lm9Xw2Pz8Rt5Vk1Jd';
const MARKER = 'HIDDEN-THOUGHT-7731';
const THINKING = `The user offers help. ${MARKER}: be guarded, maybe {"summary": "x"}.`;
const OFFER = 'Is there anything on your plate I could take off it this sprint?';
const CRITIQUE = {
  summary: 'Offers help plainly.',
  checks: [{ id: 'offers_help', present: true, evidence: [OFFER] }],
  suggestions: [],
  rewrite: 'A rewrite.',
};
const READING = { acts: ['asks_needs'], checks: [], tone: 'warm' };
const STREAMED_REPLY = 'Honestly, the rota is killing me. Could you take the Friday handover?';
const JSON_REPLY = 'The release notes, if you have an hour. Can you start today?';

let db: Db;
let cleanup: () => void;
let server: ScriptedOpenAI;
/** Every response body the app gave in this file, to look for the key in. */
const bodies: string[] = [];

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  server = await startScriptedOpenAI();
});
afterAll(async () => {
  await server.close();
  cleanup();
});

/** A fresh app and model, with its own memory of what the endpoint refuses, as a new process has. */
function appFor(timeoutMs = 2_000): App {
  const model = createOpenAIChatModel({
    apiKey: API_KEY,
    baseURL: server.baseURL,
    model: 'scripted-model',
    timeoutMs,
    maxRetries: 0,
    memory: createEndpointMemory(),
  });
  return createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, engine: createLlmEngine(model, { classifier: model }) }));
}

async function call(app: App, method: string, path: string, opts: Parameters<typeof send>[3] = {}) {
  const res = await send(app, method, path, opts);
  bodies.push(res.text);
  return res;
}

const critique = (app: App, user: Guest) => call(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: OFFER } });

async function startSession(app: App, user: Guest): Promise<string> {
  const res = await call(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
  expect(res.status, res.text).toBe(201);
  return (res.json() as { id: string }).id;
}

function turn(app: App, user: Guest, sessionId: string, text: string, stream: boolean) {
  return call(app, 'POST', `/api/sessions/${sessionId}/messages`, { headers: user.headers, body: { text }, ...(stream && { accept: 'text/event-stream' }) });
}

async function storedReplies(app: App, user: Guest, sessionId: string) {
  const res = await call(app, 'GET', `/api/sessions/${sessionId}`, { headers: user.headers });
  return (res.json() as { messages: Array<{ role: string; content: string; status: string }> }).messages.filter((m) => m.role === 'persona').slice(1);
}

describe('survivable provider modes: a critique, a streamed turn and a JSON turn all succeed', () => {
  const modes: Array<[string, Quirks, number]> = [
    ['json_schema refused', { refuse: ['json_schema'] }, 1],
    ['json_schema and JSON mode refused', { refuse: ['json_schema', 'json_object'] }, 2],
    ['JSON in a code fence', { wrap: 'fence' }, 0],
    ['JSON inside prose', { wrap: 'prose' }, 0],
    ['stream_options refused', { refuse: ['stream_options'] }, 1],
    ['temperature refused', { refuse: ['temperature'] }, 1],
    ['max_tokens refused', { refuse: ['max_tokens'] }, 1],
    ['inline <think> blocks', { think: THINKING }, 0],
    ['reasoning_content fields', { reasoning: { field: 'reasoning_content', text: THINKING } }, 0],
    ['reasoning fields', { reasoning: { field: 'reasoning', text: THINKING } }, 0],
    ['Azure streams (empty choices first)', { azure: true }, 0],
    ['null deltas', { nullDeltas: true }, 0],
    ['streams closed without [DONE]', { end: 'close' }, 0],
    ['streams left open without [DONE]', { end: 'hold' }, 0],
  ];

  it.each(modes)('%s', async (_name, quirks, refusals) => {
    server.quirks = quirks;
    const before = server.requests.length;
    try {
      const app = appFor();
      const user = await newGuest(app);

      server.enqueue({ kind: 'json', value: CRITIQUE });
      const critiqued = await critique(app, user);
      expect(critiqued.status, critiqued.text).toBe(201);
      expect(critiqued.json()).toMatchObject({ provider: 'openai', summary: CRITIQUE.summary });

      const sessionId = await startSession(app, user);
      server.enqueue({ kind: 'json', value: READING }, { kind: 'text', text: STREAMED_REPLY });
      const streamed = await turn(app, user, sessionId, 'How can I help you this week?', true);
      const events = parseSse(streamed.text);
      expect(events.at(-1)?.event, streamed.text).toBe('done');
      expect(events.flatMap((e) => (e.event === 'delta' ? [(e.data as { text: string }).text] : [])).join('')).toBe(STREAMED_REPLY);

      server.enqueue({ kind: 'json', value: READING }, { kind: 'text', text: JSON_REPLY });
      const whole = await turn(app, user, sessionId, 'Which part could I take?', false);
      expect(whole.status, whole.text).toBe(200);
      expect(whole.json()).toMatchObject({ reply: { content: JSON_REPLY, status: 'complete' } });

      expect((await storedReplies(app, user, sessionId)).map((m) => [m.content, m.status])).toEqual([
        [STREAMED_REPLY, 'complete'],
        [JSON_REPLY, 'complete'],
      ]);
      expect(server.pending()).toBe(0);
      // Each refused feature cost one failed call, whatever the number of calls after it.
      expect(server.requests.length - before - 5).toBe(refusals);
      for (const body of [critiqued.text, streamed.text, whole.text]) expect(body).not.toContain(MARKER);
      expect(Object.values(await rowsMentioning(db, MARKER)).every((n) => n === 0)).toBe(true);
    } finally {
      server.quirks = {};
    }
  });
});

describe('provider failures: the status, code and retryable an operator and a client can act on', () => {
  const failures: Array<{ name: string; script: Script; critiqueCalls: number; status: number; code: string; retryable: boolean; says: RegExp }> = [
    {
      name: 'a 401 echoing the key',
      script: { kind: 'bad-key' },
      critiqueCalls: 1,
      status: 502,
      code: 'model_misconfigured',
      retryable: false,
      says: /OPENAI_API_KEY/,
    },
    {
      name: 'an HTML page with 200',
      script: { kind: 'html' },
      critiqueCalls: 1,
      status: 502,
      code: 'model_misconfigured',
      retryable: false,
      says: /OPENAI_BASE_URL/,
    },
    {
      name: 'a reply cut off at the token limit',
      // The critique's one repair call is cut off too.
      script: { kind: 'json', value: CRITIQUE, finishReason: 'length' },
      critiqueCalls: 2,
      status: 502,
      code: 'model_bad_reply',
      retryable: true,
      says: /token limit/,
    },
    {
      name: 'a stall before the first token',
      script: { kind: 'stall' },
      critiqueCalls: 1,
      status: 504,
      code: 'model_timeout',
      retryable: true,
      says: /within/,
    },
  ];

  it.each(failures)('$name', async ({ script, critiqueCalls, status, code, retryable, says }) => {
    const app = appFor(300);
    const user = await newGuest(app);

    server.enqueue(...Array.from({ length: critiqueCalls }, () => script));
    const critiqued = await critique(app, user);
    expect(critiqued.status, critiqued.text).toBe(status);
    expect(critiqued.json()).toMatchObject({ error: { code, retryable, message: expect.stringMatching(says) } });

    // The turn reading fails first and falls back to the analyzer; then the reply fails.
    server.enqueue(script, script);
    const streamedSession = await startSession(app, user);
    const streamed = await turn(app, user, streamedSession, 'How can I help you this week?', true);
    expect(parseSse(streamed.text).at(-1)).toMatchObject({ event: 'error', data: { code, retryable, message: expect.stringMatching(says) } });

    server.enqueue(script, script);
    const wholeSession = await startSession(app, user);
    const whole = await turn(app, user, wholeSession, 'How can I help you this week?', false);
    expect(whole.status, whole.text).toBe(status);
    expect(whole.json()).toMatchObject({ error: { code, retryable } });

    for (const id of [streamedSession, wholeSession]) expect((await storedReplies(app, user, id)).map((m) => m.status)).toEqual(['failed']);
    expect(server.pending()).toBe(0);
  });
});

it('never shows the API key in any response body of this file', () => {
  expect(bodies.length).toBeGreaterThan(50);
  for (const body of bodies) {
    expect(body).not.toContain(API_KEY);
    expect(body).not.toContain(API_KEY.slice(-12));
  }
  expect(bodies.some((b) => b.includes('Incorrect API key provided: [redacted]'))).toBe(true);
});
