import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairsGateFailures, purposeGateFailures, readThresholds, turnsGateFailures } from '../evals/gate.js';
import { HELD_OUT_POOLED } from '../evals/manifest.js';
import type { PurposeMetrics } from '../evals/suites/purpose.js';
import type { TurnsMetrics } from '../evals/suites/turns.js';
import { runEvals, type EvalIo } from '../evals/cli.js';
import { formatMarkdown, type PairsReport, type TurnsReport } from '../evals/report.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loop-coach-turns-pairs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function quietIo(): EvalIo & { text: () => string } {
  const out: string[] = [];
  return {
    out: (t) => void out.push(t),
    err: { write: () => true, isTTY: false } as unknown as EvalIo['err'],
    text: () => out.join('\n'),
  };
}

function jsonl(name: string, rows: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

/** Runs one suite through the CLI's own code path on the given files, offline; returns the JSON report and the Markdown. */
async function run<R>(suite: string, ...datasets: string[]): Promise<{ report: R; markdown: string }> {
  const out = join(dir, `${suite}.json`);
  const io = quietIo();
  const given = datasets.flatMap((d) => ['--dataset', d]);
  expect(await runEvals(['--suite', suite, '--provider', 'offline', ...given, '--out', out], {}, io)).toBe(0);
  return { report: JSON.parse(readFileSync(out, 'utf8')) as R, markdown: io.text() };
}

const turn = (id: string, writer: string, context: Array<[role: 'user' | 'persona', text: string]>, text: string, labels: object) => ({
  id,
  writer,
  scenarioId: 'offer-help',
  personaId: 'overwhelmed',
  mode: 'employee',
  context: context.map(([role, t]) => ({ role, text: t })),
  text,
  tone: 'neutral',
  ...labels,
});

const TURNS = [
  turn('x1', 'writer-x', [['persona', 'Come in, sit down.']], 'Could you give me some honest feedback on how the quarterly report landed?', {
    acts: ['asks_feedback'],
    checks: ['asks_for_feedback'],
  }),
  // A practical question: the reader's asks_other, which the writer could only label otherwise.
  turn('x2', 'writer-x', [['persona', 'Anything else?']], 'Which room are we in tomorrow?', { acts: ['asks_situation'], checks: [] }),
  // Only the last persona line is a question: the turn answers it.
  turn(
    'y1',
    'writer-y',
    [
      ['persona', 'Morning.'],
      ['user', 'hi'],
      ['persona', "What's up?"],
    ],
    'ok.',
    { acts: ['answers'], checks: [], tone: 'curt' },
  ),
  turn('y2', 'writer-y', [['persona', 'The rota is killing me, honestly.']], "I'll have the rota done by Thursday and bring it to you to sign.", {
    acts: ['commits'],
    checks: ['commits_to_task'],
  }),
];

/** A third writer, of drafts: the learned reader of each fold is fitted on the other writers' drafts and turns. */
const DRAFTS = [
  { id: 'z1', mode: 'employee', text: "I'd like to lead the Q3 migration. What would it take to get there?", expected: ['states_goal', 'asks_what_it_takes'] },
  {
    id: 'z2',
    mode: 'employee',
    text: "Happy to take the rota swaps off your plate. I'll have them sorted by Thursday.",
    expected: ['offers_help', 'commits_to_task'],
  },
  { id: 'z3', mode: 'manager', text: 'What would you like to be doing a year from now?', expected: ['asks_about_goals'] },
];

describe('evals: turn readings', () => {
  it('scores each writer apart, with and without asks_other, and reports leave-one-writer-out per design', async () => {
    const { report, markdown } = await run<TurnsReport>('turns', jsonl('turns.jsonl', TURNS), jsonl('drafts-z.jsonl', DRAFTS));
    const { writers, designs, analyzerDesigns } = report.metrics;
    expect(Object.keys(writers)).toEqual(['writer-x', 'writer-y']);
    const x = writers['writer-x'];
    const y = writers['writer-y'];
    expect(x?.checks.perCheck.asks_for_feedback).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(x?.checks).toMatchObject({ macroF1: 1, exact: 2 });
    // asks_feedback right, asks_situation missed, asks_other a false positive: 1/3; without it 1/2.
    expect(x?.acts.macroF1).toBeCloseTo(1 / 3);
    expect(x?.acts.macroF1WithoutAsksOther).toBeCloseTo(1 / 2);
    expect(x?.acts).toMatchObject({ exact: 1, exactWithoutAsksOther: 1 });
    expect(y?.acts).toMatchObject({ macroF1: 1, exact: 2 });
    expect(y?.checks.perCheck.commits_to_task).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(x?.groundedQuoteRate).toBe(1);
    expect(report.cases.find((c) => c.id === 'y1')?.acts.predicted).toEqual(['answers']);
    expect(report.cases.map((c) => [c.id, c.status])).toEqual([
      ['x1', 'pass'],
      ['x2', 'fail'],
      ['y1', 'pass'],
      ['y2', 'pass'],
    ]);

    // Offline, the engine's own reading uses the reader fitted on every labelled writer: it is no leave-one-writer-out design.
    expect(designs.map((d) => [d.design, d.trained])).toEqual([
      ['analyzer', false],
      ['analyzer-or-ngram', true],
    ]);
    expect(designs[0]).toMatchObject({ checks: { mean: 1, worst: 1 }, acts: { worstWriter: 'writer-x' } });
    expect(designs[0]?.acts.worst).toBeCloseTo(1 / 3);
    expect(designs[0]?.acts.mean).toBeCloseTo(2 / 3);
    expect(designs[0]?.actsWithoutAsksOther.mean).toBeCloseTo(3 / 4);
    expect(Object.keys(designs[1]?.writers ?? {})).toEqual(['writer-x', 'writer-y']);
    expect(markdown).toContain('## Turn readings');
    expect(markdown).toMatch(
      /\| analyzer \| no \(rule-based\) \| 1\.000 \/ 1\.000 \(writer-x\) \| 0\.667 \/ 0\.333 \(writer-x\) \| 0\.750 \/ 0\.500 \(writer-x\) \|/,
    );

    // Both analyzer designs on every writer, the draft file as one more writer; none of these writers is a known one.
    expect(analyzerDesigns.map((d) => [d.design, d.trained, Object.keys(d.writers), d.neverTuned])).toEqual([
      ['analyzer', false, ['drafts-z', 'writer-x', 'writer-y'], null],
      ['analyzer-or-ngram', true, ['drafts-z', 'writer-x', 'writer-y'], null],
    ]);
    expect(analyzerDesigns[0]?.writers['drafts-z']).toMatchObject({ tuning: 'unknown', texts: 3, macroF1: 1 });
    expect(analyzerDesigns[0]?.writers['drafts-z']?.perCheck.asks_about_goals).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(markdown).toContain('### Analyzer designs, leave one writer out over every labelled writer');
    expect(markdown).toMatch(/\| drafts-z \| unknown \| 3 \| 1\.000 \| \d\.\d{3} \|/);
  });
});

const pair = (id: string, strong: string[], weak: string[]) => ({
  id,
  writer: 'writer-t',
  scenarioId: 'offer-help',
  personaId: 'overwhelmed',
  difficulty: 'medium',
  strong: [{ role: 'persona', text: "Go on, I've got five minutes." }, ...strong.map((text) => ({ role: 'user', text }))],
  weak: [{ role: 'persona', text: "Go on, I've got five minutes." }, ...weak.map((text) => ({ role: 'user', text }))],
  kind: 'test',
  reason: 'test',
});
const GOOD = [
  "What's the one thing on your list this week you'd most like off your plate?",
  "I'll take the rota swaps and have them sorted by Thursday, then bring you the final rota to sign.",
  "Let's check in on Thursday at 12 to see how it went.",
];
const PAIRS = [pair('t1', GOOD, ['ok.']), pair('t2', ['ok.'], ['ok.'])];

describe('evals: rehearsal pairs', () => {
  it('replays both sides through the app: a strong side over an empty-ish one is ordered, identical sides tie', async () => {
    const { report, markdown } = await run<PairsReport>('pairs', jsonl('pairs.jsonl', PAIRS));
    const [ordered, tied] = report.cases;
    expect(ordered).toMatchObject({ id: 't1', outcome: 'ordered', status: 'pass', longerIsStrong: true, strong: { userTurns: 3 }, weak: { userTurns: 1 } });
    expect(ordered?.strong.score).toBeGreaterThan(ordered?.weak.score ?? Infinity);
    expect(tied).toMatchObject({ id: 't2', outcome: 'tie', status: 'fail', longerIsStrong: false });
    expect(tied?.strong.score).toBe(tied?.weak.score);
    expect(report.metrics).toMatchObject({ pairs: 2, ordered: 1, ties: 1, wrong: 0, errors: 0, notEvaluated: 0, lengthBaseline: 1 });
    expect(report.metrics.byKind.test).toMatchObject({ pairs: 2, ordered: 1 });
    expect(markdown).toContain('## Rehearsal pairs');
    expect(markdown).toContain(`Tied: t2 (test): strong ${tied?.strong.score} vs weak ${tied?.weak.score}.`);
  });
});

describe('evals: turns and pairs in the report of every suite', () => {
  it('puts their headline figures in the At a glance table', async () => {
    const turns = (await run<TurnsReport>('turns', jsonl('turns.jsonl', TURNS), jsonl('drafts-z.jsonl', DRAFTS))).report;
    const pairs = (await run<PairsReport>('pairs', jsonl('pairs.jsonl', PAIRS))).report;
    const all = formatMarkdown({ ...turns, suite: 'all', suites: { turns, pairs } });
    expect(all).toContain('| Turn reading (analyzer), checks macro-F1, leave-one-writer-out mean / worst | 1.000 / 1.000 (writer-x) |');
    expect(all).toContain(
      '| Turn reading (analyzer), acts macro-F1, leave-one-writer-out mean / worst | 0.667 / 0.333 (writer-x); without asks_other 0.750 / 0.500 |',
    );
    expect(all).toContain('| Rehearsal pairs ordered by the debrief score | 1/2 (50%');
    expect(all).toContain('| Rehearsal pairs ordered by user-text length alone | 1/2 (50%');
    expect(all.indexOf('## Turn readings')).toBeGreaterThan(all.indexOf('## At a glance'));
    expect(all).toContain('## Rehearsal pairs');
  });
});

describe('the pairs gate', () => {
  const tally = (pairs: number, ordered: number) => ({
    pairs,
    ordered,
    ties: pairs - ordered,
    wrong: 0,
    errors: 0,
    notEvaluated: 0,
    orderedInterval: { low: 0, high: 1 },
    lengthBaseline: 0,
  });
  const metrics = (byWriter: Record<string, ReturnType<typeof tally>>) => ({ ...tally(0, 0), byKind: {}, byWriter });

  it('holds on the writers not tuned on, and ignores a tuned writer however it does', () => {
    const t = { orderedRate: 0.85, tunedWriters: ['writer-p'] };
    expect(pairsGateFailures(metrics({ 'writer-p': tally(10, 1), 'writer-q': tally(10, 9) }), t)).toEqual([]);
    expect(pairsGateFailures(metrics({ 'writer-p': tally(10, 10), 'writer-q': tally(10, 8) }), t)).toEqual([
      'pairs: 8/10 ordered on writers not tuned on (0.800 < 0.85)',
    ]);
    expect(pairsGateFailures(metrics({ 'writer-p': tally(10, 10) }), t)).toEqual(['pairs: no pairs from a writer not tuned on']);
  });
});

describe('evals: the turns gate', () => {
  it('holds the held-out turn writers to their floors, and says so when none is held out', () => {
    const t = readThresholds(join(import.meta.dirname, '..', 'evals', 'thresholds.json'));
    const bar = t.turns['held-out'];
    const figures = (checks: number, acts: number) =>
      ({
        checks: { macroF1: checks, exact: 0, perCheck: {} },
        acts: { macroF1: acts, macroF1WithoutAsksOther: acts, exact: 0, exactWithoutAsksOther: 0, perAct: {} },
      }) as unknown as TurnsMetrics['writers'][string];
    const metrics = { writers: { 'writer-e': figures(bar.checksMacroF1, bar.actsMacroF1), 'writer-a': figures(0, 0) } } as unknown as TurnsMetrics;
    expect(turnsGateFailures(metrics, ['writer-e'], t.turns)).toEqual([]);
    const weak = { writers: { 'writer-e': figures(bar.checksMacroF1 - 0.01, bar.actsMacroF1) } } as unknown as TurnsMetrics;
    expect(turnsGateFailures(weak, ['writer-e'], t.turns)).toEqual([expect.stringContaining('checks macro-F1')]);
    expect(turnsGateFailures(metrics, [], t.turns)).toEqual(['turns: no held-out writer']);
    expect(turnsGateFailures(metrics, ['writer-z'], t.turns)).toEqual(['turns (writer-z): no figures']);
    // With two held-out writers the split is held to the floors, pooled: one writer below them alone does not fail it.
    const split = {
      writers: {
        'writer-e': figures(bar.checksMacroF1 - 0.01, bar.actsMacroF1),
        'writer-p': figures(bar.checksMacroF1 + 0.02, bar.actsMacroF1),
        [HELD_OUT_POOLED]: figures(bar.checksMacroF1 + 0.01, bar.actsMacroF1),
      },
    } as unknown as TurnsMetrics;
    expect(turnsGateFailures(split, ['writer-e', 'writer-p'], t.turns)).toEqual([]);
    const weakSplit = { writers: { ...split.writers, [HELD_OUT_POOLED]: figures(bar.checksMacroF1, bar.actsMacroF1 - 0.01) } } as unknown as TurnsMetrics;
    expect(turnsGateFailures(weakSplit, ['writer-e', 'writer-p'], t.turns)).toEqual([expect.stringContaining(`turns (${HELD_OUT_POOLED}): acts macro-F1`)]);
  });
});

describe('the purpose gate', () => {
  const t = readThresholds(join(import.meta.dirname, '..', 'evals', 'thresholds.json'));
  const bar = t.purpose['held-out'];
  const set = (dataset: string, split: 'tuning' | 'held-out', purposeAccuracy: number): PurposeMetrics => ({
    dataset,
    split,
    drafts: 90,
    purposeAccuracy,
    goodAt70: bar.goodAt70,
    goodAboveWeak: bar.goodAboveWeak,
    pairs: 45,
    placeholders: 0,
    goodRewritesKept: 1,
    macroF1: bar.macroF1,
  });

  it('holds the one held-out set to the bars, and never a tuning set', () => {
    expect(purposeGateFailures([set('s', 'held-out', bar.purposeAccuracy), set('r', 'tuning', 0)], t.purpose)).toEqual([]);
    expect(purposeGateFailures([set('s', 'held-out', bar.purposeAccuracy - 0.01)], t.purpose)).toEqual([expect.stringContaining('purpose (s): purpose right')]);
    expect(purposeGateFailures([set('r', 'tuning', 1)], t.purpose)).toEqual(['purpose: no held-out set']);
  });

  it('holds the split, pooled, to the bars when there are several held-out sets', () => {
    const one = set('s', 'held-out', bar.purposeAccuracy - 0.02);
    const other = set('h', 'held-out', bar.purposeAccuracy + 0.06);
    expect(purposeGateFailures([one, other, set(HELD_OUT_POOLED, 'held-out', bar.purposeAccuracy + 0.02)], t.purpose)).toEqual([]);
    expect(purposeGateFailures([one, other, set(HELD_OUT_POOLED, 'held-out', bar.purposeAccuracy - 0.01)], t.purpose)).toEqual([
      expect.stringContaining(`purpose (${HELD_OUT_POOLED}): purpose right`),
    ]);
  });
});
