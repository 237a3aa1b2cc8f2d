import { createHash } from 'node:crypto';
import { fitLogistic } from './logistic-regression.js';
import { shipped, trainingMatrix } from './train-reader.js';
import type { ActId } from '../../../reading/acts.js';
import type { ActsModel, ActsTraining, TrainedActs } from '../../../reading/learned-acts/acts-model.js';

/** One labelled turn: its text and the acts its writer saw in it. */
export interface ActTrainingTurn {
  text: string;
  acts: readonly ActId[];
}

/**
 * The shipped settings, chosen leave one writer out over the tuning turn writers
 * (evals/reader-experiment/acts.ts, whose POOLED=1 prints each act's hits, false readings and
 * misses per threshold): every act for which the cues and the model together beat the cues alone
 * (practical asks do not: the writers label them too unevenly). Where a false reading changes what
 * the persona does or what the debrief keeps, the threshold is the lowest with few false readings,
 * not the best F1: a goodbye at 0.6 (24 hits, no false one; 0.5 gave 27 and 3 false goodbyes),
 * asking after the other person and small talk at 0.7 (their lines would answer a question that
 * asked something else), grudging and refusing at 0.7 (they withdraw credit and drop the turn from
 * the debrief's rewrite; 0.6 read the rubric's own "Happy to take the flaky-test triage this
 * week, I'll start today." as grudging). Answers and pushing back, which change neither, at 0.5.
 * An L2 strength of 1e-3 and n-grams seen in two turns or more. Weights below `prune` in magnitude
 * are dropped, to keep the Worker bundle small.
 */
export const ACTS_TRAINING: ActsTraining = {
  acts: { answers: 0.5, asks_situation: 0.7, small_talk: 0.7, wraps_up: 0.6, pushes_back: 0.5, grudging: 0.7, refuses: 0.7, demands: 0.6 },
  lambda: 1e-3,
  minDf: 2,
  prune: 0.5,
};

/** Fits one balanced logistic regression per act, on every turn whatever its mode; deterministic. */
export function trainActs(turns: readonly ActTrainingTurn[], training: ActsTraining = ACTS_TRAINING): TrainedActs {
  const { columns, X } = trainingMatrix(
    turns.map((t) => ({ mode: 'employee', text: t.text, checks: [] })),
    training.minDf,
  );
  const fitted = (Object.keys(training.acts) as ActId[]).map((id) => {
    const y = Uint8Array.from(turns, (t) => (t.acts.includes(id) ? 1 : 0));
    const positives = y.reduce((s, v) => s + v, 0);
    const model = fitLogistic(X, y, { lambda: training.lambda, positiveWeight: positives > 0 ? (y.length - positives) / positives : 1 });
    const kept = [...model.w].map((w, j) => [columns[j]!, shipped(w, training.prune)] as const).filter(([, w]) => w !== 0);
    return { id, bias: Math.round(model.b * 100) / 100, kept };
  });
  const features = [...new Set(fitted.flatMap((a) => a.kept.map(([f]) => f)))].sort();
  const position = new Map(features.map((f, i) => [f, i]));
  const acts: ActsModel['acts'] = {};
  for (const { id, bias, kept } of fitted) {
    const sorted = kept.map(([f, w]) => [position.get(f)!, w] as const).sort((a, b) => a[0] - b[0]);
    acts[id] = { bias, index: sorted.map(([i], k) => i - (k === 0 ? 0 : sorted[k - 1]![0])), weight: sorted.map(([, w]) => w) };
  }
  return { features, acts };
}

/** sha256 of every turn with its acts, in order: what a model was fitted on. */
export function actsDigest(turns: readonly ActTrainingTurn[]): string {
  const hash = createHash('sha256');
  for (const t of turns) hash.update(JSON.stringify([t.text, [...t.acts].sort()]) + '\n');
  return hash.digest('hex');
}
