import { sigmoid } from '../../analyzer/learned/learned-reader.js';
import { wordFeatures } from '../../analyzer/learned/word-features.js';
import type { ActId } from '../acts.js';
import type { TrainedActs } from './acts-model.js';

/** The act models ready to score: each feature's weights by act position, built once. */
export interface LearnedActs {
  acts: readonly ActId[];
  bias: Float64Array;
  threshold: Float64Array;
  weights: ReadonlyMap<string, readonly number[]>;
}

/** Builds the lookup tables of a (validated) model once, with each act's threshold; fails on a model whose indexes point past its features. */
export function compileActs(model: TrainedActs, thresholds: Partial<Record<ActId, number>>): LearnedActs {
  const acts = (Object.keys(model.acts) as ActId[]).filter((id) => thresholds[id] !== undefined);
  const bias = new Float64Array(acts.length);
  const threshold = Float64Array.from(acts, (id) => thresholds[id]!);
  const weights = new Map<string, number[]>();
  acts.forEach((id, k) => {
    const a = model.acts[id]!;
    bias[k] = a.bias;
    let at = 0;
    a.index.forEach((delta, j) => {
      at += delta;
      const feature = model.features[at];
      if (feature === undefined) throw new Error(`The acts model's ${id} points past its features.`);
      const list = weights.get(feature) ?? [];
      list.push(k, a.weight[j]!);
      weights.set(feature, list);
    });
  });
  return { acts, bias, threshold, weights };
}

/** p of each act the model reads (in the order of its `acts`) for a turn, scaled as in training. */
export function actProbabilities(model: LearnedActs, text: string): Float64Array {
  const features = wordFeatures(text);
  const sums = new Float64Array(model.acts.length);
  for (const f of features) {
    const list = model.weights.get(f);
    if (list) for (let i = 0; i < list.length; i += 2) sums[list[i]!]! += list[i + 1]!;
  }
  const scale = features.length === 0 ? 0 : 1 / Math.sqrt(features.length);
  return sums.map((s, k) => sigmoid(model.bias[k]! + s * scale));
}

/** The acts the model reads in a turn: those above its threshold. */
export function learnedActsOf(model: LearnedActs | null, text: string): Set<ActId> {
  if (!model) return new Set();
  const p = actProbabilities(model, text);
  return new Set(model.acts.filter((_, k) => p[k]! > model.threshold[k]!));
}
