import type { CoachEngine } from '../../src/coach/engine.js';
import { ACT_IDS } from '../../src/coach/reading/acts.js';
import type { TurnReading } from '../../src/coach/reading/reading-schema.js';
import { checksFor, MODES } from '../../src/coach/rubric.js';
import type { EvalContext } from '../context.js';
import type { Dataset, TurnCase } from '../dataset.js';
import { gradeChecks } from '../graders/checks.js';
import { combine, type Grade, type Status } from '../graders/grade.js';
import { gradeQuotes } from '../graders/quotes.js';
import { macroF1, perLabel, type LabelledPrediction, type Prf } from '../metrics.js';
import { CassetteMissError } from '../models/cassettes.js';
import { addUsage, emptyUsage, meterEngine, type UsageTotals } from '../models/usage-meter.js';
import { mapPool, repeatedStatus } from '../pool.js';

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

/** A design's leave-one-writer-out figure: read each writer's turns with what the other writers' turns taught it. */
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

export interface TurnsMetrics {
  turns: number;
  notEvaluated: number;
  /** The engine under test's reading, per writer set. */
  writers: Record<string, TurnSetMetrics>;
  designs: LeaveOneWriterOut[];
}

type TurnReader = (engine: CoachEngine, turn: TurnCase) => Promise<TurnReading>;

/**
 * A way of reading turns, scored leave one writer out: `readerFor` gets every other writer's turns
 * and returns the reader of the left-out writer's. A rule-based design ignores them, so its figure
 * is its figure on each writer; a trained one fits on them.
 */
interface TurnDesign {
  id: string;
  trained: boolean;
  readerFor(training: readonly TurnCase[]): TurnReader;
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

/** The engine under test's own reading; offline (and for now on a model too) it is the rule-based analyzer's. */
const ENGINE_READING: TurnDesign = {
  id: 'analyzer',
  trained: false,
  readerFor: () => (engine, turn) => engine.readTurn(readingInput(turn)),
};

const DESIGNS: readonly TurnDesign[] = [ENGINE_READING];

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

/**
 * Reads every labelled turn, writer by writer, with each design (the engine under test's reading
 * first), and scores each writer's turns apart. The cases and per-writer figures reported are the
 * first design's.
 */
export async function runTurnsSuite(
  ctx: Pick<EvalContext, 'model' | 'concurrency' | 'repeats' | 'progress'>,
  datasets: readonly Dataset<TurnCase>[],
): Promise<{ metrics: TurnsMetrics; cases: TurnCaseResult[] }> {
  const turns = datasets.flatMap((d) => d.cases);
  const writers = [...new Set(turns.map((t) => t.writer))];
  const tick = ctx.progress.phase('turns', turns.length * ctx.repeats * DESIGNS.length);
  const runs: Array<{ design: TurnDesign; cases: TurnCaseResult[] }> = [];
  for (const design of DESIGNS) {
    const cases: TurnCaseResult[] = [];
    for (const writer of writers) {
      const read = design.readerFor(turns.filter((t) => t.writer !== writer));
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
      writers: byWriter(engineCases),
      designs: runs.map((r) => leaveOneWriterOut(r.design, byWriter(r.cases))),
    },
    cases: engineCases,
  };
}
