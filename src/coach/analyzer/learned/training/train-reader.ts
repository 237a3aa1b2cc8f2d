import { createHash } from 'node:crypto';
import { CHECKS_BY_MODE, MODES, type CheckId, type Mode } from '../../../rubric.js';
import type { ReaderModel, TrainedReader } from '../reader-model.js';
import { wordFeatures, wordTokens } from '../word-features.js';
import { fitLogistic } from './logistic-regression.js';
import { Interner, Vocabulary, type Csr, type TextFeatures } from './sparse-rows.js';

/** One labelled text: the checks of its mode it shows. */
export interface TrainingText {
  mode: Mode;
  text: string;
  checks: readonly CheckId[];
}

export type ReaderTraining = ReaderModel['training'];

/**
 * The shipped reader's settings, all chosen leave one writer out (evals/reader-experiment/README.md).
 * Weighting, lambda and minDf: what the experiment's nested folds chose most often. The rest with
 * adopt.ts there, for the design analyze() runs (the frames' findings, plus the reader's where the
 * text and its best sentence are both above the threshold): `checks` are the moves whose additions
 * raised their F1 on the inner folds in most outer folds (pitfalls stay with the frames: negation,
 * who acts and quoting decide them, and they fail the analyzer's counterexamples); `threshold` is
 * the one the inner folds chose most often; `prune` drops weights below 1.4 in magnitude (1 until
 * writer L was added: the Worker bundle went over its bar; 1.3 then, 1.4 once writers M and N and the session's persona code
 * had it at 450 KiB again; each moved no
 * held-out figure by more than 0.003, see evals/thresholds.json).
 */
export const READER_TRAINING: ReaderTraining = {
  checks: {
    employee: ['asks_for_feedback', 'offers_help', 'commits_to_task', 'links_goal_to_needs', 'asks_what_it_takes', 'proposes_follow_up'],
    manager: ['proposes_follow_up', 'asks_about_goals', 'offers_partnership', 'names_stretch_work', 'clarifies_expectations'],
  },
  weighting: 'balanced',
  lambda: 3e-6,
  minDf: 2,
  prune: 1.5,
  threshold: 0.7,
};

/**
 * A weight as shipped: dropped below `prune` in magnitude, else rounded to 1 decimal (2 decimals
 * cost 7.6 KiB more of the Worker bundle, gzip, for differences under 0.05 on weights of 1 or more).
 */
export const shipped = (w: number, prune: number) => (Math.abs(w) < prune ? 0 : Math.round(w * 10) / 10);

/**
 * Texts as training rows: one column per word n-gram found in at least `minDf` of them (the column's
 * name as `wordFeatures` gives it), each row scaled as `checkProbabilities` scales a text at run time.
 */
export function trainingMatrix(texts: readonly TrainingText[], minDf: number): { columns: string[]; X: Csr } {
  const interner = new Interner();
  const rows: TextFeatures[] = texts.map((t) => ({ ngrams: [Int32Array.from(wordFeatures(t.text), (f) => interner.id(f)).sort()] }));
  const vocabulary = new Vocabulary(rows, { minDf });
  return { columns: vocabulary.globalIds.map((id) => interner.names[id]!), X: vocabulary.matrix(rows) };
}

/** A check as fitted: its bias and the n-grams it weighs, by name. */
interface FittedCheck {
  id: CheckId;
  bias: number;
  kept: ReadonlyArray<readonly [string, number]>;
}

/** Fits one logistic regression per check the reader reads, on the texts of the check's mode; deterministic. */
export function trainReader(all: readonly TrainingText[], training: ReaderTraining = READER_TRAINING): TrainedReader {
  // A one-word turn ("ok") means what its context makes it mean; the reader reads a text alone, so it learns nothing from one,
  // and a text that short is left to the frames (fewestWords).
  const texts = all.filter((t) => wordTokens(t.text).length >= 2);
  const fit = (m: Mode): FittedCheck[] => {
    const ofMode = texts.filter((t) => t.mode === m);
    const { columns, X } = trainingMatrix(ofMode, training.minDf);
    return CHECKS_BY_MODE[m]
      .filter(({ id }) => training.checks[m].includes(id))
      .map(({ id }) => {
        // With no text of the mode to learn from (a small evals dataset), the check is never found.
        if (ofMode.length === 0) return { id, bias: -100, kept: [] };
        const y = Uint8Array.from(ofMode, (t) => (t.checks.includes(id) ? 1 : 0));
        const positives = y.reduce((s, v) => s + v, 0);
        const positiveWeight = training.weighting === 'balanced' && positives > 0 ? (y.length - positives) / positives : 1;
        const model = fitLogistic(X, y, { lambda: training.lambda, positiveWeight });
        const kept = [...model.w].map((w, j) => [columns[j]!, shipped(w, training.prune)] as const).filter(([, w]) => w !== 0);
        return { id, bias: Math.round(model.b * 100) / 100, kept };
      });
  };
  // Positions in one feature list for both modes, delta-encoded per check.
  const encode = (fitted: readonly FittedCheck[], position: ReadonlyMap<string, number>): ReaderModel['modes'][Mode] => {
    const checks: ReaderModel['modes'][Mode]['checks'] = {};
    for (const { id, bias, kept } of fitted) {
      const sorted = kept.map(([f, w]) => [position.get(f)!, w] as const).sort((a, b) => a[0] - b[0]);
      checks[id] = {
        bias,
        threshold: training.threshold,
        index: sorted.map(([i], k) => i - (k === 0 ? 0 : sorted[k - 1]![0])),
        weight: sorted.map(([, w]) => w),
      };
    }
    return { checks };
  };
  const fitted = MODES.map((m) => [m, fit(m)] as const);
  const features = [...new Set(fitted.flatMap(([, checks]) => checks.flatMap((c) => c.kept.map(([f]) => f))))].sort();
  const position = new Map(features.map((f, i) => [f, i]));
  return {
    fewestWords: Math.min(...texts.map((t) => wordTokens(t.text).length)),
    features,
    modes: Object.fromEntries(fitted.map(([m, checks]) => [m, encode(checks, position)])) as ReaderModel['modes'],
  };
}

/** sha256 of every text with its mode and checks, in order: what a model was fitted on. */
export function trainingDigest(texts: readonly TrainingText[]): string {
  const hash = createHash('sha256');
  for (const t of texts) hash.update(JSON.stringify([t.mode, t.text, [...t.checks].sort()]) + '\n');
  return hash.digest('hex');
}
