import { runCritique } from '../../src/coach/critique/run-critique.js';
import { holdsPlaceholder } from '../../src/coach/critique/placeholder.js';
import type { CoachEngine } from '../../src/coach/engine.js';
import { createIdGenerator } from '../../src/ids.js';
import type { Dataset, PurposeCase } from '../dataset.js';
import { HELD_OUT_POOLED, splitOf, type Split } from '../manifest.js';
import { macroF1, perLabel } from '../metrics.js';
import { purposeFigures, purposeLowo, type PurposeLowo } from '../purpose-lowo.js';

export interface PurposeMetrics {
  /** The set's file name, and whether it has been used to build the engine (evals/datasets/manifest.json). */
  dataset: string;
  split: Split;
  drafts: number;
  /** Detected purpose equals the label (employee mode; manager mode has none to detect). */
  purposeAccuracy: number;
  /** Good drafts scoring 70 or more. */
  goodAt70: number;
  /** Pairs whose good draft scores strictly above its weak one. */
  goodAboveWeak: number;
  pairs: number;
  /** Rewrites holding a `[placeholder]`. */
  placeholders: number;
  /** Good drafts whose rewrite keeps 70% or more of their content words. */
  goodRewritesKept: number;
  /** Checks macro-F1 against the writer's labels. */
  macroF1: number;
}

const STOP = new Set(
  'a an the and or but to of in on for with at by from is are was were be been it this that so if as do just can could would will have has had not no'.split(
    ' ',
  ),
);
const contentWords = (t: string) => new Set((t.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => !STOP.has(w)));
function share(text: string, rewrite: string): number {
  const own = contentWords(text);
  const kept = contentWords(rewrite);
  return own.size === 0 ? 1 : [...own].filter((w) => kept.has(w)).length / own.size;
}

/**
 * Critiques every draft as the API would with no purpose given, and measures it against the writer's
 * labels. With two or more held-out sets, their drafts are also measured together as one row
 * (`HELD_OUT_POOLED`): one writer's 90 drafts move a point or two on any refit, the split less. Then,
 * over the tuning sets only, both purpose detectors leave one writer out (the offline analyzer's
 * checks; `lowo` is null with fewer than two tuning sets).
 */
export async function runPurposeSuite(
  engine: CoachEngine,
  datasets: ReadonlyArray<Dataset<PurposeCase>>,
): Promise<{ metrics: PurposeMetrics[]; lowo: PurposeLowo | null }> {
  const metrics: PurposeMetrics[] = [];
  const held: Critiqued[] = [];
  for (const d of datasets) {
    const critiqued = await critiqueAll(engine, d.cases);
    if (splitOf(d.path) === 'held-out') held.push(...critiqued);
    metrics.push({ dataset: d.path.replace(/^.*\//, '').replace(/\.jsonl$/, ''), split: splitOf(d.path), ...figuresOf(critiqued) });
  }
  if (metrics.filter((m) => m.split === 'held-out').length >= 2) metrics.push({ dataset: HELD_OUT_POOLED, split: 'held-out', ...figuresOf(held) });
  const tuning = datasets.filter((d) => splitOf(d.path) === 'tuning');
  return { metrics, lowo: tuning.length >= 2 ? purposeLowo(tuning) : null };
}

type Critiqued = { c: PurposeCase; critique: Awaited<ReturnType<typeof runCritique>> };

async function critiqueAll(engine: CoachEngine, cases: readonly PurposeCase[]): Promise<Critiqued[]> {
  const now = () => Date.UTC(2026, 11, 7);
  const deps = { engine, newId: createIdGenerator(now), now };
  const scored: Critiqued[] = [];
  for (const c of cases) scored.push({ c, critique: await runCritique(deps, { text: c.text, mode: c.mode, earnedBefore: false }) });
  return scored;
}

function figuresOf(scored: readonly Critiqued[]): Omit<PurposeMetrics, 'dataset' | 'split'> {
  const labelled = scored.map((s) => ({
    expected: s.c.expected.map((id) => `${s.c.mode}:${id}`),
    predicted: s.critique.checks.filter((k) => k.present).map((k) => `${s.c.mode}:${k.id}`),
  }));
  const labels = [...new Set(scored.flatMap((s) => s.critique.checks.map((k) => `${s.c.mode}:${k.id}`)))];
  const per = perLabel(labelled, labels);
  const good = scored.filter((s) => s.c.quality === 'good');
  return {
    drafts: scored.length,
    ...purposeFigures(scored.map(({ c, critique }) => ({ c, step: critique.purpose?.step ?? null, score: critique.score }))),
    placeholders: scored.filter((s) => holdsPlaceholder(s.c.text, s.critique.rewrite)).length,
    goodRewritesKept: good.filter((s) => share(s.c.text, s.critique.rewrite) >= 0.7).length / Math.max(1, good.length),
    macroF1: macroF1(per),
  };
}
