import { LABELS, loadWriters, type Doc } from './data.js';
import { Interner, rawFeatures, Vocabulary, type RawFeatures } from './features.js';
import { fitLogistic, predict, type Model } from './logreg.js';

/** The learned designs: n-grams alone, or n-grams plus the analyzer's 0/1 verdicts as features. */
export type LearnedDesign = 'ngram' | 'hybrid';
/** `balanced`: positives weigh (negatives / positives) in the loss; `none`: every text weighs 1. */
export type Weighting = 'none' | 'balanced';

export interface FitRequest {
  design: LearnedDesign;
  weighting: Weighting;
  /** Fitted in this order, each warm-started from the previous: put the strongest first. */
  lambdas: number[];
  /** Also predict with weights pruned below each of these magnitudes (and rounded as shipped). */
  prune?: number[];
  /** Return the fitted weights (for the size of the shipped model). */
  returnModel?: boolean;
}

/** Fit on the `train` writers' texts, predict the `test` writers' texts. */
export interface Task {
  train: string[];
  test: string[];
  /** Add character 3-5 grams to the word n-grams. */
  char: boolean;
  fits: FitRequest[];
}

export interface Prediction {
  design: LearnedDesign;
  weighting: Weighting;
  lambda: number;
  /** Pruning magnitude, or null for the full-precision model. */
  prune: number | null;
  label: string;
  /** Indices (into `allDocs`) of the test texts of the label's mode, and p(present) for each. */
  docs: number[];
  probs: number[];
}

export interface ExportedModel {
  design: LearnedDesign;
  weighting: Weighting;
  lambda: number;
  label: string;
  bias: number;
  /** Every weight of the model, by feature name. */
  weights: Array<[string, number]>;
}

export interface TaskResult {
  predictions: Prediction[];
  models: ExportedModel[];
  fits: number;
  ms: number;
}

/** Weights as shipped: those below `threshold` in magnitude dropped, the rest rounded to 2 decimals. */
export const shipWeight = (w: number, threshold: number) => (Math.abs(w) < threshold ? 0 : Math.round(w * 100) / 100);

export function pruned(model: Model, threshold: number): Model {
  return { w: model.w.map((w) => shipWeight(w, threshold)), b: Math.round(model.b * 100) / 100 };
}

/** Holds the texts and their raw features; runs tasks (in the main thread or a worker). */
export class Experiment {
  readonly docs: Doc[];
  private readonly raw: RawFeatures[];
  private readonly interner = new Interner();
  constructor() {
    this.docs = loadWriters().allDocs;
    this.raw = this.docs.map((d) => rawFeatures(this.interner, d.text, d.analyzer));
  }

  run(task: Task): TaskResult {
    const start = Date.now();
    const train = new Set(task.train);
    const test = new Set(task.test);
    const predictions: Prediction[] = [];
    const models: ExportedModel[] = [];
    let fits = 0;
    for (const design of ['ngram', 'hybrid'] as const) {
      const requests = task.fits.filter((f) => f.design === design);
      if (requests.length === 0) continue;
      for (const mode of ['employee', 'manager'] as const) {
        const trainDocs = this.docs.filter((d) => d.mode === mode && train.has(d.writer));
        const testDocs = this.docs.filter((d) => d.mode === mode && test.has(d.writer));
        const vocab = new Vocabulary(
          { char: task.char, analyzer: design === 'hybrid', minDf: 2 },
          trainDocs.map((d) => this.raw[d.index]!),
          this.interner,
        );
        const X = vocab.matrix(trainDocs.map((d) => this.raw[d.index]!));
        const Xtest = vocab.matrix(testDocs.map((d) => this.raw[d.index]!));
        const testIndices = testDocs.map((d) => d.index);
        for (const { key: label } of LABELS.filter((l) => l.mode === mode)) {
          const y = Uint8Array.from(trainDocs.map((d) => (d.labels.has(label) ? 1 : 0)));
          const positives = y.reduce((s, v) => s + v, 0);
          for (const request of requests) {
            const positiveWeight = request.weighting === 'balanced' && positives > 0 ? (y.length - positives) / positives : 1;
            let init: Model | undefined;
            for (const lambda of request.lambdas) {
              const model = fitLogistic(X, y, { lambda, positiveWeight, ...(init && { init }) });
              fits += 1;
              init = model;
              const base = { design, weighting: request.weighting, lambda, label, docs: testIndices };
              if (testDocs.length > 0) {
                predictions.push({ ...base, prune: null, probs: [...predict(model, Xtest)] });
                for (const threshold of request.prune ?? []) {
                  predictions.push({ ...base, prune: threshold, probs: [...predict(pruned(model, threshold), Xtest)] });
                }
              }
              if (request.returnModel) {
                const weights: Array<[string, number]> = [];
                model.w.forEach((w, j) => weights.push([this.interner.names[vocab.globalIds[j]!]!, w]));
                models.push({ design, weighting: request.weighting, lambda, label, bias: model.b, weights });
              }
            }
          }
        }
      }
    }
    return { predictions, models, fits, ms: Date.now() - start };
  }
}
