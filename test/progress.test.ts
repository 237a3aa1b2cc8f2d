import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { nextDrill, type Progress, type StepProgress } from '../src/coach/progress.js';
import { createTestDb, testDeps, type TestDeps } from './support/test-deps.js';
import { offlineEngine } from './support/api.js';

let cleanup: () => void;
let deps: TestDeps;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  const t = await createTestDb();
  cleanup = t.cleanup;
  deps = testDeps(t.db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, engine: offlineEngine() });
  app = createApp(deps);
});
afterAll(() => cleanup());

type Auth = Record<string, string>;

async function guest(): Promise<Auth> {
  const { token } = (await (await app.request('/api/auth/guest', { method: 'POST' })).json()) as { token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

async function rehearse(auth: Auth, scenarioId: string, lines: string[], context?: Record<string, string>) {
  const body = { scenarioId, ...(context && { context }) };
  const session = (await (await app.request('/api/sessions', { method: 'POST', headers: auth, body: JSON.stringify(body) })).json()) as { id: string };
  for (const text of lines) await app.request(`/api/sessions/${session.id}/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ text }) });
  const end = (await (await app.request(`/api/sessions/${session.id}/end`, { method: 'POST', headers: auth })).json()) as { critique: { score: number } };
  deps.advance(60_000);
  return { id: session.id, score: end.critique.score };
}

async function draft(auth: Auth, body: Record<string, unknown>) {
  const res = await app.request('/api/drafts/critique', { method: 'POST', headers: auth, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  deps.advance(60_000);
  return (await res.json()) as { draftId: string; score: number; checks: Array<{ id: string; step: number | null; present: boolean }> };
}

const progressOf = async (auth: Auth) => (await (await app.request('/api/progress', { headers: auth })).json()) as Progress;
const stepOf = (p: Progress, side: string, step: string) => p.steps.find((s) => s.side === side && s.step === step);

describe('GET /api/progress', () => {
  it('scores each step from rehearsals and drafts, both sides, gathers commitments across sessions, and names the next drill', async () => {
    const auth = await guest();
    const empty = await progressOf(auth);
    expect(empty.commitments).toEqual([]);
    expect(empty.steps.every((s) => s.latestScore === null)).toBe(true);
    expect(empty.steps.map((s) => `${s.side} ${s.step}`)).toEqual([
      'employee 1',
      'employee 2',
      'employee 3',
      'employee 4',
      'employee 5',
      'employee advanced',
      'manager 1',
      'manager 2',
      'manager 3',
      'manager 4',
      'manager 5',
    ]);
    // Nothing practised: start at the beginning of the loop, with the rehearsal made for it.
    expect(empty.nextDrill).toEqual({ side: 'employee', step: '1', scenarioId: 'performance-check', reason: 'new', latestScore: null });

    const first = await rehearse(auth, 'performance-check', ['Can we talk about my growth sometime?']);
    const second = await rehearse(
      auth,
      'performance-check',
      [
        'How do you see my work on the release process so far, and what would you like me to do differently?',
        "I'll fix the flaky deploy checks by Friday.",
        'Could we check in on this every month?',
      ],
      { managerName: 'Dana' },
    );
    expect(second.score).toBeGreaterThan(first.score);
    // A later rehearsal with no commitment of its own leaves the earlier ones listed.
    await rehearse(auth, 'goal-alignment', ['I would like a promotion. What do you think?']);
    const offer = await draft(auth, { text: 'Is there anything on your plate I could take off it this sprint?', purpose: 2 });
    const manager = await draft(auth, {
      text: "Where would you like your career to go in the next two years? Let's check in on it again in a month.",
      mode: 'manager',
    });

    const progress = await progressOf(auth);
    expect(stepOf(progress, 'employee', '1')).toMatchObject({ rehearsals: 2, drafts: 0, latestScore: second.score, bestScore: second.score });
    expect(stepOf(progress, 'employee', '2')).toMatchObject({ rehearsals: 0, drafts: 1, latestScore: offer.score, scenarioId: 'offer-help' });
    expect(stepOf(progress, 'employee', '3')).toMatchObject({ latestScore: null, scenarioId: 'unglamorous-task' });
    // The manager's side: each step scores the share of its moves made (one move per step).
    for (const step of ['1', '2', '3', '4', '5'] as const) {
      const MOVES = ['asks_about_goals', 'clarifies_expectations', 'names_stretch_work', 'offers_partnership', 'proposes_follow_up'];
      const moves = manager.checks.filter((c) => c.step === Number(step) && MOVES.includes(c.id));
      expect(moves).toHaveLength(1);
      expect(stepOf(progress, 'manager', step)).toMatchObject({ drafts: 1, latestScore: moves[0]?.present ? 100 : 0, scenarioId: 'manager-initiated' });
    }
    expect(stepOf(progress, 'manager', '4')?.latestScore).toBe(100);

    expect(progress.scenarios.find((s) => s.scenarioId === 'performance-check')?.points.map((p) => p.score)).toEqual([first.score, second.score]);

    const commitment = progress.commitments.find((c) => c.text.includes('flaky deploy checks'));
    expect(commitment).toMatchObject({ kind: 'commitment', from: { kind: 'rehearsal', id: second.id } });
    expect(commitment?.from.title).toBe('Find out how your manager really sees your work, with Dana, 27 Nov 2026');
    expect(progress.commitments.find((c) => c.text.includes('every month'))).toMatchObject({ kind: 'follow-up', from: { id: second.id } });
    expect(progress.commitments.find((c) => c.text.includes('in a month'))).toMatchObject({ kind: 'follow-up', from: { kind: 'draft', id: manager.draftId } });
    // Newest first.
    const ats = progress.commitments.map((c) => c.at);
    expect([...ats].sort().reverse()).toEqual(ats);

    expect(progress.nextDrill).toEqual(nextDrill(progress.steps));
    expect((await app.request('/api/progress')).status).toBe(401);
  });
});

describe('nextDrill', () => {
  const step = (side: 'employee' | 'manager', n: StepProgress['step'], latestScore: number | null, day = 1): StepProgress => ({
    side,
    step: n,
    scenarioId: 'performance-check',
    rehearsals: latestScore === null ? 0 : 1,
    drafts: 0,
    lastPractisedAt: latestScore === null ? null : `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`,
    latestScore,
    bestScore: latestScore,
  });
  const loop = (scores: Array<number | null>, manager: Array<number | null> = [null, null, null, null, null], days: number[] = []) => [
    ...(['1', '2', '3', '4', '5', 'advanced'] as const).map((n, i) => step('employee', n, scores[i] ?? null, days[i] ?? 1)),
    ...(['1', '2', '3', '4', '5'] as const).map((n, i) => step('manager', n, manager[i] ?? null, 9)),
  ];
  const pick = (steps: StepProgress[]) => {
    const d = nextDrill(steps);
    return `${d.side} ${d.step} ${d.reason}`;
  };

  it('takes a step that needs work first, the lowest, the earlier on a tie', () => {
    expect(pick(loop([90, 45, null, 30]))).toBe('employee 4 weak');
    expect(pick(loop([40, 40]))).toBe('employee 1 weak');
    expect(pick(loop([90, 90, 90, 90, 90, 90], [100, 0, 100, 100, 100]))).toBe('manager 2 weak');
  });

  it('else the first step never practised, so every earlier one has been', () => {
    expect(pick(loop([90, 60, null, 85]))).toBe('employee 3 new');
    expect(pick(loop([null, null, null, 85]))).toBe('employee 1 new');
    expect(pick(loop([90, 90, 90, 90, 90, 90]))).toBe('manager 1 new');
  });

  it('else the lowest step under 80, else the one practised longest ago', () => {
    expect(pick(loop([90, 70, 75, 90, 90, 90], [100, 100, 100, 100, 100]))).toBe('employee 2 improve');
    expect(pick(loop([90, 90, 90, 90, 90, 90], [100, 100, 100, 100, 100], [5, 3, 4, 3, 6, 7]))).toBe('employee 2 refresh');
  });
});
