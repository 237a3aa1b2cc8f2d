import { LABELS, loadWriters, type Doc } from './data.js';
import { fitLogistic, predict, type Model } from '../../src/coach/analyzer/learned/training/logistic-regression.js';
import { Interner, Vocabulary, type TextFeatures } from '../../src/coach/analyzer/learned/training/sparse-rows.js';
import { ANALYZER_FEATURES, rawFeatures, selectColumns, type RawFeatures } from './features.js';

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
  /**
   * Also keep only each check's K largest n-gram weights (by magnitude; the analyzer's features of
   * the hybrid are always kept) and refit on those columns, for each K here: a model small enough to ship.
   */
  top?: number[];
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
  /** `full`, `prune:<magnitude>` or `top:<K>` (see `FitRequest`). */
  variant: string;
  label: string;
  /** Indices (into `allDocs`) of the test texts of the label's mode, and p(present) for each. */
  docs: number[];
  probs: number[];
}

export interface ExportedModel {
  design: LearnedDesign;
  weighting: Weighting;
  lambda: number;
  variant: string;
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
        // Word n-grams (and char n-grams) scaled per block; the hybrid adds the analyzer's verdicts as 0/1 columns.
        const hybrid = design === 'hybrid';
        const rows = (docs: readonly Doc[]): TextFeatures[] =>
          docs.map((d) => {
            const r = this.raw[d.index]!;
            return { ngrams: task.char ? [r.word, r.char] : [r.word], ...(hybrid && { fixed: r.analyzer }) };
          });
        const fixed = hybrid ? ANALYZER_FEATURES.map((name) => this.interner.id(name)) : [];
        const vocab = new Vocabulary(rows(trainDocs), { minDf: 2, fixed });
        const X = vocab.matrix(rows(trainDocs));
        const Xtest = vocab.matrix(rows(testDocs));
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
              const emit = (variant: string, m: Model, columns: readonly number[] | null, test: typeof Xtest) => {
                if (testDocs.length > 0) predictions.push({ ...base, variant, probs: [...predict(m, test)] });
                if (request.returnModel) {
                  const names = (columns ?? [...m.w.keys()]).map((j) => this.interner.names[vocab.globalIds[j]!]!);
                  models.push({ design, weighting: request.weighting, lambda, variant, label, bias: m.b, weights: names.map((n, j) => [n, m.w[j]!]) });
                }
              };
              emit('full', model, null, Xtest);
              for (const threshold of request.prune ?? []) emit(`prune:${threshold}`, pruned(model, threshold), null, Xtest);
              for (const k of request.top ?? []) {
                const ngrams = [...model.w.keys()]
                  .filter((j) => !this.interner.names[vocab.globalIds[j]!]!.startsWith('a:'))
                  .sort((a, b) => Math.abs(model.w[b]!) - Math.abs(model.w[a]!))
                  .slice(0, k);
                const analyzerColumns = [...model.w.keys()].filter((j) => this.interner.names[vocab.globalIds[j]!]!.startsWith('a:'));
                const columns = [...ngrams, ...analyzerColumns].sort((a, b) => a - b);
                // Warm-started from the full model's weights on those columns: the same optimum, sooner.
                const start: Model = { w: Float64Array.from(columns, (j) => model.w[j]!), b: model.b };
                const small = fitLogistic(selectColumns(X, columns), y, { lambda, positiveWeight, init: start, tolerance: 1e-5 });
                fits += 1;
                emit(`top:${k}`, pruned(small, 0), columns, selectColumns(Xtest, columns));
              }
            }
          }
        }
      }
    }
    return { predictions, models, fits, ms: Date.now() - start };
  }
}
