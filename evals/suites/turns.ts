import { analyze } from '../../src/coach/analyzer/index.js';
import { compileReader, type LearnedReader } from '../../src/coach/analyzer/learned/learned-reader.js';
import { trainReader } from '../../src/coach/analyzer/learned/training/train-reader.js';
import type { CoachEngine } from '../../src/coach/engine.js';
import { ACT_IDS } from '../../src/coach/reading/acts.js';
import { compileActs, type LearnedActs } from '../../src/coach/reading/learned-acts/learned-acts.js';
import { ACTS_TRAINING, trainActs } from '../../src/coach/analyzer/learned/training/train-acts.js';
import { readTurnOffline } from '../../src/coach/reading/read-turn.js';
import type { TurnReading } from '../../src/coach/reading/reading-schema.js';
import { checksFor, MODES, type Mode } from '../../src/coach/rubric.js';
import type { EvalContext } from '../context.js';
import type { Dataset, DraftCase, TurnCase } from '../dataset.js';
import { gradeChecks } from '../graders/checks.js';
import { combine, type Grade, type Status } from '../graders/grade.js';
import { gradeQuotes } from '../graders/quotes.js';
import { labelledWriters, type LabelledWriter, type Tuning } from '../labelled-writers.js';
import { splitOf } from '../manifest.js';
import { macroF1, perLabel, type LabelledPrediction, type Prf } from '../metrics.js';
import { CassetteMissError } from '../models/cassettes.js';
import { addUsage, emptyUsage, meterEngine, type UsageTotals } from '../models/usage-meter.js';
import { mapPool, repeatedStatus } from '../pool.js';
import { HELD_OUT_POOLED } from '../manifest.js';

/**
 * The reader places questions no check covers under `asks_other`, an act the writers were never
 * given: it can only be a false positive against their labels, so act figures are also reported
 * without it.
 */
const OUTSIDE_LABELS = 'asks_other';
const LABELLED_ACTS = ACT_IDS.filter((id) => id !== OUTSIDE_LABELS);

export interface TurnCaseResult {
  id: string;
  writer: string;
  mode: TurnCase['mode'];
  /** The design that read the turn (see `TurnDesign`). */
  design: string;
  /** Pass: checks and acts (leaving out `asks_other`) exactly as labelled, every quote in the turn. */
  status: Status;
  runs: number;
  passes: number;
  checks: LabelledPrediction;
  acts: LabelledPrediction;
  tone: { expected: string; predicted: string | null };
  evidence: Record<string, string[]>;
  /** Quotes shown that are not in the turn. */
  quotesUngrounded: number;
  failures: Grade[];
  usage: UsageTotals;
  error?: string;
}

type Run = Omit<TurnCaseResult, 'runs' | 'passes' | 'usage'>;

/** How well one design read one writer's turns. */
export interface TurnSetMetrics {
  turns: number;
  /** Turns with no reading (a replay miss): left out of every figure. */
  notEvaluated: number;
  /** Turns whose reading failed with an error: counted, as a reading with nothing in it. */
  errors: number;
  checks: { macroF1: number; exact: number; perCheck: Record<string, Prf> };
  acts: {
    macroF1: number;
    macroF1WithoutAsksOther: number;
    exact: number;
    exactWithoutAsksOther: number;
    perAct: Record<string, Prf>;
  };
  toneAgreed: number;
  /** Quotes found verbatim in the turn over all quotes shown (1 when none were shown). */
  groundedQuoteRate: number;
  quotesShown: number;
  passed: number;
}

/** A design's leave-one-writer-out figure: read each writer's turns with what the other writers' texts taught it. */
export interface LeaveOneWriterOut {
  design: string;
  trained: boolean;
  /** Per left-out writer: the design's macro-F1 on that writer's turns. */
  writers: Record<string, { checks: number; acts: number; actsWithoutAsksOther: number }>;
  checks: MeanWorst;
  acts: MeanWorst;
  actsWithoutAsksOther: MeanWorst;
}

interface MeanWorst {
  mean: number;
  worst: number;
  worstWriter: string;
}

/**
 * One analyzer design scored leave one writer out over every labelled writer (the draft files and
 * the turn sets): each text read on its own by `analyze`, per check, in the evals' convention.
 */
export interface AnalyzerDesign {
  design: string;
  trained: boolean;
  writers: Record<string, { tuning: Tuning | 'unknown'; texts: number; macroF1: number; perCheck: Record<string, Prf> }>;
  all: MeanWorst;
  /** Over the writers the hand-written analyzer was never tuned on: the fair comparison for a new writer. */
  neverTuned: MeanWorst | null;
}

export interface TurnsMetrics {
  turns: number;
  notEvaluated: number;
  /** The engine under test's reading, per writer set. */
  writers: Record<string, TurnSetMetrics>;
  /** Turn readings, leave one writer out (the engine's own reading only when no labelled writer taught it: on a model). */
  designs: LeaveOneWriterOut[];
  /** The hand-written analyzer and the analyzer with the learned reader, leave one writer out over every labelled writer. */
  analyzerDesigns: AnalyzerDesign[];
}

type TurnReader = (engine: CoachEngine, turn: TurnCase) => Promise<TurnReading>;

/**
 * A way of reading turns, scored leave one writer out: `readerFor` gets the learned reader fitted on
 * every other writer's labelled texts and returns the reader of the left-out writer's turns. A
 * rule-based design ignores it, so its figure is its figure on each writer.
 */
interface TurnDesign {
  id: string;
  trained: boolean;
  readerFor(learned: LearnedReader | null, acts: LearnedActs | null): TurnReader;
}

/**
 * What the app passes when it reads a turn: the other side's last line (what the turn answers) and
 * the turn's 1-based number among the user's.
 */
const readingInput = (turn: TurnCase) => ({
  text: turn.text,
  mode: turn.mode,
  previous: turn.context.findLast((m) => m.role === 'persona')?.text,
  turn: turn.context.filter((m) => m.role === 'user').length + 1,
});

/**
 * The engine under test's own reading. Offline it is the analyzer with the shipped learned reader,
 * which was fitted on these very turns: a figure on the data it learned, never a leave-one-writer-out one.
 */
const ENGINE_READING: TurnDesign = {
  id: 'engine',
  trained: false,
  readerFor: () => (engine, turn) => engine.readTurn(readingInput(turn)),
};

const offlineReading = (reader: LearnedReader | null, acts: LearnedActs | null) => async (_engine: CoachEngine, turn: TurnCase) => {
  const { text, mode, previous, turn: n } = readingInput(turn);
  return readTurnOffline(text, mode, previous, n, reader, undefined, acts);
};

/** The offline reading over the hand-written analyzer alone, and over the analyzer with the reader fitted on the other writers. */
const OFFLINE_DESIGNS: readonly TurnDesign[] = [
  { id: 'analyzer', trained: false, readerFor: () => offlineReading(null, null) },
  { id: 'analyzer-or-ngram', trained: true, readerFor: (learned, acts) => offlineReading(learned, acts) },
];

async function evaluate(engine: CoachEngine, design: string, read: TurnReader, c: TurnCase): Promise<Run> {
  const base = { id: c.id, writer: c.writer, mode: c.mode, design };
  let reading: TurnReading;
  try {
    reading = await read(engine, c);
  } catch (err) {
    // A failed reading predicts nothing, which costs recall: failures are never silently skipped.
    return {
      ...base,
      status: err instanceof CassetteMissError ? 'not_evaluated' : 'fail',
      checks: { expected: c.checks, predicted: [] },
      acts: { expected: c.acts, predicted: [] },
      tone: { expected: c.tone, predicted: null },
      evidence: {},
      quotesUngrounded: 0,
      failures: [],
      error: err instanceof Error ? err.message : String(err),
    };
  }
  const evidence = Object.fromEntries(reading.checks.map((k) => [k.id, k.evidence]));
  const acts = reading.acts.filter((a) => a !== OUTSIDE_LABELS);
  const quotes = gradeQuotes(c.text, evidence, 0);
  const grades: Grade[] = [
    gradeChecks(
      c.checks,
      reading.checks.map((k) => k.id),
    ),
    { ...gradeChecks(c.acts, acts), grader: 'acts' },
    quotes,
  ];
  return {
    ...base,
    status: combine(grades.map((g) => g.status)),
    checks: { expected: c.checks, predicted: reading.checks.map((k) => k.id) },
    acts: { expected: c.acts, predicted: reading.acts },
    tone: { expected: c.tone, predicted: reading.tone },
    evidence,
    quotesUngrounded: quotes.ungrounded,
    failures: grades.filter((g) => g.status !== 'pass').map(({ grader, status, detail }) => ({ grader, status, ...(detail && { detail }) })),
  };
}

const exact = (p: LabelledPrediction, leaveOut: readonly string[] = []) => {
  const predicted = p.predicted.filter((id) => !leaveOut.includes(id));
  return p.expected.length === predicted.length && p.expected.every((id) => predicted.includes(id));
};

function turnSetMetrics(results: readonly TurnCaseResult[]): TurnSetMetrics {
  const read = results.filter((r) => r.status !== 'not_evaluated');
  const checkIds = MODES.flatMap((mode) => (read.some((r) => r.mode === mode) ? checksFor(mode).map((c) => c.id) : []));
  const perCheck = perLabel(
    read.map((r) => r.checks),
    [...new Set(checkIds)],
  );
  const acts = read.map((r) => r.acts);
  const perAct = perLabel(acts, ACT_IDS);
  const shown = read.reduce((n, r) => n + Object.values(r.evidence).reduce((m, q) => m + q.length, 0), 0);
  const ungrounded = read.reduce((n, r) => n + r.quotesUngrounded, 0);
  return {
    turns: results.length,
    notEvaluated: results.length - read.length,
    errors: read.filter((r) => r.error).length,
    checks: { macroF1: macroF1(perCheck), exact: read.filter((r) => exact(r.checks)).length, perCheck },
    acts: {
      macroF1: macroF1(perAct),
      macroF1WithoutAsksOther: macroF1(perLabel(acts, LABELLED_ACTS)),
      exact: read.filter((r) => exact(r.acts)).length,
      exactWithoutAsksOther: read.filter((r) => exact(r.acts, [OUTSIDE_LABELS])).length,
      perAct,
    },
    toneAgreed: read.filter((r) => r.tone.expected === r.tone.predicted).length,
    groundedQuoteRate: shown === 0 ? 1 : (shown - ungrounded) / shown,
    quotesShown: shown,
    passed: read.filter((r) => r.status === 'pass').length,
  };
}

function meanWorst(byWriter: ReadonlyArray<[string, number]>): MeanWorst {
  const [worstWriter, worst] = byWriter.reduce((a, b) => (b[1] < a[1] ? b : a), ['', Infinity]);
  return { mean: byWriter.reduce((n, [, x]) => n + x, 0) / Math.max(1, byWriter.length), worst: byWriter.length === 0 ? 0 : worst, worstWriter };
}

function leaveOneWriterOut(design: TurnDesign, byWriter: Record<string, TurnSetMetrics>): LeaveOneWriterOut {
  const writers = Object.fromEntries(
    Object.entries(byWriter).map(([w, m]) => [w, { checks: m.checks.macroF1, acts: m.acts.macroF1, actsWithoutAsksOther: m.acts.macroF1WithoutAsksOther }]),
  );
  const figure = (key: 'checks' | 'acts' | 'actsWithoutAsksOther') => meanWorst(Object.entries(writers).map(([w, f]) => [w, f[key]]));
  return {
    design: design.id,
    trained: design.trained,
    writers,
    checks: figure('checks'),
    acts: figure('acts'),
    actsWithoutAsksOther: figure('actsWithoutAsksOther'),
  };
}

/** The learned reader fitted on every writer but one, with the analyze() settings it ships with, per left-out writer. */
/**
 * The learned act reader for each turn writer, fitted with the shipped settings on the other
 * writers' turns, a held-out writer's never (evals/datasets/manifest.json).
 */
function foldActs(datasets: readonly Dataset<TurnCase>[]): Map<string, LearnedActs> {
  const turns = datasets.flatMap((d) => d.cases);
  const teaching = datasets.filter((d) => splitOf(d.path) !== 'held-out').flatMap((d) => d.cases);
  const writers = [...new Set(turns.map((t) => t.writer))];
  return new Map(writers.map((w) => [w, compileActs(trainActs(teaching.filter((t) => t.writer !== w)), ACTS_TRAINING.acts)]));
}

function foldReaders(writers: readonly LabelledWriter[]): Map<string, LearnedReader> {
  return new Map(writers.map((w) => [w.name, compileReader(trainReader(writers.filter((o) => o !== w).flatMap((o) => o.texts)))]));
}

const checkIdsOf = (modes: Iterable<Mode>) => [...new Set([...modes].flatMap((m) => checksFor(m).map((c) => c.id)))];

/** Both analyzer designs on every labelled writer, each text on its own. */
function analyzerDesigns(writers: readonly LabelledWriter[], folds: ReadonlyMap<string, LearnedReader>): AnalyzerDesign[] {
  return OFFLINE_DESIGNS.map(({ id, trained }) => {
    const byWriter = Object.fromEntries(
      writers.map((w) => {
        const reader = trained ? folds.get(w.name)! : null;
        const cases = w.texts.map((t) => {
          const found = analyze(t.text, t.mode, undefined, reader).checks;
          return {
            expected: t.checks,
            predicted: checksFor(t.mode)
              .filter((c) => found[c.id]?.present)
              .map((c) => c.id),
          };
        });
        const perCheck = perLabel(cases, checkIdsOf(new Set(w.texts.map((t) => t.mode))));
        return [w.name, { tuning: w.tuning, texts: w.texts.length, macroF1: macroF1(perCheck), perCheck }];
      }),
    );
    const figure = (names: readonly string[]) => meanWorst(names.map((n) => [n, byWriter[n]!.macroF1]));
    const never = writers.filter((w) => w.tuning === 'never tuned').map((w) => w.name);
    return { design: id, trained, writers: byWriter, all: figure(Object.keys(byWriter)), neverTuned: never.length === 0 ? null : figure(never) };
  });
}

/**
 * Reads every labelled turn, writer by writer: with the engine under test (the cases and per-writer
 * figures reported), then with each offline design leave one writer out, whose learned reader is
 * fitted on the other writers' drafts and turns. Then scores both analyzer designs on every
 * labelled writer, drafts too, the same way.
 */
export async function runTurnsSuite(
  ctx: Pick<EvalContext, 'model' | 'concurrency' | 'repeats' | 'progress'>,
  datasets: readonly Dataset<TurnCase>[],
  drafts: readonly Dataset<DraftCase>[],
  heldOut: readonly string[] = [],
): Promise<{ metrics: TurnsMetrics; cases: TurnCaseResult[] }> {
  const turns = datasets.flatMap((d) => d.cases);
  const writers = [...new Set(turns.map((t) => t.writer))];
  const labelled = labelledWriters(drafts, datasets);
  const folds = foldReaders(labelled);
  const actFolds = foldActs(datasets);
  const designs = [ENGINE_READING, ...OFFLINE_DESIGNS];
  const tick = ctx.progress.phase('turns', turns.length * ctx.repeats * designs.length);
  const runs: Array<{ design: TurnDesign; cases: TurnCaseResult[] }> = [];
  for (const design of designs) {
    const cases: TurnCaseResult[] = [];
    for (const writer of writers) {
      const read = design.readerFor(folds.get(writer) ?? null, actFolds.get(writer) ?? null);
      const mine = turns.filter((t) => t.writer === writer);
      cases.push(
        ...(await mapPool(mine, ctx.concurrency, async (c) => {
          const repeated: Array<{ run: Run; usage: UsageTotals }> = [];
          for (let r = 0; r < ctx.repeats; r++) {
            const reader = meterEngine(ctx.model);
            repeated.push({ run: await evaluate(reader.engine, design.id, read, c), usage: reader.usage });
            tick();
          }
          // The run shown is the first that did not pass, so a flaky reading shows its failure.
          const shown = (repeated.find((r) => r.run.status !== 'pass') ?? (repeated[0] as { run: Run })).run;
          return {
            ...shown,
            ...repeatedStatus(repeated.map((r) => r.run.status)),
            usage: repeated.reduce((u, r) => addUsage(u, r.usage), emptyUsage()),
          };
        })),
      );
    }
    runs.push({ design, cases });
  }
  const byWriter = (cases: readonly TurnCaseResult[]) => Object.fromEntries(writers.map((w) => [w, turnSetMetrics(cases.filter((c) => c.writer === w))]));
  const engineCases = runs[0]?.cases ?? [];
  return {
    metrics: {
      turns: turns.length,
      notEvaluated: engineCases.filter((c) => c.status === 'not_evaluated').length,
      // With two or more held-out writers, their turns are also read as one split (HELD_OUT_POOLED), the row the gate holds.
      writers: {
        ...byWriter(engineCases),
        ...(heldOut.length >= 2 && { [HELD_OUT_POOLED]: turnSetMetrics(engineCases.filter((c) => heldOut.includes(c.writer))) }),
      },
      // Offline, the engine's reading is the analyzer with the reader fitted on these turns: not a leave-one-writer-out figure.
      designs: runs.filter((r) => r.design !== ENGINE_READING || ctx.model).map((r) => leaveOneWriterOut(r.design, byWriter(r.cases))),
      analyzerDesigns: analyzerDesigns(labelled, folds),
    },
    cases: engineCases,
  };
}
