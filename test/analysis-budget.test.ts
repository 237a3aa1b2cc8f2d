/**
 * Issue 18: analysis has a time budget. Past it the remaining frames are not run; their checks are
 * reported not present and named as unread, the critique or reading is marked partial, and the
 * request still answers. Clocks are injected: one that moves a fixed step each time it is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { analyze } from '../src/coach/analyzer/index.js';
import { warmUpAnalyzer } from '../src/coach/analyzer/warm-up.js';
import { assembleCritique } from '../src/coach/critique/assemble-critique.js';
import type { Critique } from '../src/coach/critique/critique-schema.js';
import { offlineCritique } from '../src/coach/critique/offline-critique.js';
import { readTurnOffline } from '../src/coach/reading/read-turn.js';
import { CHECKS_BY_MODE, checksFor, type CheckId } from '../src/coach/rubric.js';
import type { Db } from '../src/db/client.js';
import { newGuest, offlineEngine } from './support/api.js';
import { realisticDraft } from './support/adversarial-drafts.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

/** A clock that reads `step` ms later every time it is read, and counts its reads. */
function steppingClock(step: number) {
  let t = 0;
  const clock = () => {
    clock.reads += 1;
    return (t += step);
  };
  clock.reads = 0;
  return clock;
}

const DEMAND_AND_OFFER =
  "I deserve the senior title by March or I'll start looking elsewhere. " +
  'Is there anything on your plate I could take off you this sprint? ' +
  'Could we check in on it every two weeks?';

const present = (checks: Partial<Record<CheckId, { present: boolean }>>) =>
  Object.entries(checks)
    .filter(([, f]) => f?.present)
    .map(([id]) => id);

describe('analyze() with a budget', () => {
  it('stops running frames once the budget is spent: the rest are unread and not present, and what was read is read as without a budget', () => {
    const full = analyze(DEMAND_AND_OFFER, 'employee');
    expect(present(full.checks)).toEqual(expect.arrayContaining(['demanding', 'offers_help', 'proposes_follow_up']));
    expect(full.partial).toBeUndefined();

    // Started at 10, spent at 35: the frames asked at 20 and 30 run, the one asked at 40 does not.
    const cut = analyze(DEMAND_AND_OFFER, 'employee', undefined, undefined, { ms: 25, now: steppingClock(10) });
    expect(cut.partial).toBe(true);
    const unread = cut.unread ?? [];
    expect(unread.length).toBeGreaterThan(0);
    expect(unread).toEqual(expect.arrayContaining(['offers_help', 'proposes_follow_up']));
    for (const id of unread) expect(cut.checks[id]).toEqual({ present: false, evidence: [] });
    // Pitfalls are read first, so the demand is still caught.
    expect(cut.checks.demanding).toEqual(full.checks.demanding);
    // Every check of the mode is either read exactly as without a budget, or named unread.
    for (const { id } of CHECKS_BY_MODE.employee) if (!unread.includes(id)) expect(cut.checks[id], id).toEqual(full.checks[id]);
  });

  it('reads more the more budget it has, and everything when it does not run out', () => {
    const unreadWith = (ms: number) => analyze(DEMAND_AND_OFFER, 'manager', undefined, undefined, { ms, now: steppingClock(1) }).unread?.length ?? 0;
    const counts = [1, 2, 3, 4, 5, 6, 1_000].map(unreadWith);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1] as number);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts.at(-1)).toBe(0);
    const roomy = analyze(DEMAND_AND_OFFER, 'manager', undefined, undefined, { ms: 1_000, now: steppingClock(1) });
    expect(roomy).toEqual(analyze(DEMAND_AND_OFFER, 'manager'));
  });

  it('stops the learned reader between sentences, naming the checks it was still deciding', () => {
    // A follow-up only the learned reader finds (test/learned-reader.test.ts), in a text of three sentences.
    const text =
      "first draft end of month? then let's put 30 min every other Thursday to go through it and the principal case. and thanks for being straight with me about the lead thing, genuinely";
    expect(analyze(text, 'manager').checks.proposes_follow_up).toMatchObject({ present: true, learned: true });
    // How many times the frames alone read the clock; then allow those, the reader's first read and its first sentence.
    const frames = steppingClock(1);
    analyze(text, 'manager', undefined, null, { ms: 1_000, now: frames });
    const cut = analyze(text, 'manager', undefined, undefined, { ms: frames.reads + 2, now: steppingClock(1) });
    expect(cut.partial).toBe(true);
    expect(cut.unread).toEqual(['proposes_follow_up']);
    expect(cut.checks.proposes_follow_up).toEqual({ present: false, evidence: [] });
    // With one clock read more it reads the second sentence too, and a third: then it has the quote.
    expect(analyze(text, 'manager', undefined, undefined, { ms: frames.reads + 4, now: steppingClock(1) }).checks.proposes_follow_up).toMatchObject({
      present: true,
      learned: true,
    });
  });
});

describe('a partial critique', () => {
  const budget = { ms: 25, now: steppingClock(10) };
  const engine = offlineCritique(DEMAND_AND_OFFER, 'employee', { budget });
  const critique = (unread: readonly CheckId[] | undefined) =>
    assembleCritique({
      text: DEMAND_AND_OFFER,
      mode: 'employee',
      engine,
      identity: { provider: 'offline', model: 'offline' },
      prompt: { id: 'critique', version: 3 },
      earnedBefore: false,
      ...(unread && { unread }),
      id: 'crq_1',
      createdAt: new Date(0).toISOString(),
    });

  it('says which checks were not read, asks for none of them, and is marked partial', () => {
    expect(engine.unread).toEqual(expect.arrayContaining(['offers_help', 'proposes_follow_up']));
    const c = critique(engine.unread);
    expect(c.partial).toBe(true);
    expect(c.unread).toEqual(engine.unread);
    expect(c.summary).toMatch(/too long to read in full in the time allowed/);
    for (const id of c.unread ?? []) expect(c.summary).toContain(`"${checksFor('employee').find((k) => k.id === id)?.label}"`);
    expect(c.topFixes.map((f) => f.check)).toContain('demanding');
    for (const f of c.topFixes) expect(c.unread).not.toContain(f.check);
  });

  it('does not score unread pitfalls as absent: it cannot reach what only a message with no pitfall can', () => {
    // A good step-1 message with its bonus follow-up, no pitfall in it, critiqued as if some of its checks had not been read.
    const text =
      'Could you tell me how you see my work on the billing migration so far, and what you would want me to do differently? Could we go over it on Friday?';
    const assemble = (unread?: CheckId[]) =>
      assembleCritique({
        text,
        mode: 'employee',
        engine: offlineCritique(text, 'employee'),
        identity: { provider: 'offline', model: 'offline' },
        prompt: { id: 'critique', version: 3 },
        earnedBefore: false,
        ...(unread && { unread }),
        id: 'crq_2',
        createdAt: new Date(0).toISOString(),
      });
    const whole = assemble();
    expect(whole.score).toBeGreaterThan(85);
    const pitfalls = checksFor('employee')
      .filter((k) => k.kind === 'pitfall')
      .map((k) => k.id);
    const unreadPitfall = assemble(pitfalls.slice(1));
    expect(unreadPitfall).toMatchObject({ partial: true, score: 85 });
    // Only a move unread (one the message does not make): the score is what the read moves earn, uncapped.
    const missing = whole.checks.find((c) => c.kind === 'move' && !c.present);
    expect(missing).toBeDefined();
    const unreadMove = assemble([missing!.id]);
    expect(unreadMove).toMatchObject({ partial: true, score: whole.score });
  });
});

describe('a turn reading', () => {
  it('is partial when the budget runs out, naming what it did not read', () => {
    const reading = readTurnOffline(DEMAND_AND_OFFER, 'employee', 'So what did you want to talk about?', 2, undefined, { ms: 25, now: steppingClock(10) });
    expect(reading.partial).toBe(true);
    expect(reading.unread).toEqual(expect.arrayContaining(['proposes_follow_up']));
    for (const c of reading.checks) expect(reading.unread).not.toContain(c.id);
    expect(readTurnOffline(DEMAND_AND_OFFER, 'employee', 'So what did you want to talk about?').partial).toBeUndefined();
  });
});

describe('through the API', () => {
  const app = (analysisClock: () => number) => createApp(testDeps(db, { engine: offlineEngine(), analysisClock }));

  it('a critique whose analysis runs out of time comes back 201, partial, with the unread checks named, and is stored so', async () => {
    // 250 ms by default; every read of the clock is 100 ms later.
    const a = app(steppingClock(100));
    const { headers } = await newGuest(a);
    const res = await a.request('/api/drafts/critique', { method: 'POST', headers, body: JSON.stringify({ text: DEMAND_AND_OFFER, mode: 'employee' }) });
    expect(res.status).toBe(201);
    const critique = (await res.json()) as Critique;
    expect(critique.partial).toBe(true);
    expect(critique.unread).toEqual(expect.arrayContaining(['offers_help', 'proposes_follow_up']));
    expect(critique.summary).toMatch(/too long to read in full/);
    for (const id of critique.unread ?? []) expect(critique.checks.find((c) => c.id === id)).toMatchObject({ present: false, evidence: [] });
    const stored = (await (await a.request(`/api/drafts/${critique.draftId}`, { headers })).json()) as { critique: Critique };
    expect(stored.critique).toMatchObject({ partial: true, unread: critique.unread });
  });

  it('a realistic draft of the longest allowed length is read in full on the real clock, once the server is warm', async () => {
    // As a server starts (serve-node.ts), and after it has served one draft: the first analyses in a
    // process compile the patterns (hundreds of ms on a busy machine), which the budget is not for.
    warmUpAnalyzer();
    const a = app(() => performance.now());
    const { headers } = await newGuest(a);
    const critiqueOf = (text: string) => a.request('/api/drafts/critique', { method: 'POST', headers, body: JSON.stringify({ text, mode: 'employee' }) });
    expect((await critiqueOf(realisticDraft(8_000, 'employee', 1))).status).toBe(201);
    const text = realisticDraft(8_000, 'employee', 4);
    expect(text.length).toBe(8_000);
    const res = await critiqueOf(text);
    expect(res.status).toBe(201);
    const critique = (await res.json()) as Critique;
    expect(critique.partial).toBeUndefined();
    expect(critique.unread).toBeUndefined();
    expect(critique.summary).not.toMatch(/too long to read/);
  });

  it('a rehearsal turn read past the budget stores a partial reading, and the debrief says what was not read', async () => {
    const a = app(steppingClock(100));
    const { headers } = await newGuest(a);
    const created = await a.request('/api/sessions', {
      method: 'POST',
      headers,
      body: JSON.stringify({ scenarioId: 'offer-help', personaId: 'supportive-busy' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const said = await a.request(`/api/sessions/${id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text: DEMAND_AND_OFFER }) });
    expect(said.status).toBe(200);
    const exported = (await (await a.request('/api/me/export', { headers })).json()) as {
      sessions: Array<{ id: string; messages: Array<{ role: string; reading?: { partial?: true; unread?: string[] } | null }> }>;
    };
    const turn = exported.sessions.find((s) => s.id === id)?.messages.find((m) => m.role === 'user');
    expect(turn?.reading).toMatchObject({ partial: true, unread: expect.arrayContaining(['offers_help']) });

    const ended = await a.request(`/api/sessions/${id}/end`, { method: 'POST', headers });
    expect(ended.status).toBe(200);
    const { critique } = (await ended.json()) as { critique: Critique };
    expect(critique.partial).toBe(true);
    expect(critique.unread).toContain('offers_help');
    expect(critique.summary).toMatch(/too long to read in full/);
  });
});
