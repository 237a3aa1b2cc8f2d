import { CHECKS_BY_MODE, type CheckId, type Mode } from '../../rubric.js';
import type { TrainedReader } from './reader-model.js';
import { wordFeatures } from './word-features.js';

/** One mode's checks, ready to score: each feature's weights by check position, built once. */
interface ModeReader {
  /** The checks the reader may add, in rubric order. */
  checks: readonly CheckId[];
  bias: Float64Array;
  threshold: Float64Array;
  /** Feature name to its nonzero weights: [check position, weight, check position, weight, ...]. */
  weights: ReadonlyMap<string, readonly number[]>;
}

/** A learned reader: per mode, a logistic regression per check it may add, over the word n-grams of `wordFeatures`. */
export interface LearnedReader {
  /** Texts with fewer word tokens than this get nothing from the reader (see `ReaderModel`). */
  fewestWords: number;
  modes: Record<Mode, ModeReader>;
}

/** Builds the lookup tables of a (validated) model once; fails on a model that does not fit the rubric. */
export function compileReader(model: TrainedReader): LearnedReader {
  const mode = (m: Mode): ModeReader => {
    const { features } = model;
    const { checks: byId } = model.modes[m];
    const ofMode = CHECKS_BY_MODE[m].map((c) => c.id);
    const outside = Object.keys(byId).filter((id) => !ofMode.includes(id as CheckId));
    if (outside.length > 0) throw new Error(`The reader model has checks outside ${m} mode: ${outside.join(', ')}.`);
    const checks = ofMode.filter((id) => byId[id] !== undefined);
    const bias = new Float64Array(checks.length);
    const threshold = new Float64Array(checks.length);
    const weights = new Map<string, number[]>();
    checks.forEach((id, k) => {
      const c = byId[id]!;
      bias[k] = c.bias;
      threshold[k] = c.threshold;
      let at = 0;
      c.index.forEach((delta, j) => {
        at += delta;
        const feature = features[at];
        if (feature === undefined) throw new Error(`The reader model's ${m} check ${id} points past its features.`);
        const list = weights.get(feature) ?? [];
        list.push(k, c.weight[j]!);
        weights.set(feature, list);
      });
    });
    return { checks, bias, threshold, weights };
  };
  return { fewestWords: model.fewestWords, modes: { employee: mode('employee'), manager: mode('manager') } };
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * p(present) of each check the reader reads in the mode (in the order of its `checks`) for a text, as
 * the model was trained: the text's distinct n-grams, each weighing 1/sqrt(their number).
 */
export function checkProbabilities(reader: LearnedReader, mode: Mode, text: string): Float64Array {
  const m = reader.modes[mode];
  const features = wordFeatures(text);
  const sums = new Float64Array(m.checks.length);
  for (const f of features) {
    const list = m.weights.get(f);
    if (list) for (let i = 0; i < list.length; i += 2) sums[list[i]!]! += list[i + 1]!;
  }
  const scale = features.length === 0 ? 0 : 1 / Math.sqrt(features.length);
  return sums.map((s, k) => sigmoid(m.bias[k]! + s * scale));
}
