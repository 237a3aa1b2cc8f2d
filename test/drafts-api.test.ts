import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Critique } from '../src/coach/critique/critique-schema.js';
import type { Db } from '../src/db/client.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { startScriptedOpenAI, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { createTestDb, testDeps } from './support/test-deps.js';
import { offlineEngine, newGuest } from './support/api.js';

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

const offlineApp = (env: Record<string, string> = {}) => {
  const deps = testDeps(db, { env, engine: offlineEngine() });
  return createApp(deps);
};
const modelApp = () =>
  createApp(
    testDeps(db, {
      model: createOpenAIChatModel({ apiKey: 'test-key', baseURL: server.baseURL, model: 'scripted-model', timeoutMs: 400, maxRetries: 0 }),
    }),
  );

type App = ReturnType<typeof createApp>;
const guest = async (app: App): Promise<Record<string, string>> => (await newGuest(app)).headers;
const post = (app: App, path: string, headers: Record<string, string>, body?: unknown) =>
  app.request(path, { method: 'POST', headers, ...(body !== undefined && { body: JSON.stringify(body) }) });

const OFFER = 'Is there anything on your plate I could take off it this sprint?';

describe('POST /api/drafts/critique (offline engine)', () => {
  it('saves the draft and returns a grounded critique naming the engine', async () => {
    const app = offlineApp();
    const auth = await guest(app);
    const text = `Hi Dana,\n${OFFER} I'd like to be promoted to senior in the next cycle. What would you need to see from me?`;
    const res = await post(app, '/api/drafts/critique', auth, { text, mode: 'employee' });
    expect(res.status).toBe(201);
    const critique = (await res.json()) as Critique;
    expect(critique).toMatchObject({ provider: 'offline', model: 'offline', promptId: 'critique', mode: 'employee', quotesDropped: 0 });
    expect(critique.draftId).toMatch(/^drf_/);
    const present = critique.checks.filter((c) => c.present).map((c) => c.id);
    expect(present).toEqual(expect.arrayContaining(['offers_help', 'states_goal', 'asks_what_it_takes']));
    for (const c of critique.checks) {
      if (c.present) expect(c.evidence.length).toBeGreaterThan(0);
      for (const q of c.evidence) expect(text).toContain(q);
    }
    expect(critique.topFixes.length).toBeLessThanOrEqual(3);
    expect(critique.rewrite.length).toBeGreaterThan(0);

    const stored = await app.request(`/api/drafts/${critique.draftId}`, { headers: auth });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({ id: critique.draftId, text, critique: { id: critique.id, score: critique.score } });
  });

  it('rejects empty text (400), unknown modes and fields (400) and text over the limit (413)', async () => {
    const app = offlineApp({ LOOP_COACH_DRAFT_MAX_CHARS: '200' });
    const auth = await guest(app);
    const empty = await post(app, '/api/drafts/critique', auth, { text: '   \n', mode: 'employee' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'invalid_request', details: [{ path: 'text' }] } });
    const badMode = await post(app, '/api/drafts/critique', auth, { text: 'hello', mode: 'boss' });
    expect(badMode.status).toBe(400);
    const extra = await post(app, '/api/drafts/critique', auth, { text: 'hello', admin: true });
    expect(extra.status).toBe(400);
    const missing = await post(app, '/api/drafts/critique', auth, {});
    expect(missing.status).toBe(400);
    const long = await post(app, '/api/drafts/critique', auth, { text: 'x'.repeat(201) });
    expect(long.status).toBe(413);
    expect(await long.json()).toMatchObject({ error: { code: 'payload_too_large', message: expect.stringContaining('200') } });
  });

  it('requires a token (401)', async () => {
    const app = offlineApp();
    const res = await app.request('/api/drafts/critique', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(res.status).toBe(401);
    expect((await app.request('/api/drafts')).status).toBe(401);
  });

  it('flags an ask with no help first, unless earlier drafts to the same manager showed it', async () => {
    const app = offlineApp();
    const auth = await guest(app);
    const ask = 'I want a raise to senior engineer this year.';
    const cold = (await (await post(app, '/api/drafts/critique', auth, { text: ask, context: { managerName: 'Priya' } })).json()) as Critique;
    expect(cold.order.ok).toBe(false);

    await post(app, '/api/drafts/critique', auth, { text: OFFER, context: { managerName: 'priya' } });
    const warm = (await (await post(app, '/api/drafts/critique', auth, { text: ask, context: { managerName: 'Priya' } })).json()) as Critique;
    expect(warm.order.ok).toBe(true);
    // Another manager's history earns nothing.
    const other = (await (await post(app, '/api/drafts/critique', auth, { text: ask, context: { managerName: 'Sam' } })).json()) as Critique;
    expect(other.order.ok).toBe(false);
  });

  it('rate limits model-calling requests per user with 429 and retry-after', async () => {
    const app = offlineApp({ LOOP_COACH_RATE_LIMIT: '2' });
    const auth = await guest(app);
    const other = await guest(app);
    for (let i = 0; i < 2; i++) expect((await post(app, '/api/drafts/critique', auth, { text: OFFER })).status).toBe(201);
    const limited = await post(app, '/api/drafts/critique', auth, { text: OFFER });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', retryable: true } });
    // Reads are not model calls, and other users have their own budget.
    expect((await app.request('/api/drafts', { headers: auth })).status).toBe(200);
    expect((await post(app, '/api/drafts/critique', other, { text: OFFER })).status).toBe(201);
  });
});

describe('drafts list, get, delete and isolation', () => {
  it("lists newest first with a cursor, and never shows or touches another user's drafts", async () => {
    const app = offlineApp();
    const alice = await guest(app);
    const bob = await guest(app);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = (await (await post(app, '/api/drafts/critique', alice, { text: `${OFFER} (${i})` })).json()) as Critique;
      ids.push(c.draftId as string);
    }
    const bobDraft = (await (await post(app, '/api/drafts/critique', bob, { text: OFFER })).json()) as Critique;

    const first = (await (await app.request('/api/drafts?limit=2', { headers: alice })).json()) as { items: Array<{ id: string }>; nextCursor: string };
    expect(first.items.map((d) => d.id)).toEqual([ids[4], ids[3]]);
    const rest = (await (await app.request(`/api/drafts?limit=10&cursor=${first.nextCursor}`, { headers: alice })).json()) as {
      items: Array<{ id: string }>;
      nextCursor: string | null;
    };
    expect(rest.items.map((d) => d.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(rest.nextCursor).toBeNull();

    for (const path of [`/api/drafts/${bobDraft.draftId}`]) {
      expect((await app.request(path, { headers: alice })).status).toBe(404);
      expect((await app.request(path, { method: 'DELETE', headers: alice })).status).toBe(404);
    }
    expect((await post(app, `/api/drafts/${bobDraft.draftId}/critique`, alice)).status).toBe(404);
    expect((await app.request(`/api/drafts/${bobDraft.draftId}`, { headers: bob })).status).toBe(200);

    expect((await app.request(`/api/drafts/${ids[0]}`, { method: 'DELETE', headers: alice })).status).toBe(204);
    expect((await app.request(`/api/drafts/${ids[0]}`, { headers: alice })).status).toBe(404);
  });

  it('rejects bad pagination with 400', async () => {
    const app = offlineApp();
    const auth = await guest(app);
    for (const q of ['limit=0', 'limit=101', 'limit=abc', 'cursor=../../etc']) {
      expect((await app.request(`/api/drafts?${q}`, { headers: auth })).status, q).toBe(400);
    }
  });
});

describe('the model path (scripted OpenAI-compatible server)', () => {
  beforeEach(() => {
    server.requests.length = 0;
  });
  const reply = (checks: Array<{ id: string; present: boolean; evidence: string[] }>) => ({
    summary: 'Offers help; the goal quote is invented.',
    checks,
    suggestions: [{ quote: 'I want to be CTO by Friday', replacement: 'x', why: 'y' }],
    rewrite: 'A rewrite.',
  });

  it('drops invented quotes, counts them, and computes the score itself', async () => {
    const app = modelApp();
    const auth = await guest(app);
    server.enqueue({
      kind: 'json',
      value: reply([
        { id: 'offers_help', present: true, evidence: [OFFER.replace("'", '\u2019')] },
        { id: 'states_goal', present: true, evidence: ['I want to be CTO by Friday'] },
        { id: 'made_up_check', present: true, evidence: [OFFER] },
      ]),
    });
    const res = await post(app, '/api/drafts/critique', auth, { text: OFFER });
    expect(res.status).toBe(201);
    const critique = (await res.json()) as Critique;
    expect(critique).toMatchObject({ provider: 'openai', model: 'scripted-model', quotesDropped: 2 });
    expect(critique.checks.find((c) => c.id === 'offers_help')).toMatchObject({ present: true, evidence: [OFFER] });
    expect(critique.checks.find((c) => c.id === 'states_goal')).toMatchObject({ present: false, evidence: [] });
    expect(critique.suggestions).toEqual([]);
    expect(critique.score).toBeGreaterThan(0);
    // The text went to the model as delimited data, with the rubric generated from the rubric data.
    const sent = JSON.stringify(server.requests[0]?.body?.messages);
    expect(sent).toContain('<<<MESSAGE');
    expect(sent).toContain('links_goal_to_needs');
  });

  it('repairs one malformed reply, then gives up with a retryable 502 and keeps the draft', async () => {
    const app = modelApp();
    const auth = await guest(app);
    server.enqueue({ kind: 'malformed' }, { kind: 'json', value: reply([{ id: 'offers_help', present: true, evidence: [OFFER] }]) });
    const repaired = await post(app, '/api/drafts/critique', auth, { text: OFFER });
    expect(repaired.status).toBe(201);
    expect(server.requests).toHaveLength(2);
    expect(JSON.stringify(server.requests[1]?.body?.messages)).toContain('could not be used');

    server.enqueue({ kind: 'malformed' }, { kind: 'text', text: 'Sure! Here is my critique: it is great.' });
    const failed = await post(app, '/api/drafts/critique', auth, { text: 'I will fix the build tonight.' });
    expect(failed.status).toBe(502);
    const body = (await failed.json()) as { error: { code: string; retryable: boolean; details: { draftId: string } } };
    expect(body.error).toMatchObject({ code: 'model_bad_reply', retryable: true });
    const draftId = body.error.details.draftId;
    const saved = (await (await app.request(`/api/drafts/${draftId}`, { headers: auth })).json()) as { text: string; critique: null };
    expect(saved).toMatchObject({ text: 'I will fix the build tonight.', critique: null });

    server.enqueue({ kind: 'json', value: reply([{ id: 'commits_to_task', present: true, evidence: ['I will fix the build tonight.'] }]) });
    const retried = await post(app, `/api/drafts/${draftId}/critique`, auth);
    expect(retried.status).toBe(201);
    expect(await retried.json()).toMatchObject({
      draftId,
      checks: expect.arrayContaining([expect.objectContaining({ id: 'commits_to_task', present: true })]),
    });
  });

  it('answers a model timeout with 504 retryable', async () => {
    const app = modelApp();
    const auth = await guest(app);
    server.enqueue({ kind: 'hang' });
    const res = await post(app, '/api/drafts/critique', auth, { text: OFFER });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'model_timeout', retryable: true, details: { draftId: expect.stringMatching(/^drf_/) } } });
  });
});
