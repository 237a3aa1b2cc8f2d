import { SCENARIOS } from '../src/coach/scenarios/index.js';
import type { Figure } from './figure.js';
import { inProcessApp } from './in-process.js';
import { LINES } from './prompt-and-queries.js';
import { percentile } from './stats.js';

/**
 * Role-play turns on the offline engine, one after another on one core: the whole turn as the API
 * runs it (auth, the turn's batch on a libSQL file, the analyzer, the offline persona, the settle),
 * in this process, over every scenario.
 */
export async function benchOfflineTurns(iterations = 3_000): Promise<Figure[]> {
  const ctx = await inProcessApp({ LOOP_COACH_PROVIDER: 'offline' });
  try {
    const sessions: string[] = [];
    const scenarios = Object.values(SCENARIOS);
    for (const scenario of scenarios) {
      for (let i = 0; i < 4; i++) {
        const s = (await ctx.json('/api/sessions', { method: 'POST', headers: ctx.headers, body: JSON.stringify({ scenarioId: scenario.id }) })) as {
          id: string;
        };
        sessions.push(s.id);
      }
    }
    const turn = (i: number) =>
      ctx.json(`/api/sessions/${sessions[i % sessions.length]}/messages`, {
        method: 'POST',
        headers: ctx.headers,
        body: JSON.stringify({ text: LINES[i % LINES.length] }),
      });
    for (let i = 0; i < 300; i++) await turn(i);
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      await turn(i);
      times.push(performance.now() - t0);
    }
    const perSecond = (iterations / (performance.now() - started)) * 1000;
    return [
      {
        name: 'offline role-play turns',
        value: perSecond,
        unit: '/s',
        detail: `p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms, ${iterations} turns over ${sessions.length} sessions of ${scenarios.length} scenarios, one core, libSQL file`,
        bar: 'info',
        pass: true,
        deterministic: false,
      },
    ];
  } finally {
    ctx.close();
  }
}
