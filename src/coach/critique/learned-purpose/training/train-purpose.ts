import { createHash } from 'node:crypto';
// This is training code too (the app imports neither folder; the rule still bars it from this one): it fits with the reader's learner.
// eslint-disable-next-line no-restricted-imports
import { fitLogistic, type Model } from '../../../analyzer/learned/training/logistic-regression.js';
import { wordFeatures } from '../../../analyzer/learned/word-features.js';
import type { LearnedReader } from '../../../analyzer/learned/learned-reader.js';
import type { CheckId, Mode } from '../../../rubric.js';
import { offlineCritique } from '../../offline-critique.js';
import { purposeSignals, type Purpose } from '../../purpose.js';
import { PURPOSE_CLASSES, type PurposeTraining, type TrainedPurposeModel } from '../purpose-model.js';

type Csr = Parameters<typeof fitLogistic>[0];

/** One labelled employee draft: its text, its signals (`purposeSignals`: checks present, cues) and what it is for. */
export interface PurposeExample {
  text: string;
  signals: readonly string[];
  purpose: (typeof PURPOSE_CLASSES)[number];
}

/** A purpose-labelled draft; `present`: the checks found in it, when not the offline critique's (evals read with other readers). */
export interface PurposeDraft {
  mode: Mode;
  text: string;
  purpose: Purpose | null;
  present?: ReadonlySet<CheckId>;
  /** The learned reader the checks were read with, when not the shipped one: it also says which moves a draft leans toward. */
  reader?: LearnedReader;
}

/** The employee drafts as examples, read as the detector reads them at run time: the offline critique's checks present, and the cues. */
export function purposeExamples(drafts: readonly PurposeDraft[]): PurposeExample[] {
  return drafts.flatMap((d) => {
    if (d.mode !== 'employee' || d.purpose === null) return [];
    // The offline engine answers with its mode's check ids.
    const present =
      d.present ??
      new Set(
        offlineCritique(d.text, d.mode)
          .checks.filter((c) => c.present)
          .map((c) => c.id as CheckId),
      );
    return [{ text: d.text, signals: purposeSignals(present, d.text, d.reader), purpose: String(d.purpose) as PurposeExample['purpose'] }];
  });
}

/**
 * The shipped detector's settings, chosen leave one writer out over the tuning purpose sets (writers
 * R, V and W) and never on a held-out one: the best of `npm run train:purpose -- --select`
 * (PURPOSE_GRID in evals/purpose-lowo.ts), each setting scored by fitting on two writers and
 * critiquing the third's drafts, by the mean of purpose right, good drafts at 70+ and good above
 * weak (evals/README.md, "Purpose detection"). 200 n-grams rather than 300: as good leave one writer
 * out over the ten tuning writers (purpose right 82.7% against 82.5%, the other two figures equal),
 * and some 1.5 KiB less in the Worker bundle.
 */
export const PURPOSE_TRAINING: PurposeTraining = { lambda: 1e-4, minDf: 1, ngrams: 200, checks: 0.25, cues: 1 };

const isGram = (f: string) => f.startsWith('w:') || f.startsWith('b:');
// `|| 0`: no -0 in the file, so a retrain compares equal to what JSON gives back.
const round2 = (x: number) => Math.round(x * 100) / 100 || 0;

/** The value a feature has in a training row: an n-gram 1/sqrt(the draft's n-grams), a check or a cue its group's setting. */
function rowOf(e: PurposeExample, training: PurposeTraining): Map<string, number> {
  const row = new Map<string, number>();
  const grams = wordFeatures(e.text);
  for (const g of grams) row.set(g, 1 / Math.sqrt(grams.length));
  for (const s of e.signals) row.set(s, s.startsWith('q:') ? training.cues : training.checks);
  return row;
}

function matrix(rows: readonly Map<string, number>[], columns: readonly string[]): Csr {
  const col = new Map(columns.map((f, j) => [f, j]));
  const ptr = new Int32Array(rows.length + 1);
  const idx: number[] = [];
  const val: number[] = [];
  rows.forEach((row, i) => {
    const cells = [...row].flatMap(([f, v]) => (col.has(f) && v !== 0 ? [[col.get(f)!, v] as const] : [])).sort((a, b) => a[0] - b[0]);
    for (const [j, v] of cells) {
      idx.push(j);
      val.push(v);
    }
    ptr[i + 1] = idx.length;
  });
  return { rows: rows.length, cols: columns.length, ptr, idx: Int32Array.from(idx), val: Float64Array.from(val) };
}

/** One logistic regression per purpose against the rest, positives weighted to balance their class. */
function fitEach(X: Csr, examples: readonly PurposeExample[], lambda: number): Model[] {
  return PURPOSE_CLASSES.map((p) => {
    const y = Uint8Array.from(examples, (e) => (e.purpose === p ? 1 : 0));
    const positives = y.reduce((s, v) => s + v, 0);
    return fitLogistic(X, y, { lambda, positiveWeight: positives > 0 ? (y.length - positives) / positives : 1 });
  });
}

/**
 * Fits the detector; deterministic (the columns are sorted by name). Fits once on every n-gram found
 * in `minDf` drafts, keeps the `ngrams` whose largest weight over the purposes is largest, and fits
 * again on those and the signals; the weights shipped include each group's value and are rounded
 * to 2 decimals, so the detector scores a signal as 1.
 */
export function trainPurpose(examples: readonly PurposeExample[], training: PurposeTraining = PURPOSE_TRAINING): TrainedPurposeModel {
  const rows = examples.map((e) => rowOf(e, training));
  const df = new Map<string, number>();
  for (const row of rows) for (const f of row.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const candidates = [...df].filter(([f, n]) => !isGram(f) || n >= training.minDf).map(([f]) => f);
  candidates.sort();
  const first = fitEach(matrix(rows, candidates), examples, training.lambda);
  const strength = (j: number) => Math.max(...first.map((m) => Math.abs(m.w[j]!)));
  const grams = candidates
    .map((f, j) => ({ f, s: strength(j) }))
    .filter(({ f }) => isGram(f))
    .sort((a, b) => b.s - a.s || (a.f < b.f ? -1 : 1))
    .slice(0, training.ngrams)
    .map(({ f }) => f);
  const columns = [...grams, ...candidates.filter((f) => !isGram(f))].sort();
  const models = fitEach(matrix(rows, columns), examples, training.lambda);
  const value = (f: string) => (isGram(f) ? 1 : f.startsWith('q:') ? training.cues : training.checks);
  const weights = models.map((m) => columns.map((f, j) => round2(m.w[j]! * value(f))));
  const kept = columns.flatMap((f, j) => (weights.some((row) => row[j] !== 0) ? [j] : []));
  return {
    purposes: [...PURPOSE_CLASSES],
    bias: models.map((m) => round2(m.b)),
    features: kept.map((j) => columns[j]!),
    weights: weights.map((row) => kept.map((j) => row[j]!)),
  };
}

/** sha256 of every example (text, signals, purpose) in order: what a model was fitted on. */
export function purposeTrainingDigest(examples: readonly PurposeExample[]): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(JSON.stringify([e.purpose, e.text, [...e.signals].sort()]) + '\n');
  return hash.digest('hex');
}
