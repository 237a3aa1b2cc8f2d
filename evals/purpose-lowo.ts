import { basename } from 'node:path';
import { quoteOf, readDoc } from '../src/coach/analyzer/doc.js';
import { analyze } from '../src/coach/analyzer/index.js';
import { compileReader, type LearnedReader } from '../src/coach/analyzer/learned/learned-reader.js';
import { SHIPPED_READER } from '../src/coach/analyzer/learned/shipped-reader.js';
import { trainReader } from '../src/coach/analyzer/learned/training/train-reader.js';
import { compilePurposeModel } from '../src/coach/critique/learned-purpose/learned-purpose.js';
import type { PurposeTraining } from '../src/coach/critique/learned-purpose/purpose-model.js';
import { PURPOSE_TRAINING, purposeExamples, trainPurpose } from '../src/coach/critique/learned-purpose/training/train-purpose.js';
import { offlineCritique } from '../src/coach/critique/offline-critique.js';
import { cuePurpose, detectPurpose, sentenceWith, type Purpose } from '../src/coach/critique/purpose.js';
import { scoreDraft } from '../src/coach/critique/score.js';
import { CHECKS_BY_MODE, checksFor, type CheckId, type Mode } from '../src/coach/rubric.js';
import type { Dataset, PurposeCase } from './dataset.js';
import { readLabelledWriters } from './labelled-writers.js';
import { macroF1, perLabel } from './metrics.js';

/**
 * Purpose detection leave one writer out over the tuning purpose sets: for each writer, the checks
 * are found by the analyzer with a learned reader fitted without that writer (the shipped one when
 * it never saw them), the learned detector is fitted on the other writers' drafts, and both
 * detectors, the hand-written cues and the learned one, are scored on the writer's drafts with the
 * critique's figures. No held-out set is read here: the caller passes tuning sets only.
 */

export const PURPOSE_DESIGNS = ['cues', 'learned'] as const;
export type PurposeDesign = (typeof PURPOSE_DESIGNS)[number];

/** The critique's figures that depend on the purpose. */
export interface PurposeFigures {
  /** Detected purpose equals the label (employee mode; manager mode has none to detect). */
  purposeAccuracy: number;
  /** Good drafts scoring 70 or more. */
  goodAt70: number;
  /** Pairs whose good draft scores strictly above its weak one. */
  goodAboveWeak: number;
}

export interface MeanWorst {
  mean: number;
  worst: number;
  worstWriter: string;
}

export interface PurposeLowo {
  /** The learned detector's settings. */
  training: PurposeTraining;
  writers: Record<
    string,
    {
      drafts: number;
      /** Whether the reader was fitted again without this writer (else the shipped reader never saw it). */
      readerRefitted: boolean;
      /** Checks macro-F1 with that reader (the evals' convention). */
      checksMacroF1: number;
      designs: Record<PurposeDesign, PurposeFigures>;
    }
  >;
  designs: Record<PurposeDesign, Record<keyof PurposeFigures, MeanWorst>>;
}

/** One draft as a fold sees it: its labels, and the checks the critique finds with the fold's reader. */
interface FoldDraft {
  c: PurposeCase;
  present: ReadonlySet<CheckId>;
}

/** One left-out writer: its drafts and the other writers', all read with the reader fitted without it. */
export interface PurposeFold {
  writer: string;
  readerRefitted: boolean;
  /** The learned reader fitted without the writer left out (the shipped one when it never knew the writer). */
  reader: LearnedReader;
  test: FoldDraft[];
  train: FoldDraft[];
}

/**
 * The checks the offline critique finds when its analyzer reads with `reader` instead of the shipped
 * one. The critique adds to the analyzer's findings only what reports show (`creditReports`: work
 * delivered, a fix of one's own) and withdraws blame from such a report; neither depends on the
 * reader, so those changes stand and the shipped reader's additions are swapped for `reader`'s. A
 * delivery report is credited as a commitment only where nothing else found one, so it is credited
 * again where the shipped reader's commitment goes.
 */
export function critiqueChecksWith(reader: LearnedReader, text: string, mode: Mode): Set<CheckId> {
  // The offline engine answers with its mode's check ids.
  const critique = new Set(
    offlineCritique(text, mode)
      .checks.filter((c) => c.present)
      .map((c) => c.id as CheckId),
  );
  if (reader === SHIPPED_READER) return critique;
  const doc = readDoc(text);
  const shipped = analyze(text, mode, doc).checks;
  const mine = analyze(text, mode, doc, reader).checks;
  const found = (f: (typeof shipped)[CheckId]) => Boolean(f?.present && f.evidence.length > 0);
  const delivered =
    mode === 'employee' &&
    sentenceWith(
      doc.sentences.map((s) => quoteOf(doc, s)),
      'delivered',
    ) !== undefined;
  const out = new Set<CheckId>();
  for (const { id } of CHECKS_BY_MODE[mode]) {
    const credited = critique.has(id) && !found(shipped[id]);
    const withdrawn = !critique.has(id) && found(shipped[id]);
    const recredited = id === 'commits_to_task' && shipped[id]?.learned === true && delivered;
    if (credited || recredited || (found(mine[id]) && !withdrawn)) out.add(id);
  }
  return out;
}

const nameOf = (d: Dataset<unknown>) => basename(d.path, '.jsonl');

/** The folds of the tuning sets: the expensive part (a reader fitted per writer it was trained on), done once for any number of settings. */
export function purposeFolds(sets: readonly Dataset<PurposeCase>[]): PurposeFold[] {
  const labelled = readLabelledWriters();
  const byReader = (reader: LearnedReader, d: Dataset<PurposeCase>) => d.cases.map((c) => ({ c, present: critiqueChecksWith(reader, c.text, c.mode) }));
  return sets.map((held) => {
    const writer = nameOf(held);
    const refit = labelled.some((w) => w.name === writer);
    const reader = refit ? compileReader(trainReader(labelled.filter((w) => w.name !== writer).flatMap((w) => w.texts))) : SHIPPED_READER;
    return { writer, readerRefitted: refit, reader, test: byReader(reader, held), train: sets.filter((d) => d !== held).flatMap((d) => byReader(reader, d)) };
  });
}

/** A draft's critique figures inputs: its labels, the purpose a design detected (null in manager mode) and the score it then gets. */
export interface ScoredDraft {
  c: PurposeCase;
  step: Purpose | null;
  score: number;
}

/** Purpose accuracy, good drafts at 70+ and good above weak in their pairs: the purpose suite's own figures. */
export function purposeFigures(scored: readonly ScoredDraft[]): PurposeFigures & { pairs: number } {
  const employee = scored.filter((s) => s.c.mode === 'employee');
  const good = scored.filter((s) => s.c.quality === 'good');
  const byPair = new Map<string, ScoredDraft[]>();
  for (const s of scored) if (s.c.pair) byPair.set(s.c.pair, [...(byPair.get(s.c.pair) ?? []), s]);
  let ordered = 0;
  for (const pair of byPair.values()) {
    const g = pair.find((s) => s.c.quality === 'good');
    const w = pair.find((s) => s.c.quality === 'weak');
    if (g && w && g.score > w.score) ordered += 1;
  }
  return {
    purposeAccuracy: employee.filter((s) => s.step === s.c.purpose).length / Math.max(1, employee.length),
    goodAt70: good.filter((s) => s.score >= 70).length / Math.max(1, good.length),
    goodAboveWeak: ordered / Math.max(1, byPair.size),
    pairs: byPair.size,
  };
}

/** Each design's figures on one fold's left-out writer. */
export function scoreFold(fold: PurposeFold, training: PurposeTraining): Record<PurposeDesign, PurposeFigures> {
  const model = compilePurposeModel(trainPurpose(purposeExamples(fold.train.map(({ c, present }) => ({ ...c, present, reader: fold.reader }))), training));
  const detect: Record<PurposeDesign, (present: ReadonlySet<CheckId>, text: string) => Purpose> = {
    cues: cuePurpose,
    learned: (present, text) => detectPurpose(present, text, undefined, model, fold.reader),
  };
  const figures = (design: PurposeDesign) => {
    const { pairs: _pairs, ...f } = purposeFigures(
      fold.test.map(({ c, present }) => {
        const step = c.mode === 'manager' ? null : detect[design](present, c.text);
        const checks = checksFor(c.mode).map((s) => ({ id: s.id, kind: s.kind, step: s.step, present: present.has(s.id), evidence: [], advice: s.advice }));
        return { c, step, score: scoreDraft(checks, c.mode, step) };
      }),
    );
    return f;
  };
  return { cues: figures('cues'), learned: figures('learned') };
}

function meanWorst(byWriter: ReadonlyArray<[string, number]>): MeanWorst {
  const [worstWriter, worst] = byWriter.reduce((a, b) => (b[1] < a[1] ? b : a), ['', Infinity]);
  return { mean: byWriter.reduce((n, [, x]) => n + x, 0) / Math.max(1, byWriter.length), worst: byWriter.length === 0 ? 0 : worst, worstWriter };
}

const FIGURES: ReadonlyArray<keyof PurposeFigures> = ['purposeAccuracy', 'goodAt70', 'goodAboveWeak'];

/** Both detectors leave one writer out over `sets`, which must be tuning sets (two at least: one to learn from). */
export function purposeLowo(sets: readonly Dataset<PurposeCase>[], training: PurposeTraining = PURPOSE_TRAINING, folds = purposeFolds(sets)): PurposeLowo {
  const writers: PurposeLowo['writers'] = {};
  for (const fold of folds) {
    const cases = fold.test.map(({ c, present }) => ({
      expected: c.expected.map((id) => `${c.mode}:${id}`),
      predicted: [...present].map((id) => `${c.mode}:${id}`),
    }));
    const labels = [...new Set(fold.test.flatMap(({ c }) => checksFor(c.mode).map((s) => `${c.mode}:${s.id}`)))];
    writers[fold.writer] = {
      drafts: fold.test.length,
      readerRefitted: fold.readerRefitted,
      checksMacroF1: macroF1(perLabel(cases, labels)),
      designs: scoreFold(fold, training),
    };
  }
  const summary = (design: PurposeDesign) =>
    Object.fromEntries(FIGURES.map((f) => [f, meanWorst(Object.entries(writers).map(([w, x]) => [w, x.designs[design][f]]))])) as Record<
      keyof PurposeFigures,
      MeanWorst
    >;
  return { training, writers, designs: { cues: summary('cues'), learned: summary('learned') } };
}

/**
 * The settings `npm run train:purpose -- --select` tries, each leave one writer out: L2 strength,
 * the n-grams' document-frequency floor and how many are kept, and what a check and a cue weigh in
 * the fit beside the n-grams (the L2 pull on their weights, relative to the n-grams').
 */
export const PURPOSE_GRID = {
  lambda: [1e-4, 3e-5],
  minDf: [1, 2],
  ngrams: [200, 300, 500],
  checks: [0.25, 0.5, 1],
  cues: [0, 0.5, 1],
} as const;

/** Every setting of the grid with its mean figures over the folds, best first (see `PURPOSE_TRAINING`). */
export function rankPurposeTrainings(folds: readonly PurposeFold[]): Array<{ training: PurposeTraining; mean: PurposeFigures; worstAccuracy: number }> {
  const g = PURPOSE_GRID;
  const settings = g.lambda.flatMap((lambda) =>
    g.minDf.flatMap((minDf) => g.ngrams.flatMap((ngrams) => g.checks.flatMap((checks) => g.cues.map((cues) => ({ lambda, minDf, ngrams, checks, cues }))))),
  );
  const ranked = settings.map((training) => {
    const byFold = folds.map((f) => scoreFold(f, training).learned);
    const mean = Object.fromEntries(FIGURES.map((k) => [k, byFold.reduce((s, x) => s + x[k], 0) / byFold.length])) as unknown as PurposeFigures;
    return { training, mean, worstAccuracy: Math.min(...byFold.map((x) => x.purposeAccuracy)) };
  });
  // The best mean of the three figures (a purpose is detected to score the draft right: the critique's figures count as much
  // as the accuracy); then accuracy; then the smaller model (fewer n-grams), the stronger L2, the grid's order.
  const key = (r: (typeof ranked)[number]) => [
    r.mean.purposeAccuracy + r.mean.goodAt70 + r.mean.goodAboveWeak,
    r.mean.purposeAccuracy,
    -r.training.ngrams,
    r.training.lambda,
  ];
  return ranked
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const [x, y] = [key(a.r), key(b.r)];
      for (let k = 0; k < x.length; k++) if (Math.abs(x[k]! - y[k]!) > 1e-12) return y[k]! - x[k]!;
      return a.i - b.i;
    })
    .map(({ r }) => r);
}
