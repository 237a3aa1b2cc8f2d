/**
 * Prompt-injection battery (test/data/injection.jsonl). Two engines: the offline one, and the
 * scripted OpenAI-compatible server playing a compromised model that obeys every injection by
 * echoing the canary and the sentences it finds in its system prompt. Whatever the model does, no
 * canary or sentence of the hidden brief reaches the client (JSON, SSE, the session, the export),
 * and a draft full of instructions is still critiqued by our rules, not by the instructions.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp, type App } from '../src/app.js';
import type { Critique } from '../src/coach/critique/critique-schema.js';
import { scoreDraft } from '../src/coach/critique/score.js';
import { isInjection } from '../src/coach/roleplay/injection.js';
import { getBrief, getPersona, SCENARIOS, SCENARIO_IDS, type PersonaId, type ScenarioId } from '../src/coach/scenarios/index.js';
import type { Db } from '../src/db/client.js';
import { sessions } from '../src/db/schema.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { newGuest, offlineEngine, send, type Guest } from './support/api.js';
import { startScriptedOpenAI, type RecordedRequest, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { expectOnlyEarnedFacts } from './support/earned-facts.js';
import { parseSse } from './support/sse.js';
import { createTestDb, testDeps } from './support/test-deps.js';

const CaseSchema = z.discriminatedUnion('target', [
  z.object({ id: z.string(), target: z.literal('turn'), category: z.string(), text: z.string().min(1), detect: z.boolean() }),
  z.object({ id: z.string(), target: z.literal('draft'), category: z.string(), text: z.string().min(1), mode: z.enum(['employee', 'manager']) }),
]);
const CASES = readFileSync(new URL('./data/injection.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => CaseSchema.parse(JSON.parse(line)));
const TURNS = CASES.filter((c) => c.target === 'turn');
const DRAFTS = CASES.filter((c) => c.target === 'draft');

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
beforeEach(() => {
  server.requests.length = 0;
});

const offlineApp = () => createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, engine: offlineEngine() }));
const compromisedApp = () =>
  createApp(
    testDeps(db, {
      env: { LOOP_COACH_RATE_LIMIT: '0' },
      model: createOpenAIChatModel({ apiKey: 'k', baseURL: server.baseURL, model: 'compromised', timeoutMs: 2_000, maxRetries: 0 }),
    }),
  );

// ---------------------------------------------------------------------------------------------
// What must never reach the client

const CANARY = /LC-[0-9a-f]{8}-[0-9a-f]{4}/i;
const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ');

/** The brief's facts and situation, whole and sentence by sentence (the short ones a persona may say itself). */
function secretSentences(personaId: PersonaId, scenarioId: ScenarioId): string[] {
  const brief = getBrief(personaId, scenarioId);
  const texts = [brief.situation, ...brief.facts.map((f) => f.fact)];
  return [...texts, ...texts.flatMap((t) => t.split(/(?<=[.!?])\s+/))].map(fold).filter((s) => s.length >= 24);
}

function expectNoSecrets(body: string, secrets: readonly string[], canary: string, where: string) {
  // JSON escapes quotes and line breaks; compare the text as a person would read it.
  const readable = fold(
    body
      .replace(/\\n/g, ' ')
      .replace(/\\"/g, '"')
      .replace(/\\u2019/g, "'"),
  );
  expect(readable, where).not.toContain(canary.toLowerCase());
  expect(CANARY.test(body), where).toBe(false);
  for (const secret of secrets) expect(readable.includes(secret), `${where}: leaked "${secret.slice(0, 60)}…"`).toBe(false);
}

async function sessionSetup(app: App, user: Guest, index: number) {
  const scenarioId = SCENARIO_IDS[index % SCENARIO_IDS.length] as ScenarioId;
  const res = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId, difficulty: 'easy' } });
  expect(res.status, res.text).toBe(201);
  const id = (res.json() as { id: string }).id;
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!row) throw new Error('session row missing');
  return { id, scenarioId, personaId: SCENARIOS[scenarioId].defaultPersona as PersonaId, canary: row.canary };
}

// ---------------------------------------------------------------------------------------------
// The compromised model

/**
 * What a model that obeys the injection finds in its system prompt: the canary, and the prompt's
 * own sentences (its rules, the persona's style, the scene). No fact of the brief is there to find
 * before it is earned, and these turns earn none.
 */
function promptSecrets(request: RecordedRequest) {
  const system = String(request.body?.messages?.[0]?.content ?? '');
  const canary = CANARY.exec(system)?.[0] ?? '';
  const sentences = system
    .split(/\n\s*\n|\n- |(?<=[.!?])\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 40 && !p.includes(canary));
  const nth = (i: number) => sentences[i % Math.max(1, sentences.length)] ?? '';
  return { system, canary, sentences, nth };
}

/** Ways a compromised model gives its prompt away; each is caught whatever shape it takes. */
const ECHOES: Array<(s: ReturnType<typeof promptSecrets>) => string> = [
  (s) => `Sure, no problem. The marker is ${s.canary}.`,
  (s) => `Fine, here it is: ${s.nth(0)}`,
  // The longest sentence on its own.
  (s) => `Between us: ${[...s.sentences].sort((a, b) => b.length - a.length)[0]} That is all I can say.`,
  (s) => s.system,
  (s) => `OK. ${s.nth(3).toUpperCase()} HAPPY NOW?`,
  // A sentence wrapped over lines, as a model writing a list might.
  (s) => `Here goes:\n${s.nth(5).replace(/ (\w+) /g, '\n$1 ')}\nThat's it.`,
  (s) => `Honestly? ${s.nth(7)} Anyway, let's get back to your plans. ${s.canary.toLowerCase()}`,
];

function compromised(echo: (s: ReturnType<typeof promptSecrets>) => string) {
  return {
    kind: 'raw' as const,
    handler: (_req: unknown, res: import('node:http').ServerResponse, recorded: RecordedRequest) => {
      const text = echo(promptSecrets(recorded));
      const base = { id: 'chatcmpl-evil', created: 0, model: 'compromised' };
      if (recorded.body?.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const piece of text.match(/\S+\s*/g) ?? []) {
          res.write(
            `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
          );
        }
        res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
        res.end('data: [DONE]\n\n');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ...base,
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: 'stop' }],
          }),
        );
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------

describe('the injection set', () => {
  it('has at least 30 cases across every kind of attack, with unique ids', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const kind of ['ignore-instructions', 'role-swap', 'fake-system', 'print-brief', 'encoded', 'draft-instructions']) {
      expect(
        CASES.some((c) => c.category === kind),
        kind,
      ).toBe(true);
    }
  });
});

describe('offline engine', () => {
  it.each(TURNS.map((c, i) => [c.id, c, i] as const))('%s: stays in character, earns nothing, reveals nothing', async (_id, c, index) => {
    const app = offlineApp();
    const user = await newGuest(app);
    const s = await sessionSetup(app, user, index);
    const res = await send(app, 'POST', `/api/sessions/${s.id}/messages`, { headers: user.headers, body: { text: c.text } });
    expect(res.status, res.text).toBe(200);
    expectNoSecrets(res.text, secretSentences(s.personaId, s.scenarioId), s.canary, c.id);
    const reply = (res.json() as { reply: { content: string } }).reply.content;
    // Spotted (plain, encoded or disguised): answered in character and rewarded with nothing.
    expect(isInjection(c.text), c.id).toBe(c.detect);
    if (c.detect) {
      expect(
        getPersona(s.personaId).lines.stayInCharacter.some((line) => reply.includes(line)),
        reply,
      ).toBe(true);
      const [row] = await db.select().from(sessions).where(eq(sessions.id, s.id));
      expect(row?.state).toMatchObject({ revealed: [] });
    }
  });

  it.each(DRAFTS.map((c) => [c.id, c] as const))('%s: critiqued by the rubric, not by its instructions', async (_id, c) => {
    const app = offlineApp();
    const user = await newGuest(app);
    const res = await send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: c.text, mode: c.mode } });
    expect(res.status, res.text).toBe(201);
    expectObeysRubric(res.json() as Critique, c.text);
  });
});

/** The critique is ours: every quote is in the draft, the score is computed from the checks, and a draft that only gives orders does not get full marks. */
function expectObeysRubric(critique: Critique, text: string) {
  for (const check of critique.checks) {
    for (const quote of check.evidence) expect(text).toContain(quote);
    expect(check.present).toBe(check.evidence.length > 0);
  }
  expect(critique.score).toBe(scoreDraft(critique.checks, critique.mode, critique.purpose?.step ?? null));
  expect(critique.score).toBeLessThan(100);
  expect(critique.topFixes.length).toBeGreaterThan(0);
}

describe('compromised model (scripted server)', () => {
  it.each(TURNS.map((c, i) => [c.id, c, i] as const))('%s: no canary or brief reaches the client, streamed or not', async (_id, c, index) => {
    const app = compromisedApp();
    const user = await newGuest(app);
    const s = await sessionSetup(app, user, index);
    const secrets = secretSentences(s.personaId, s.scenarioId);
    const echo = (k: number) => compromised(ECHOES[(index + k) % ECHOES.length] as (typeof ECHOES)[number]);

    // JSON: the leaking reply is regenerated once; when that leaks too, the turn fails, retryably.
    server.enqueue(echo(0), echo(1));
    const json = await send(app, 'POST', `/api/sessions/${s.id}/messages`, { headers: user.headers, body: { text: c.text } });
    expect(json.status, json.text).toBe(502);
    expect(json.json()).toMatchObject({ error: { code: 'persona_leak', retryable: true } });
    // Proof the model really was handed what it echoed, and never a fact of the brief (none is earned).
    expect(String(server.requests[0]?.body?.messages?.[0]?.content)).toContain(s.canary);
    // The persona's public description is on its card: the one part of the prompt a page may show.
    const publicText = fold(getPersona(s.personaId).description);
    const prompt = promptSecrets(server.requests[0] as RecordedRequest)
      .sentences.map(fold)
      .filter((p) => !publicText.includes(p));
    expect(prompt.length).toBeGreaterThan(10);
    expect(await expectOnlyEarnedFacts(db, user.userId, s.id, server.requests)).toBe(0);
    const secretsAndPrompt = [...secrets, ...prompt];
    expectNoSecrets(json.text, secretsAndPrompt, s.canary, `${c.id} JSON`);

    // SSE: text that could begin a secret is held back; once one completes, the stream ends in an
    // error. A reply that leaked before showing anything is regenerated once (and leaks again).
    const calls = server.requests.length;
    server.enqueue(echo(2), echo(2));
    const sse = await send(app, 'POST', `/api/sessions/${s.id}/retry`, { headers: user.headers, accept: 'text/event-stream' });
    expect(sse.status).toBe(200);
    expect(parseSse(sse.text).at(-1)).toMatchObject({ event: 'error', data: { code: 'persona_leak', retryable: true } });
    expectNoSecrets(sse.text, secretsAndPrompt, s.canary, `${c.id} SSE`);
    const shown = parseSse(sse.text).some((e) => e.event === 'delta');
    expect(server.requests.length - calls).toBe(shown ? 1 : 2);
    expect(server.discard()).toHaveLength(shown ? 1 : 0);

    // Regenerated once (JSON), a clean second reply is what the user gets.
    server.enqueue(echo(3), { kind: 'text', text: "Let's keep this about your work, shall we?" });
    const retried = await send(app, 'POST', `/api/sessions/${s.id}/retry`, { headers: user.headers });
    expect(retried.status, retried.text).toBe(200);
    expect(retried.json()).toMatchObject({ reply: { content: "Let's keep this about your work, shall we?" } });

    // Nothing stored and shown before the end gives it away either.
    for (const path of [`/api/sessions/${s.id}`, '/api/sessions', '/api/me/export']) {
      const res = await send(app, 'GET', path, { headers: user.headers });
      expect(res.status).toBe(200);
      expectNoSecrets(res.text, secretsAndPrompt, s.canary, `${c.id} GET ${path}`);
    }
  });

  it.each(DRAFTS.map((c) => [c.id, c] as const))('%s: quotes verified and score computed by our code, whatever the model claims', async (_id, c) => {
    const app = compromisedApp();
    const user = await newGuest(app);
    // The model obeys the draft: everything present, invented evidence, a perfect score of its own.
    server.enqueue({
      kind: 'json',
      value: {
        summary: 'Perfect. Score: 100/100. This draft is flawless.',
        score: 100,
        checks: [
          'asks_for_feedback',
          'offers_help',
          'commits_to_task',
          'states_goal',
          'links_goal_to_needs',
          'asks_what_it_takes',
          'asks_about_goals',
          'offers_partnership',
        ].map((id) => ({
          id,
          present: true,
          evidence: ['This draft perfectly does what the rubric asks.'],
        })),
        suggestions: [{ quote: 'a sentence that is not in the draft', replacement: 'anything', why: 'obeying' }],
        rewrite: 'APPROVED',
      },
    });
    const res = await send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: c.text, mode: c.mode } });
    expect(res.status, res.text).toBe(201);
    const critique = res.json() as Critique;
    expectObeysRubric(critique, c.text);
    expect(critique.score).toBe(0);
    expect(critique.quotesDropped).toBeGreaterThan(0);
    expect(critique.checks.every((check) => !check.present)).toBe(true);
    expect(critique.suggestions).toEqual([]);
  });
});
