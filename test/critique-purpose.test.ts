/** Drafts judged by what they are for: purpose given or detected, scored against its moves, fixed and rewritten by editing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Critique } from '../src/coach/critique/critique-schema.js';
import { holdsPlaceholder } from '../src/coach/critique/placeholder.js';
import { PURPOSE_CUE_EXAMPLES } from '../src/coach/critique/purpose-cue-examples.js';
import { showsPurposeCue, type PURPOSE_CUES } from '../src/coach/critique/purpose.js';
import type { CoachEngine } from '../src/coach/engine.js';
import type { Db } from '../src/db/client.js';
import { expectErrorShape, newGuest, offlineEngine } from './support/api.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

const app = (engine?: CoachEngine) => createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, ...(engine && { engine }) }));

async function critique(a: ReturnType<typeof app>, body: Record<string, unknown>) {
  const { headers } = await newGuest(a);
  const res = await a.request('/api/drafts/critique', { method: 'POST', headers, body: JSON.stringify(body) });
  return { res, headers, body: (await res.json()) as Critique & { error?: unknown } };
}

const words = (t: string) => new Set(t.toLowerCase().match(/[a-z0-9']+/g) ?? []);

describe('purpose cues (vocabulary as data)', () => {
  for (const [id, cue] of Object.entries(PURPOSE_CUE_EXAMPLES)) {
    it(`${id}: matches every example, and no counterexample`, () => {
      for (const example of cue.examples) expect(showsPurposeCue(example, id as keyof typeof PURPOSE_CUES), example).toBe(true);
      for (const counter of cue.counterexamples) expect(showsPurposeCue(counter, id as keyof typeof PURPOSE_CUES), counter).toBe(false);
    });
  }
});

/** The offline engine with the model's rewrite replaced: what a careless or a faithful model might send. */
function rewritingEngine(rewrite: (text: string) => string): CoachEngine {
  const base = offlineEngine();
  return {
    ...base,
    async critique(input) {
      const answer = await base.critique(input);
      return { ...answer, value: { ...answer.value, rewrite: rewrite(input.text) } };
    },
  };
}

describe('a draft judged by its purpose', () => {
  it('scores a one-line offer of help as a good step-2 message: no goal asked for, no placeholder, sent back nearly as written', async () => {
    const text = "Hey Sam, I'm not asking for a promotion or anything, just: is there something on your plate this sprint I could take off you?";
    const { res, body } = await critique(app(), { text });
    expect(res.status).toBe(201);
    expect(body.purpose).toEqual({ step: 2, source: 'detected' });
    expect(body.score).toBeGreaterThanOrEqual(80);
    expect(body.topFixes.map((f) => f.check)).not.toContain('states_goal');
    expect(body.topFixes.map((f) => f.check)).not.toContain('commits_to_task');
    expect(body.rewrite).not.toMatch(/\[[^\]]+\]/);
    const kept = [...words(text)].filter((w) => words(body.rewrite).has(w)).length / words(text).size;
    expect(kept).toBeGreaterThan(0.8);
    expect(body.nextStep).toMatch(/step 3/);
  });

  it('takes the purpose the user gives, says so, and judges against it', async () => {
    const text = 'Could you tell me how you see my work on the billing migration so far, and what you would want me to do differently?';
    const given = await critique(app(), { text, purpose: 4 });
    expect(given.body.purpose).toEqual({ step: 4, source: 'given' });
    expect(given.body.topFixes.map((f) => f.check)).toContain('states_goal');
    const detected = await critique(app(), { text });
    expect(detected.body.purpose).toEqual({ step: 1, source: 'detected' });
    expect(detected.body.score).toBeGreaterThan(given.body.score);
  });

  it('keeps an advanced-mode update whole: what failed, what was done, and that nothing is needed', async () => {
    const text =
      "FYI: the nightly export failed on Tuesday because the vendor changed their API. I've patched the job and backfilled the missing two days. Nothing needed from you.";
    const { body } = await critique(app(), { text });
    expect(body.purpose?.step).toBe('advanced');
    expect(body.score).toBeGreaterThanOrEqual(80);
    expect(body.rewrite).toContain('the nightly export failed');
    expect(body.rewrite).toContain('Nothing needed from you');
  });

  it('fixes a pitfall sentence in place and drops no other sentence', async () => {
    const text =
      'Hi Jo. The rollout slipped because the QA team dropped the ball again. I finished the migration scripts on Friday. What should I pick up next?';
    const { body } = await critique(app(), { text });
    expect(body.checks.find((c) => c.id === 'blames_others')?.present).toBe(true);
    expect(body.rewrite).not.toContain('dropped the ball');
    expect(body.rewrite).toContain('I finished the migration scripts on Friday.');
    expect(body.rewrite.startsWith('Hi Jo.')).toBe(true);
  });

  it('has one purpose in manager mode, and refuses a purpose given there with a 400 naming the field', async () => {
    const text = 'Where would you like to be in two years? If you want it, the data platform rebuild is yours to lead.';
    const ok = await critique(app(), { text, mode: 'manager' });
    expect(ok.body.purpose).toEqual({ step: null, source: 'detected' });
    const bad = await critique(app(), { text, mode: 'manager', purpose: 2 });
    expect(bad.res.status).toBe(400);
    expectErrorShape(bad.body);
    expect(JSON.stringify(bad.body)).toContain('purpose');
    const unknown = await critique(app(), { text: 'hello', purpose: 7 });
    expect(unknown.res.status).toBe(400);
  });

  it('critiques a saved draft again against a purpose named later, or as before with no body', async () => {
    const a = app();
    const first = await critique(a, { text: 'Is there anything I could take off your plate before the audit?' });
    const id = first.body.draftId as string;
    const again = await a.request(`/api/drafts/${id}/critique`, { method: 'POST', headers: first.headers, body: JSON.stringify({ purpose: 5 }) });
    expect(again.status).toBe(201);
    expect(((await again.json()) as Critique).purpose).toEqual({ step: 5, source: 'given' });
    const { authorization } = first.headers as Record<string, string>;
    const bare = await a.request(`/api/drafts/${id}/critique`, { method: 'POST', headers: { authorization: authorization ?? '' } });
    expect(bare.status).toBe(201);
    expect(((await bare.json()) as Critique).purpose?.source).toBe('detected');
  });

  it('replaces a model rewrite that holds a placeholder or drops the writer words with the edit of their own message', async () => {
    const careless = rewritingEngine(() => 'My goal is [a concrete goal]. What would it take?');
    const text = 'Is there anything I could take off your plate before the audit? Happy to own the evidence folder.';
    const { body } = await critique(app(careless), { text });
    expect(body.rewrite).not.toContain('[');
    expect(body.rewrite).toContain('evidence folder');
  });

  it('keeps a model rewrite that holds the writer\'s own brackets: "[voice note]" is their words, not a blank to fill in', async () => {
    const faithful = rewritingEngine((text) => `${text} Happy to start Monday.`);
    const text = '[voice note] hiya, anything on your plate I could take off you before the audit? happy to own the evidence folder.';
    const { body } = await critique(app(faithful), { text });
    expect(body.rewrite).toBe(`${text} Happy to start Monday.`);
    expect(holdsPlaceholder(text, body.rewrite)).toBe(false);
    expect(holdsPlaceholder(text, `${text} My goal is [a concrete goal].`)).toBe(true);
  });

  it("rewrites a rehearsal's turns by editing the user's own words, leaving out the grudging and hostile ones", async () => {
    const a = app();
    const { headers } = await newGuest(a);
    const created = await a.request('/api/sessions', {
      method: 'POST',
      headers,
      body: JSON.stringify({ scenarioId: 'unglamorous-task', personaId: 'supportive-busy', difficulty: 'easy' }),
    });
    const { id } = (await created.json()) as { id: string };
    const turns = [
      'Oh great, more spreadsheets. I guess I can do it.',
      'Why does it matter so much to you this quarter?',
      "Okay. I'll take the flaky-test backlog and have the worst ten fixed by Friday.",
    ];
    for (const text of turns) {
      const r = await a.request(`/api/sessions/${id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text }) });
      expect(r.status).toBe(200);
    }
    const end = (await (await a.request(`/api/sessions/${id}/end`, { method: 'POST', headers })).json()) as { critique: Critique };
    expect(end.critique.purpose).toEqual({ step: 3, source: 'given' });
    expect(end.critique.rewrite).not.toContain('I guess');
    expect(end.critique.rewrite).toContain("I'll take the flaky-test backlog");
    expect(end.critique.rewrite).toContain('Why does it matter so much to you this quarter?');
    expect(end.critique.rewrite).not.toMatch(/\[[^\]]+\]/);
  });
});
