import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
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

async function rehearse(auth: Record<string, string>, scenarioId: string, lines: string[]) {
  const session = (await (await app.request('/api/sessions', { method: 'POST', headers: auth, body: JSON.stringify({ scenarioId }) })).json()) as {
    id: string;
  };
  for (const text of lines) await app.request(`/api/sessions/${session.id}/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ text }) });
  const end = (await (await app.request(`/api/sessions/${session.id}/end`, { method: 'POST', headers: auth })).json()) as { critique: { score: number } };
  return { id: session.id, score: end.critique.score };
}

describe('GET /api/progress', () => {
  it('tracks the latest and best score per step, scores over time, and the open loop', async () => {
    const { token } = (await (await app.request('/api/auth/guest', { method: 'POST' })).json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const empty = (await (await app.request('/api/progress', { headers: auth })).json()) as { openLoop: unknown; steps: Array<{ latestScore: unknown }> };
    expect(empty.openLoop).toBeNull();
    expect(empty.steps.every((s) => s.latestScore === null)).toBe(true);

    const first = await rehearse(auth, 'performance-check', ['Can we talk about my growth sometime?']);
    deps.advance(60_000);
    const second = await rehearse(auth, 'performance-check', [
      'How do you see my work on the release process so far, and what would you like me to do differently?',
      "I'll fix the flaky deploy checks by Friday.",
      'Could we check in on this every month?',
    ]);
    expect(second.score).toBeGreaterThan(first.score);

    const progress = (await (await app.request('/api/progress', { headers: auth })).json()) as {
      steps: Array<{ step: string; latestScore: number | null; bestScore: number | null; lastPractisedAt: string | null }>;
      scenarios: Array<{ scenarioId: string; points: Array<{ score: number }> }>;
      openLoop: { sessionId: string; commitments: string[]; followUps: string[] };
    };
    const stepOne = progress.steps.find((s) => s.step === '1');
    expect(stepOne).toMatchObject({ latestScore: second.score, bestScore: second.score });
    expect(progress.steps.find((s) => s.step === '4')?.latestScore).toBeNull();
    expect(progress.scenarios).toEqual([
      { scenarioId: 'performance-check', points: [expect.objectContaining({ score: first.score }), expect.objectContaining({ score: second.score })] },
    ]);
    expect(progress.openLoop.sessionId).toBe(second.id);
    expect(progress.openLoop.commitments.join(' ')).toContain('flaky deploy checks');
    expect(progress.openLoop.followUps.join(' ')).toContain('every month');

    expect((await app.request('/api/progress')).status).toBe(401);
  });
});
