import { readFileSync } from 'node:fs';
import { runCritique } from '../src/coach/critique/run-critique.js';
import { createOfflineEngine } from '../src/coach/engines/offline-engine.js';
import type { Mode } from '../src/coach/rubric.js';
import { createIdGenerator } from '../src/ids.js';
import type { Figure } from './figure.js';
import { percentile } from './stats.js';

/** ~1,000-character drafts made by joining real dataset messages of one mode, so the text is realistic. */
export function thousandCharDrafts(datasetPath: string, count: number): Array<{ text: string; mode: Mode }> {
  const lines = readFileSync(datasetPath, 'utf8').split('\n').filter(Boolean);
  const cases = lines.map((l) => JSON.parse(l) as { text: string; mode: Mode });
  const drafts: Array<{ text: string; mode: Mode }> = [];
  for (let i = 0; drafts.length < count; i++) {
    const mode = cases[i % cases.length]?.mode ?? 'employee';
    let text = '';
    for (let j = i; text.length < 1_000; j += 7) {
      const c = cases[j % cases.length];
      if (c && c.mode === mode) text += (text ? '\n' : '') + c.text;
    }
    drafts.push({ text: text.slice(0, 1_000), mode });
  }
  return drafts;
}

/** Offline critiques of 1,000-character drafts, one after another on one core (the bar: >= 500/s, p99 <= 10 ms). */
export async function benchOfflineCritique(datasetPath: string, iterations = 3_000): Promise<Figure[]> {
  const now = () => Date.now();
  const deps = { engine: createOfflineEngine(), now, newId: createIdGenerator(now) };
  const drafts = thousandCharDrafts(datasetPath, 200);
  for (let i = 0; i < 300; i++) {
    const d = drafts[i % drafts.length]!;
    await runCritique(deps, { text: d.text, mode: d.mode, earnedBefore: false });
  }
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const d = drafts[i % drafts.length]!;
    const t0 = performance.now();
    await runCritique(deps, { text: d.text, mode: d.mode, earnedBefore: false });
    times.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  const perSecond = (iterations / elapsed) * 1000;
  const p99 = percentile(times, 0.99);
  return [
    {
      name: 'offline critique, 1,000-char drafts',
      value: perSecond,
      unit: '/s',
      detail: `p50 ${percentile(times, 0.5).toFixed(2)} ms, ${iterations} runs, one core`,
      bar: '>= 500/s',
      pass: perSecond >= 500,
      deterministic: false,
    },
    { name: 'offline critique p99', value: p99, unit: 'ms', bar: '<= 10 ms', pass: p99 <= 10, deterministic: false },
  ];
}
