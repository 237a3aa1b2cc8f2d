/** Turn readings, and the offline persona answering what the turn did, in conversation context. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { CUE_EXAMPLES } from '../src/coach/reading/act-cue-examples.js';
import type { CueId } from '../src/coach/reading/act-cues.js';
import { readTurnOffline, showsCue } from '../src/coach/reading/read-turn.js';
import { getBrief, getPersona, type PersonaId } from '../src/coach/scenarios/index.js';
import type { Db } from '../src/db/client.js';
import { messages } from '../src/db/schema.js';
import { newGuest } from './support/api.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

describe('act cues (vocabulary as data)', () => {
  for (const [id, cue] of Object.entries(CUE_EXAMPLES)) {
    it(`${id}: reads every example as the act, and no counterexample`, () => {
      for (const example of cue.examples) expect(showsCue(example, id as CueId), example).toBe(true);
      for (const counter of cue.counterexamples) expect(showsCue(counter, id as CueId), counter).toBe(false);
    });
  }
});

describe('offline reading', () => {
  it('reads a paraphrased question about what weighs on the manager as asking what they need, not as refusing work', () => {
    const r = readTurnOffline('If you could hand one problem to someone else tomorrow and never think about it again, which one would it be?', 'employee');
    expect(r.acts).toContain('asks_needs');
    expect(r.checks.map((c) => c.id)).toEqual(['offers_help']);
  });

  it('gives grudging or sarcastic agreement no credit as help or a commitment, and a price is refusing work', () => {
    const grudging = readTurnOffline("I mean I guess I can do it. I'll take the rota.", 'employee', 'Can you own the rota?');
    expect(grudging.acts).toContain('grudging');
    expect(grudging.checks.map((c) => c.id)).not.toContain('commits_to_task');
    expect(grudging.checks.map((c) => c.id)).not.toContain('offers_help');
    const bargain = readTurnOffline("fine, I'll do the audit if I can drop the on-call rota", 'employee', 'I need someone on the audit.');
    expect(bargain.checks.find((c) => c.id === 'refuses_work')?.evidence[0]).toBe("fine, I'll do the audit if I can drop the on-call rota");
  });

  it('reads a goodbye as wrapping up, an answer to a question as an answer, and every quote as a slice of the turn', () => {
    expect(readTurnOffline('First Monday of each month then. Thanks Helen.', 'employee').acts).toContain('wraps_up');
    expect(readTurnOffline('mostly the rota stuff tbh', 'employee', 'What takes most of your week?').acts).toEqual(['answers']);
    const text = "Thanks for making the time. What's the one thing on your plate I could take off you this month?";
    for (const c of readTurnOffline(text, 'employee').checks) for (const q of c.evidence) expect(text).toContain(q);
  });
});

type App = ReturnType<typeof createApp>;
async function rehearse(app: App, personaId: PersonaId, scenarioId: string, difficulty = 'medium') {
  const { headers } = await newGuest(app);
  const res = await app.request('/api/sessions', { method: 'POST', headers, body: JSON.stringify({ scenarioId, personaId, difficulty }) });
  const session = (await res.json()) as { id: string };
  return {
    id: session.id,
    say: async (text: string) => {
      const r = await app.request(`/api/sessions/${session.id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text }) });
      expect(r.status, await r.clone().text()).toBe(200);
      return ((await r.json()) as { reply: { content: string } }).reply.content;
    },
  };
}

describe('wrapping up, read where it stands in the turn', () => {
  it('reads a goodbye that asks when to talk next as wrapping up and proposing the follow-up', () => {
    const r = readTurnOffline("nah that's it, cheers. same time next month?", 'employee', 'Anything else?', 4);
    expect(r.acts).toEqual(expect.arrayContaining(['wraps_up', 'proposes_follow_up']));
  });
  it('does not read thanks that opens a longer turn as a goodbye', () => {
    const r = readTurnOffline(
      "Thanks. I'll try not to ramble. I'd like to be considered for the store manager role at Eastfield when Pete retires next spring.",
      'employee',
      'Go on then.',
      2,
    );
    expect(r.acts).not.toContain('wraps_up');
    expect(r.acts).toContain('states_goal');
  });
  it('does not read "see you" inside a sentence about something else as a goodbye, nor a closing that still asks something', () => {
    expect(readTurnOffline('for team lead I need to see you coach the new starters this quarter', 'manager', 'What do I need to do?', 3).acts).not.toContain(
      'wraps_up',
    );
    expect(readTurnOffline('thanks Priya. Before you go, who should I ask about the rota?', 'employee', 'Right, I have to run.', 3).acts).not.toContain(
      'wraps_up',
    );
  });
});

describe('the offline persona answers what the turn did', () => {
  const app = () => createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' } }));
  const priya = getPersona('supportive-busy');

  it('says goodbye to a wrap-up, with no new question', async () => {
    const s = await rehearse(app(), 'supportive-busy', 'offer-help');
    const reply = await s.say('That is all from me, thanks so much for the time. Speak soon!');
    expect(priya.lines.farewell).toContain(reply);
    expect(reply).not.toContain('?');
  });

  it('acknowledges a commitment', async () => {
    const s = await rehearse(app(), 'supportive-busy', 'unglamorous-task');
    const reply = await s.say("Yes, I'll take the flaky-test backlog. I'll start on Monday and have the worst ten fixed by Friday.");
    // Either the acknowledgement itself, or a word of thanks and what the commitment earned: why the work matters to her.
    const earned = getBrief('supportive-busy', 'unglamorous-task').facts.filter((f) => f.earnedBy.includes('commits_to_task'));
    const thanked = earned.some((f) => reply === `Thank you. ${f.revealLine}` || reply === `Appreciated. ${f.revealLine}`);
    expect(priya.lines.acceptCommitment.includes(reply) || thanked, reply).toBe(true);
  });

  it('answers a question it cannot yet answer in full, in character, without a line about something else', async () => {
    const s = await rehearse(app(), 'skeptical', 'performance-check', 'hard');
    const reply = await s.say('How do you see my work on the store so far?');
    const helen = getPersona('skeptical');
    expect(helen.lines.deflect?.feedback).toContain(reply);
  });

  it('names sarcasm instead of taking it as help, and it earns nothing', async () => {
    const s = await rehearse(app(), 'supportive-busy', 'unglamorous-task', 'easy');
    const reply = await s.say('Oh great, more spreadsheets. I guess I can do it.');
    expect(priya.lines.grudging).toContain(reply);
    const [row] = await db
      .select({ reading: messages.reading })
      .from(messages)
      .where(and(eq(messages.sessionId, s.id), eq(messages.seq, 1)));
    expect(row?.reading?.acts).toContain('grudging');
    expect(row?.reading?.checks.map((c) => c.id) ?? []).not.toContain('commits_to_task');
  });

  it('never repeats a line while its pool lasts', async () => {
    const s = await rehearse(app(), 'supportive-busy', 'offer-help');
    const replies: string[] = [];
    const pool = priya.lines.smallTalk ?? [];
    expect(pool.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < pool.length; i++) replies.push(await s.say(`How was your weekend ${i}?`));
    expect(new Set(replies).size).toBe(pool.length);
    expect([...replies].sort()).toEqual([...pool].sort());
  });

  it('tells a user who asked but met a guarded persona that they held back, not that they did not ask', async () => {
    const a = app();
    const { headers } = await newGuest(a);
    const created = await a.request('/api/sessions', {
      method: 'POST',
      headers,
      body: JSON.stringify({ scenarioId: 'offer-help', personaId: 'skeptical', difficulty: 'hard' }),
    });
    const { id } = (await created.json()) as { id: string };
    const say = (text: string) => a.request(`/api/sessions/${id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text }) });
    expect((await say('Is there anything on the regional side I could take off your plate this month?')).status).toBe(200);
    const end = (await (await a.request(`/api/sessions/${id}/end`, { method: 'POST', headers })).json()) as {
      discoveries: Array<{ id: string; uncovered: boolean; heldBack: boolean }>;
      hints: string[];
    };
    expect(end.discoveries.find((d) => d.id === 'need')).toMatchObject({ uncovered: false, heldBack: true });
    expect(end.discoveries.filter((d) => d.id !== 'need').every((d) => !d.heldBack)).toBe(true);
    expect(end.hints.some((h) => h.startsWith('You asked about what they need from you, but they held back'))).toBe(true);
    expect(end.hints.some((h) => h.startsWith('You did not find out what they need'))).toBe(false);
  });

  it('stores the reading with the user turn when its reply settles', async () => {
    const s = await rehearse(app(), 'overwhelmed', 'offer-help');
    await s.say("What's the one thing on the ward I could take off you this week?");
    const rows = await db.select({ seq: messages.seq, role: messages.role, reading: messages.reading }).from(messages).where(eq(messages.sessionId, s.id));
    const user = rows.find((r) => r.role === 'user');
    expect(user?.reading).toMatchObject({ acts: expect.arrayContaining(['asks_needs']), source: 'analyzer' });
    expect(rows.filter((r) => r.role === 'persona').every((r) => r.reading === null)).toBe(true);
  });
});

describe('hints for where the conversation is', () => {
  it('names the next move after the furthest step reached, not the first one missing', async () => {
    const { nextMove } = await import('../src/coach/roleplay/hint.js');
    const { getScenario } = await import('../src/coach/scenarios/index.js');
    const scenario = getScenario('goal-alignment');
    const start = nextMove(scenario, { earned: {}, revealed: [], seen: {} });
    expect(start?.id).toBe(scenario.scoredChecks.includes('asks_for_feedback') ? 'asks_for_feedback' : start?.id);
    const atGoal = nextMove(scenario, { earned: {}, revealed: [], seen: { states_goal: 2 } });
    expect(atGoal && typeof atGoal.step === 'number' ? atGoal.step : 0).toBeGreaterThanOrEqual(4);
    expect(atGoal?.id).not.toBe('states_goal');
  });
});
