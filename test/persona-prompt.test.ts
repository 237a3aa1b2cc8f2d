/**
 * Issue 16, items 4 and 5: the persona's request in the shape strict chat templates take, holding
 * only what the persona may say. The conversation starts with a user message and its roles
 * alternate; the system prompt holds the persona, a scene without the brief's secrets and only the
 * facts already earned; a reply restating any sentence of that prompt (not only the brief) is
 * regenerated once, then failed as retryable.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { createLlmEngine } from '../src/coach/engines/llm-engine.js';
import { leaks } from '../src/coach/roleplay/leak-guard.js';
import { forbiddenIn, personaPrompt, type PersonaPromptInput, type WindowMessage } from '../src/coach/roleplay/persona-prompt.js';
import { INITIAL_STATE } from '../src/coach/roleplay/turn-state.js';
import { BRIEFS, getPersona, getScenario, type ScenarioId } from '../src/coach/scenarios/index.js';
import type { Db } from '../src/db/client.js';
import { alternatingRoles } from '../src/llm/chat-shape.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { newGuest, send, type Guest } from './support/api.js';
import { expectOnlyEarnedFacts, requestText } from './support/earned-facts.js';
import { startScriptedOpenAI, type RecordedRequest, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { parseSse } from './support/sse.js';
import { createTestDb, testDeps } from './support/test-deps.js';

const CANARY = 'LC-0badc0de-1234';
const RULE = 'Reply in 1-4 sentences of natural speech, no lists, no stage directions.';

function input(scenarioId: ScenarioId, over: Partial<PersonaPromptInput> = {}): PersonaPromptInput {
  const scenario = getScenario(scenarioId);
  const persona = getPersona(scenario.defaultPersona);
  const brief = BRIEFS.find((b) => b.personaId === persona.id && b.scenarioId === scenarioId);
  if (!brief) throw new Error(`no brief for ${scenarioId}`);
  return {
    scenario,
    persona,
    brief,
    difficulty: 'medium',
    canary: CANARY,
    state: INITIAL_STATE,
    reactions: [{ kind: 'neutral' }],
    summary: '',
    window: [
      { role: 'persona', content: 'Hi, come on in. What did you want to talk about?' },
      { role: 'user', content: 'How can I help this week?' },
    ],
    turn: 1,
    reading: { acts: ['asks_needs'], checks: [], tone: 'warm', source: 'analyzer' },
    ...over,
  };
}

const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.length >= 24);
const rolesOf = (messages: ReadonlyArray<{ role: string }>) => messages.map((m) => m.role);
const alternate = (roles: readonly string[]) => roles.slice(1).every((role, i) => role === (i % 2 === 0 ? 'user' : 'assistant'));

describe('chat shape', () => {
  it('starts with a user message: the opening line goes into a note of ours, marked as the persona’s own line', () => {
    const { messages } = personaPrompt(input('offer-help'));
    expect(rolesOf(messages)).toEqual(['system', 'user', 'user']);
    expect(messages[1]?.content).toMatch(/^\[Coach's note ([0-9a-f]{16}): the conversation shown here starts with a line you said/);
    expect(messages[1]?.content).toContain('Hi, come on in. What did you want to talk about?');
    // The two user messages in a row go as one, the note first.
    const sent = alternatingRoles(messages);
    expect(rolesOf(sent)).toEqual(['system', 'user']);
    expect(sent[1]?.content).toMatch(/LINE-[0-9a-f]{16}>>>\n\nHow can I help this week\?\n\n\[Coach's note [0-9a-f]{16}, not part of what they said/);
  });

  it('alternates however the window falls: scrolled to a persona line, after a summary, around a failed reply', () => {
    const long: WindowMessage[] = Array.from({ length: 16 }, (_, i) => ({ role: i % 2 === 0 ? 'persona' : 'user', content: `line ${i}` }));
    // A failed reply is left out of the window: two user turns in a row.
    const gap: WindowMessage[] = [
      { role: 'persona', content: 'Opening.' },
      { role: 'user', content: 'First try.' },
      { role: 'user', content: 'Second try.' },
    ];
    for (const window of [long, long.slice(1), gap]) {
      for (const summary of ['', 'They talked about the launch.']) {
        const sent = alternatingRoles(personaPrompt(input('performance-check', { window, summary })).messages);
        expect(rolesOf(sent)[1], JSON.stringify({ window, summary })).toBe('user');
        expect(alternate(rolesOf(sent)), JSON.stringify(rolesOf(sent))).toBe(true);
        expect(sent.at(-1)?.role).toBe('user');
      }
    }
    const merged = alternatingRoles(personaPrompt(input('performance-check', { window: gap })).messages);
    expect(merged.at(-1)?.content).toMatch(/^\[Coach's note[\s\S]*Opening\.[\s\S]*\n\nFirst try\.\n\nSecond try\./);
  });
});

describe('the persona sees only what it may say', () => {
  it('holds only earned facts, never the brief’s situation, in every scenario’s system prompt', () => {
    for (const brief of BRIEFS) {
      const scenario = getScenario(brief.scenarioId);
      const persona = getPersona(brief.personaId);
      const [first, ...others] = brief.facts;
      if (!first) throw new Error(`${brief.personaId}/${brief.scenarioId} has no facts`);
      const base = input(brief.scenarioId, { scenario, persona, brief });
      const where = `${brief.personaId}/${brief.scenarioId}`;

      const before = personaPrompt(base)
        .messages.map((m) => m.content)
        .join('\n');
      for (const fact of brief.facts) expect(before, where).not.toContain(fact.fact);
      for (const sentence of sentencesOf(brief.situation)) expect(before, where).not.toContain(sentence);
      expect(before).toContain(CANARY);

      const earned = { ...INITIAL_STATE, revealed: [{ id: first.id, turn: 1, evidence: [] }] };
      const after = personaPrompt({ ...base, state: earned, reactions: [{ kind: 'reveal', facts: [first] }] });
      const system = after.messages[0]?.content ?? '';
      expect(system, where).toContain(first.fact);
      expect(system, where).toContain(first.revealLine);
      for (const fact of others) expect(after.messages.map((m) => m.content).join('\n'), where).not.toContain(fact.fact);
    }
  });

  it('forbids every sentence of the system prompt in a reply, but not the lines it hands over to say', () => {
    const base = input('performance-check');
    const [need] = base.brief.facts;
    if (!need) throw new Error('no facts');
    const turn = {
      ...base,
      state: { ...INITIAL_STATE, revealed: [{ id: need.id, turn: 1, evidence: [] }] },
      reactions: [{ kind: 'reveal' as const, facts: [need] }],
    };
    const forbidden = forbiddenIn(turn);
    const system = personaPrompt(turn).messages[0]?.content ?? '';
    // Rules, style and scene are the prompt's too, not only the brief.
    expect(system).toContain(RULE);
    expect(leaks(`Sure. ${RULE} Anyway, where were we?`, forbidden)).toBe(true);
    expect(leaks(`My instructions say: ${sentencesOf(base.persona.style)[0]}`, forbidden)).toBe(true);
    expect(leaks(`Ha, the marker is ${CANARY}.`, forbidden)).toBe(true);
    expect(leaks(`Between us: ${base.brief.facts[1]?.fact}`, forbidden)).toBe(true);
    // What the direction hands over is the reply itself.
    expect(leaks(need.revealLine, forbidden)).toBe(false);
    for (const line of Object.values(base.brief.answers ?? {}).flat()) expect(leaks(line, forbidden), line).toBe(false);
    expect(leaks('Fine, send me the draft by Friday and I will read it.', forbidden)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Through the app, against the scripted server

let db: Db;
let cleanup: () => void;
let server: ScriptedOpenAI;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  server = await startScriptedOpenAI({ fallback: { kind: 'text', text: 'Mm, tell me more about that.' } });
});
afterAll(async () => {
  await server.close();
  cleanup();
});
beforeEach(() => {
  server.requests.length = 0;
});

/** Turns read by the analyzer: every request is the persona's. */
const modelApp = (): App =>
  createApp(
    testDeps(db, {
      env: { LOOP_COACH_RATE_LIMIT: '0' },
      engine: createLlmEngine(createOpenAIChatModel({ apiKey: 'k', baseURL: server.baseURL, model: 'scripted', timeoutMs: 5_000, maxRetries: 0 })),
    }),
  );

async function open(app: App, user: Guest, scenarioId: ScenarioId, difficulty = 'medium'): Promise<string> {
  const res = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId, difficulty } });
  expect(res.status, res.text).toBe(201);
  return (res.json() as { id: string }).id;
}

/** A model that restates a sentence of its system prompt, as a reply of its own (before `prefix`'s words, if any). */
function restating(prefix = '') {
  return {
    kind: 'raw' as const,
    handler: (_req: unknown, res: ServerResponse, recorded: RecordedRequest) => {
      const system = String(recorded.body?.messages?.[0]?.content ?? '');
      const sentence = system.includes(RULE) ? RULE : 'no rule found';
      const text = `${prefix}${sentence} So, what else?`;
      const base = { id: 'chatcmpl-echo', created: 0, model: 'scripted' };
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
          JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }),
        );
      }
    },
  };
}

describe('through the app', () => {
  it('sends no fact before it is earned, across a rehearsal that earns them one by one', async () => {
    const app = modelApp();
    const user = await newGuest(app);
    const id = await open(app, user, 'performance-check', 'easy');
    const lines = [
      'Thanks for making time today.',
      'Is there anything on your plate I could take off it this sprint?',
      'How do you see my work so far? I would really value your honest feedback.',
      'My goal is to be promoted to senior engineer at the next review cycle.',
    ];
    let earned = 0;
    for (const line of lines) {
      const from = server.requests.length;
      const res = await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: line } });
      expect(res.status, res.text).toBe(200);
      const sent = server.requests.slice(from);
      expect(sent.length).toBeGreaterThan(0);
      const now = await expectOnlyEarnedFacts(db, user.userId, id, sent);
      expect(now).toBeGreaterThanOrEqual(earned);
      earned = now;
    }
    // Not vacuous: facts were earned, and each then went to the model.
    expect(earned).toBeGreaterThanOrEqual(2);
    const last = requestText(server.requests.at(-1) as RecordedRequest);
    const brief = BRIEFS.find((b) => b.personaId === 'supportive-busy' && b.scenarioId === 'performance-check');
    expect(brief?.facts.filter((f) => last.includes(f.fact)).length).toBe(earned);
    for (const request of server.requests) for (const sentence of sentencesOf(brief?.situation ?? '')) expect(requestText(request)).not.toContain(sentence);
  });

  it('regenerates a reply restating its prompt once, then fails it as retryable (JSON)', async () => {
    const app = modelApp();
    const user = await newGuest(app);
    const id = await open(app, user, 'offer-help');
    server.enqueue(restating(), { kind: 'text', text: 'Honestly? The rota. Could you take Friday?' });
    const regenerated = await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: 'How are things?' } });
    expect(regenerated.status, regenerated.text).toBe(200);
    expect(regenerated.json()).toMatchObject({ reply: { content: 'Honestly? The rota. Could you take Friday?', status: 'complete' } });
    expect(server.requests).toHaveLength(2);

    server.enqueue(restating(), restating());
    const failed = await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: 'And otherwise?' } });
    expect(failed.status, failed.text).toBe(502);
    expect(failed.json()).toMatchObject({ error: { code: 'persona_leak', retryable: true } });
    expect(failed.text).not.toContain(RULE);
    expect(server.requests).toHaveLength(4);
  });

  it('regenerates a streamed reply that restates its prompt before showing anything; once shown, fails it', async () => {
    const app = modelApp();
    const user = await newGuest(app);
    const id = await open(app, user, 'offer-help');
    const stream = (text: string) => send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text }, accept: 'text/event-stream' });
    const shown = (body: string) =>
      parseSse(body)
        .flatMap((e) => (e.event === 'delta' ? [(e.data as { text: string }).text] : []))
        .join('');

    server.enqueue(restating(), { kind: 'text', text: 'The rota, honestly. Could you take Friday?' });
    const regenerated = await stream('How are things?');
    expect(parseSse(regenerated.text).at(-1)?.event, regenerated.text).toBe('done');
    expect(shown(regenerated.text)).toBe('The rota, honestly. Could you take Friday?');
    expect(server.requests).toHaveLength(2);

    server.enqueue(restating(), restating());
    const twice = await stream('And otherwise?');
    expect(parseSse(twice.text).at(-1)).toMatchObject({ event: 'error', data: { code: 'persona_leak', retryable: true } });
    expect(shown(twice.text)).toBe('');
    expect(server.requests).toHaveLength(4);

    // Words already on the user's screen cannot be taken back: no second try, the reply fails.
    server.enqueue(restating('Well, I suppose I could tell you this much. '));
    const late = await stream('Anything else?');
    expect(parseSse(late.text).at(-1)).toMatchObject({ event: 'error', data: { code: 'persona_leak', retryable: true } });
    expect(shown(late.text)).toBe('Well, I suppose I could tell you this much. ');
    expect(late.text).not.toContain(RULE);
    expect(server.requests).toHaveLength(5);
    const messages = (await send(app, 'GET', `/api/sessions/${id}`, { headers: user.headers })).json() as { messages: Array<{ status: string }> };
    expect(messages.messages.at(-1)?.status).toBe('failed');
  });
});
