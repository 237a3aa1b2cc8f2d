import { runCritique } from '../../src/coach/critique/run-critique.js';
import type { CoachEngine } from '../../src/coach/engine.js';
import { createIdGenerator } from '../../src/ids.js';
import type { Dataset, PurposeCase } from '../dataset.js';
import { splitOf, type Split } from '../manifest.js';
import { macroF1, perLabel } from '../metrics.js';

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

/** Critiques every draft as the API would with no purpose given, and measures it against the writer's labels. */
export async function runPurposeSuite(engine: CoachEngine, datasets: ReadonlyArray<Dataset<PurposeCase>>): Promise<PurposeMetrics[]> {
  const out: PurposeMetrics[] = [];
  for (const d of datasets) {
    out.push({ dataset: d.path.replace(/^.*\//, '').replace(/\.jsonl$/, ''), split: splitOf(d.path), ...(await measure(engine, d.cases)) });
  }
  return out;
}

async function measure(engine: CoachEngine, cases: readonly PurposeCase[]): Promise<Omit<PurposeMetrics, 'dataset' | 'split'>> {
  const now = () => Date.UTC(2026, 11, 7);
  const deps = { engine, newId: createIdGenerator(now), now };
  const scored = [];
  for (const c of cases) {
    const critique = await runCritique(deps, { text: c.text, mode: c.mode, earnedBefore: false });
    scored.push({ c, critique });
  }
  const employee = scored.filter((s) => s.c.mode === 'employee');
  const good = scored.filter((s) => s.c.quality === 'good');
  const byPair = new Map<string, typeof scored>();
  for (const s of scored) if (s.c.pair) byPair.set(s.c.pair, [...(byPair.get(s.c.pair) ?? []), s]);
  let ordered = 0;
  for (const pair of byPair.values()) {
    const g = pair.find((s) => s.c.quality === 'good');
    const w = pair.find((s) => s.c.quality === 'weak');
    if (g && w && g.critique.score > w.critique.score) ordered += 1;
  }
  const labelled = scored.map((s) => ({
    expected: s.c.expected.map((id) => `${s.c.mode}:${id}`),
    predicted: s.critique.checks.filter((k) => k.present).map((k) => `${s.c.mode}:${k.id}`),
  }));
  const labels = [...new Set(scored.flatMap((s) => s.critique.checks.map((k) => `${s.c.mode}:${k.id}`)))];
  const per = perLabel(labelled, labels);
  return {
    drafts: scored.length,
    purposeAccuracy: employee.filter((s) => s.critique.purpose?.step === s.c.purpose).length / Math.max(1, employee.length),
    goodAt70: good.filter((s) => s.critique.score >= 70).length / Math.max(1, good.length),
    goodAboveWeak: ordered / Math.max(1, byPair.size),
    pairs: byPair.size,
    placeholders: scored.filter((s) => /\[[^\]\n]{2,}\]/.test(s.critique.rewrite)).length,
    goodRewritesKept: good.filter((s) => share(s.c.text, s.critique.rewrite) >= 0.7).length / Math.max(1, good.length),
    macroF1: macroF1(per),
  };
}
