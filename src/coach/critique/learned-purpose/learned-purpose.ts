import { wordFeatures } from '../../analyzer/learned/word-features.js';
import { PURPOSE_CLASSES, type TrainedPurposeModel } from './purpose-model.js';

/** A purpose model ready to score: each feature's weights, one per purpose, built once. */
export interface LearnedPurpose {
  bias: Float64Array;
  weights: ReadonlyMap<string, Float64Array>;
}

export function compilePurposeModel(model: TrainedPurposeModel): LearnedPurpose {
  const weights = new Map<string, Float64Array>();
  model.features.forEach((f, j) =>
    weights.set(
      f,
      Float64Array.from(model.weights, (row) => row[j]!),
    ),
  );
  return { bias: Float64Array.from(model.bias), weights };
}

/**
 * Each purpose's score for a draft (in `PURPOSE_CLASSES` order), as the model was trained: its
 * distinct word n-grams weighing 1/sqrt(their number), plus its signals (see `purposeSignals`).
 */
export function purposeScores(model: LearnedPurpose, text: string, signals: readonly string[]): Float64Array {
  const scores = Float64Array.from(model.bias);
  const add = (feature: string, scale: number) => {
    const w = model.weights.get(feature);
    if (w) for (let k = 0; k < scores.length; k++) scores[k]! += w[k]! * scale;
  };
  const grams = wordFeatures(text);
  for (const g of grams) add(g, 1 / Math.sqrt(grams.length));
  for (const s of signals) add(s, 1);
  return scores;
}

/** The purpose with the highest score (the first on a tie). */
export function likeliestPurpose(model: LearnedPurpose, text: string, signals: readonly string[]): (typeof PURPOSE_CLASSES)[number] {
  const scores = purposeScores(model, text, signals);
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  return PURPOSE_CLASSES[best]!;
}
