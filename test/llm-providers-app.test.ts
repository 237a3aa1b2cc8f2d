/**
 * The providers people run (issue 16), end to end: the app with the engine the config builds
 * (a model per job, each on the scripted server) against every mode of the scripted server.
 *
 * Where the provider's quirk is survivable, a draft critique answers 201, a streamed and a JSON
 * turn get their reply, and the session ends with 200. Where it is a failure by nature (a reply
 * cut off, a refused key, an HTML page, a stall), the user gets the documented error: a failed,
 * retryable reply (or a problem JSON) whose message names the fix, nothing stored as complete, the
 * user's words kept. In every mode nothing of a reasoning model's thinking is returned or stored,
 * no request carries a fact the session has not earned, and the API key is in no response body
 * and no log line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import type { Db } from '../src/db/client.js';
import type { LogEntry } from '../src/deps.js';
import { createEngine } from '../src/entry/create-engine.js';
import { newGuest, send, type Guest } from './support/api.js';
import { rowsMentioning } from './support/db-rows.js';
import { expectOnlyEarnedFacts } from './support/earned-facts.js';
import { startScriptedOpenAI, type Quirks, type RecordedRequest, type Script, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { parseSse } from './support/sse.js';
import { createTestDb, testDeps } from './support/test-deps.js';

const API_KEY = 'sk-e2e-Hq3Lm9Xw2Pz8Rt5Vk1Jd';
const MARKER = 'HIDDEN-THOUGHT-7731';
const THINKING = `The user offers help. ${MARKER}: be guarded, maybe {"summary": "x"}.`;
/** What the think block that restates its prompt says of each message (see `thinkRestatesPrompt`). */
const RESTATED = 'message says:';
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
const FIRST_TURN = 'How can I help you this week?';
const SECOND_TURN = 'Which part could I take?';
/** Earns nothing: a failed reply saves no state, so a turn of a failing mode must not need any fact to be earned. */
const SMALL_TALK = 'Thanks for making time for this today.';

let db: Db;
let cleanup: () => void;
let server: ScriptedOpenAI;
/** Every response body the app gave in this file, and every line it logged, to look for the key in. */
const bodies: string[] = [];
const logs: LogEntry[] = [];
let apps = 0;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  server = await startScriptedOpenAI();
});
afterAll(async () => {
  await server.close();
  cleanup();
});

/**
 * A fresh app whose engine the config builds, as an entry point does. Each gets a model name of its
 * own, so the process's memory of what the endpoint refuses starts empty, as in a new process.
 */
function appFor(env: Record<string, string> = {}): App {
  apps += 1;
  const settings = {
    LOOP_COACH_PROVIDER: 'openai',
    OPENAI_API_KEY: API_KEY,
    OPENAI_BASE_URL: server.baseURL,
    LOOP_COACH_MODEL: `scripted-model-${apps}`,
    LOOP_COACH_MODEL_TIMEOUT_MS: '2000',
    LOOP_COACH_MODEL_RETRIES: '0',
    LOOP_COACH_RATE_LIMIT: '0',
    ...env,
  };
  const deps = testDeps(db, { env: settings, engine: createEngine(parseConfig(settings)) });
  return createApp({ ...deps, log: (entry) => logs.push(entry) });
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

interface StoredMessage {
  role: string;
  content: string;
  status: string;
}

async function stored(app: App, user: Guest, sessionId: string): Promise<{ status: string; messages: StoredMessage[] }> {
  const res = await call(app, 'GET', `/api/sessions/${sessionId}`, { headers: user.headers });
  return res.json() as { status: string; messages: StoredMessage[] };
}

/** The requests one step made, checked for unearned facts once the step is over. */
async function step<T>(user: Guest, sessionId: string, run: () => Promise<T>): Promise<T> {
  const from = server.requests.length;
  const result = await run();
  await expectOnlyEarnedFacts(db, user.userId, sessionId, server.requests.slice(from));
  return result;
}

/** Roles as strict chat templates need them: at most one system message first, then user and assistant in turn, from a user. */
function alternates(request: RecordedRequest): boolean {
  const roles = (request.body?.messages ?? []).map((m) => m.role);
  const turns = roles[0] === 'system' ? roles.slice(1) : roles;
  return turns.length > 0 && turns.every((role, i) => role === (i % 2 === 0 ? 'user' : 'assistant'));
}

/** Nothing of the thinking in what the app answered or stored. */
async function expectNoThinking(texts: readonly string[]) {
  for (const text of texts) {
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(RESTATED);
  }
  for (const needle of [MARKER, RESTATED]) expect(Object.values(await rowsMentioning(db, needle)).every((n) => n === 0)).toBe(true);
}

describe('survivable provider modes: a critique, a streamed turn, a JSON turn and the end all succeed', () => {
  const modes: Array<[string, Quirks, number]> = [
    ['json_schema refused', { refuse: ['json_schema'] }, 1],
    ['json_schema and JSON mode refused', { refuse: ['json_schema', 'json_object'] }, 2],
    ['JSON in a code fence', { wrap: 'fence' }, 0],
    ['JSON inside prose', { wrap: 'prose' }, 0],
    ['stream_options refused', { refuse: ['stream_options'] }, 1],
    ['temperature refused', { refuse: ['temperature'] }, 1],
    ['max_tokens refused', { refuse: ['max_tokens'] }, 1],
    ['roles must alternate', { alternateRoles: true }, 0],
    ['inline <think> blocks', { think: THINKING }, 0],
    ['a <think> block restating the prompt', { think: THINKING, thinkRestatesPrompt: true }, 0],
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
      const streamed = await step(user, sessionId, () => turn(app, user, sessionId, FIRST_TURN, true));
      const events = parseSse(streamed.text);
      expect(events.at(-1)?.event, streamed.text).toBe('done');
      expect(events.flatMap((e) => (e.event === 'delta' ? [(e.data as { text: string }).text] : [])).join('')).toBe(STREAMED_REPLY);

      server.enqueue({ kind: 'json', value: READING }, { kind: 'text', text: JSON_REPLY });
      const whole = await step(user, sessionId, () => turn(app, user, sessionId, SECOND_TURN, false));
      expect(whole.status, whole.text).toBe(200);
      expect(whole.json()).toMatchObject({ reply: { content: JSON_REPLY, status: 'complete' } });

      server.enqueue({ kind: 'json', value: CRITIQUE });
      const ended = await call(app, 'POST', `/api/sessions/${sessionId}/end`, { headers: user.headers });
      expect(ended.status, ended.text).toBe(200);
      expect(ended.json()).toMatchObject({ session: { status: 'ended' }, critique: { provider: 'openai' } });

      const { messages } = await stored(app, user, sessionId);
      expect(
        messages
          .filter((m) => m.role === 'persona')
          .slice(1)
          .map((m) => [m.content, m.status]),
      ).toEqual([
        [STREAMED_REPLY, 'complete'],
        [JSON_REPLY, 'complete'],
      ]);
      expect(server.pending()).toBe(0);
      const sent = server.requests.slice(before);
      // Each refused feature cost one failed call, whatever the number of calls after it.
      expect(sent.length - 6).toBe(refusals);
      expect(sent.filter((r) => !alternates(r))).toEqual([]);
      await expectNoThinking([critiqued.text, streamed.text, whole.text, ended.text]);
    } finally {
      server.quirks = {};
    }
  });
});

describe('provider failures: the status, code and retryable an operator and a client can act on', () => {
  const failures: Array<{ name: string; script: Script; critiqueCalls: number; status: number; code: string; retryable: boolean; says: RegExp }> = [
    {
      name: 'a reply cut off at the token limit',
      // The critique's one repair call is cut off too.
      script: { kind: 'json', value: CRITIQUE, finishReason: 'length', think: THINKING },
      critiqueCalls: 2,
      status: 502,
      code: 'model_bad_reply',
      retryable: true,
      says: /token limit .*: retry; .*OLLAMA_CONTEXT_LENGTH/,
    },
    {
      name: 'a 401 echoing the key',
      script: { kind: 'bad-key' },
      critiqueCalls: 1,
      status: 502,
      code: 'model_misconfigured',
      retryable: false,
      says: /check OPENAI_API_KEY/,
    },
    {
      name: 'an HTML page with 200',
      script: { kind: 'html' },
      critiqueCalls: 1,
      status: 502,
      code: 'model_misconfigured',
      retryable: false,
      says: /check OPENAI_BASE_URL/,
    },
    {
      name: 'a stall before the first token',
      script: { kind: 'stall' },
      critiqueCalls: 1,
      status: 504,
      code: 'model_timeout',
      retryable: true,
      says: /raise LOOP_COACH_(MODEL|CRITIQUE)_TIMEOUT_MS/,
    },
  ];

  it.each(failures)('$name', async ({ script, critiqueCalls, status, code, retryable, says }) => {
    const app = appFor({ LOOP_COACH_MODEL_TIMEOUT_MS: '300', LOOP_COACH_CRITIQUE_TIMEOUT_MS: '300' });
    const user = await newGuest(app);
    const critiqueScripts = () => server.enqueue(...Array.from({ length: critiqueCalls }, () => script));
    const problem = { error: { code, retryable, message: expect.stringMatching(says) } };

    critiqueScripts();
    const critiqued = await critique(app, user);
    expect(critiqued.status, critiqued.text).toBe(status);
    expect(critiqued.json()).toMatchObject(problem);

    // Each turn's reading fails first and falls back to the analyzer; then the reply fails.
    const sessionId = await startSession(app, user);
    server.enqueue(script, script);
    const streamed = await step(user, sessionId, () => turn(app, user, sessionId, SMALL_TALK, true));
    expect(streamed.status).toBe(200);
    expect(parseSse(streamed.text).at(-1)).toEqual({ event: 'error', data: problem.error });

    // The failed reply can be retried, and fails the same way while the provider does.
    server.enqueue(script, script);
    const retried = await step(user, sessionId, () => call(app, 'POST', `/api/sessions/${sessionId}/retry`, { headers: user.headers }));
    expect(retried.status, retried.text).toBe(status);
    expect(retried.json()).toMatchObject(problem);

    const wholeSession = await startSession(app, user);
    server.enqueue(script, script);
    const whole = await step(user, wholeSession, () => turn(app, user, wholeSession, SMALL_TALK, false));
    expect(whole.status, whole.text).toBe(status);
    expect(whole.json()).toMatchObject(problem);

    // Ending needs the critique: it fails the same way, and the session stays open to end later.
    critiqueScripts();
    const ended = await call(app, 'POST', `/api/sessions/${sessionId}/end`, { headers: user.headers });
    expect(ended.status, ended.text).toBe(status);
    expect(ended.json()).toMatchObject(problem);

    // Nothing stored as complete but the user's own words.
    for (const id of [sessionId, wholeSession]) {
      const session = await stored(app, user, id);
      expect(session.status).toBe('active');
      expect(session.messages.slice(1).map((m) => [m.role, m.content, m.status])).toEqual([
        ['user', SMALL_TALK, 'complete'],
        ['persona', '', 'failed'],
      ]);
    }
    expect(server.pending()).toBe(0);
    await expectNoThinking([critiqued.text, streamed.text, retried.text, whole.text, ended.text]);
  });
});

describe('a model per job', () => {
  it('sends each job to its own model, and each falls back to LOOP_COACH_MODEL', async () => {
    const jobs = {
      LOOP_COACH_PERSONA_MODEL: 'persona-model',
      LOOP_COACH_CRITIQUE_MODEL: 'critique-model',
      LOOP_COACH_CLASSIFIER_MODEL: 'classifier-model',
      LOOP_COACH_HINT_MODEL: 'hint-model',
    };
    const modelsOf = async (env: Record<string, string>) => {
      const app = appFor(env);
      const user = await newGuest(app);
      const from = server.requests.length;
      server.enqueue({ kind: 'json', value: CRITIQUE });
      expect((await critique(app, user)).status).toBe(201);
      const sessionId = await startSession(app, user);
      server.enqueue({ kind: 'json', value: READING }, { kind: 'text', text: STREAMED_REPLY });
      expect((await turn(app, user, sessionId, FIRST_TURN, false)).status).toBe(200);
      server.enqueue({ kind: 'text', text: 'Ask what would help most this week.' });
      expect((await call(app, 'POST', `/api/sessions/${sessionId}/hint`, { headers: user.headers })).status).toBe(200);
      return server.requests.slice(from).map((r) => r.body?.model);
    };
    expect(await modelsOf(jobs)).toEqual(['critique-model', 'classifier-model', 'persona-model', 'hint-model']);
    const one = await modelsOf({ LOOP_COACH_MODEL: 'the-one-model' });
    expect(new Set(one)).toEqual(new Set(['the-one-model']));
    expect(one).toHaveLength(4);
  });
});

it('never shows the API key in any response body or log line of this file', () => {
  expect(bodies.length).toBeGreaterThan(100);
  expect(logs.length).toBeGreaterThan(100);
  const lines = logs.map((entry) => JSON.stringify(entry));
  for (const text of [...bodies, ...lines]) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(API_KEY.slice(-12));
  }
  expect(bodies.some((b) => b.includes('Incorrect API key provided: [redacted]'))).toBe(true);
  expect(lines.some((l) => l.includes('Incorrect API key provided: [redacted]'))).toBe(true);
});
