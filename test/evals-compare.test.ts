import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvals } from '../evals/cli.js';
import { compareReports, readReport } from '../evals/compare.js';

const DATA = join(import.meta.dirname, '..', 'evals', 'datasets');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loop-coach-compare-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(name: string, rows: string[]): Promise<string> {
  const dataset = join(dir, `${name}.jsonl`);
  writeFileSync(dataset, rows.join('\n') + '\n');
  const out = join(dir, `${name}.json`);
  const quiet = { out: () => {}, err: { write: () => true, isTTY: false } };
  expect(await runEvals(['--suite', 'drafts', '--provider', 'offline', '--dataset', dataset, '--out', out], {}, quiet)).toBe(0);
  return out;
}

describe('--compare', () => {
  it('shows per-metric deltas and the cases that flipped', async () => {
    const rows = readFileSync(join(DATA, 'drafts.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 8);
    const before = await report('before', rows);
    // The same texts with one label changed: that case must flip from pass to fail, and F1 must move.
    const changed = JSON.parse(rows[2] as string) as { id: string; expected: string[] };
    const after = await report(
      'after',
      rows.map((r, i) => (i === 2 ? JSON.stringify({ ...changed, expected: [...changed.expected, 'demanding'] }) : r)),
    );

    const c = compareReports(readReport(before), readReport(after));
    expect(c.flipped).toEqual([{ id: `drafts:${changed.id}`, old: 'pass', new: 'fail' }]);
    const macro = c.metrics.find((m) => m.metric === 'drafts.macroF1');
    expect(macro?.delta).toBeLessThan(0);
    expect(c.metrics.find((m) => m.metric === 'drafts.perCheck.demanding.fn')).toMatchObject({ old: 0, new: 1, delta: 1 });

    const printed: string[] = [];
    const io = { out: (t: string) => void printed.push(t), err: { write: () => true, isTTY: false } };
    expect(await runEvals(['--compare', before, after], {}, io)).toBe(0);
    expect(printed.join('\n')).toContain(`| drafts:${changed.id} | pass | fail |`);
    expect(printed.join('\n')).toMatch(/\| drafts\.macroF1 \| [\d.]+ \| [\d.]+ \| -0\.\d+ \|/);
    expect(await runEvals(['--compare', before], {}, io)).toBe(2);
  });
});
