import type { EvalContext } from '../context.js';
import type { Dataset, PairCase } from '../dataset.js';
import type { Status } from '../graders/grade.js';
import { wilson } from '../metrics.js';
import { addUsage, emptyUsage, meterEngine, type UsageTotals } from '../models/usage-meter.js';
import { mapPool, repeatedStatus } from '../pool.js';
import { endSession, say, startSession, type EvalApps } from '../rehearsal.js';

/** `error`: a side got no score (the session could not be ended); `not_evaluated`: a replay miss. */
type PairOutcome = 'ordered' | 'tie' | 'wrong' | 'error' | 'not_evaluated';

interface Side {
  /** The debrief's score after the side's user turns were replayed; null when the session gave none. */
  score: number | null;
  userTurns: number;
  userChars: number;
}

export interface PairResult {
  id: string;
  writer: string;
  kind: string;
  scenarioId: PairCase['scenarioId'];
  personaId: PairCase['personaId'];
  difficulty: PairCase['difficulty'];
  /** Pass: ordered (the strong side scored strictly higher) in every run. */
  status: Status;
  runs: number;
  passes: number;
  outcome: PairOutcome;
  strong: Side;
  weak: Side;
  /** The length-only baseline orders the pair: the strong side has more user characters. */
  longerIsStrong: boolean;
  /** Replies the app could not give and sessions it could not end (the persona's replies are not graded here). */
  errors: string[];
  usage: UsageTotals;
}

type Run = Omit<PairResult, 'runs' | 'passes' | 'usage'>;

export interface PairTally {
  pairs: number;
  ordered: number;
  ties: number;
  wrong: number;
  errors: number;
  notEvaluated: number;
  /** 95% Wilson interval of ordered over the evaluated pairs (errors count as not ordered). */
  orderedInterval: { low: number; high: number };
  /** Pairs the length-only baseline orders (needs no engine, so over every pair). */
  lengthBaseline: number;
}

export interface PairsMetrics extends PairTally {
  byKind: Record<string, PairTally>;
  /** Each writer's pairs apart: a writer whose pairs were tuned on is no measure of new text. */
  byWriter: Record<string, PairTally>;
}

const userTurns = (side: PairCase['strong']) => side.filter((t) => t.role === 'user').map((t) => t.text);
const userChars = (side: PairCase['strong']) => userTurns(side).reduce((n, t) => n + t.length, 0);

/** Plays one side's user turns through the app (the persona answers afresh) and ends the session for its score. */
async function replay(ctx: Pick<EvalContext, 'model'>, apps: EvalApps, pair: PairCase, label: 'strong' | 'weak') {
  const coach = meterEngine(ctx.model);
  const app = apps.appFor(coach.engine);
  const session = await startSession(app, { scenarioId: pair.scenarioId, personaId: pair.personaId, difficulty: pair.difficulty });
  const errors: string[] = [];
  for (const [i, text] of userTurns(pair[label]).entries()) {
    const reply = await say(app, session, text);
    if (reply.error) errors.push(`${label} turn ${i + 1}: ${reply.error}`);
  }
  const debrief = await endSession(app, session);
  if ('error' in debrief) errors.push(`${label} end: ${debrief.error}`);
  return { score: 'error' in debrief ? null : debrief.score, errors, usage: coach.usage };
}

function outcomeOf(strong: number | null, weak: number | null, missed: boolean): PairOutcome {
  if (missed) return 'not_evaluated';
  if (strong === null || weak === null) return 'error';
  return strong > weak ? 'ordered' : strong === weak ? 'tie' : 'wrong';
}

async function evaluate(ctx: Pick<EvalContext, 'model'>, apps: EvalApps, pair: PairCase): Promise<{ run: Run; usage: UsageTotals }> {
  const strong = await replay(ctx, apps, pair, 'strong');
  const weak = await replay(ctx, apps, pair, 'weak');
  const usage = addUsage(strong.usage, weak.usage);
  const outcome = outcomeOf(strong.score, weak.score, usage.cassetteMisses > 0);
  const side = (label: 'strong' | 'weak', score: number | null): Side => ({
    score,
    userTurns: userTurns(pair[label]).length,
    userChars: userChars(pair[label]),
  });
  return {
    run: {
      id: pair.id,
      writer: pair.writer,
      kind: pair.kind,
      scenarioId: pair.scenarioId,
      personaId: pair.personaId,
      difficulty: pair.difficulty,
      status: outcome === 'ordered' ? 'pass' : outcome === 'not_evaluated' ? 'not_evaluated' : 'fail',
      outcome,
      strong: side('strong', strong.score),
      weak: side('weak', weak.score),
      longerIsStrong: userChars(pair.strong) > userChars(pair.weak),
      errors: [...strong.errors, ...weak.errors],
    },
    usage,
  };
}

function tally(results: readonly PairResult[]): PairTally {
  const count = (o: PairOutcome) => results.filter((r) => r.outcome === o).length;
  const ordered = count('ordered');
  const notEvaluated = count('not_evaluated');
  return {
    pairs: results.length,
    ordered,
    ties: count('tie'),
    wrong: count('wrong'),
    errors: count('error'),
    notEvaluated,
    orderedInterval: wilson(ordered, results.length - notEvaluated),
    lengthBaseline: results.filter((r) => r.longerIsStrong).length,
  };
}

function pairsMetrics(results: readonly PairResult[]): PairsMetrics {
  const kinds = [...new Set(results.map((r) => r.kind))];
  const writers = [...new Set(results.map((r) => r.writer))];
  return {
    ...tally(results),
    byKind: Object.fromEntries(kinds.map((k) => [k, tally(results.filter((r) => r.kind === k))])),
    byWriter: Object.fromEntries(writers.map((w) => [w, tally(results.filter((r) => r.writer === w))])),
  };
}

/**
 * Replays both rehearsals of every pair through the app with the engine under test and asks
 * whether the debrief scores the one a seasoned coach ranks higher strictly higher.
 */
export async function runPairsSuite(ctx: Pick<EvalContext, 'model' | 'concurrency' | 'repeats' | 'progress' | 'apps'>, datasets: readonly Dataset<PairCase>[]) {
  const pairs = datasets.flatMap((d) => d.cases);
  const apps = await ctx.apps();
  const tick = ctx.progress.phase('pairs', pairs.length * ctx.repeats);
  const cases = await mapPool(pairs, ctx.concurrency, async (pair): Promise<PairResult> => {
    const runs: Array<{ run: Run; usage: UsageTotals }> = [];
    for (let r = 0; r < ctx.repeats; r++) {
      runs.push(await evaluate(ctx, apps, pair));
      tick();
    }
    // The run shown is the first that was not ordered, so a flaky pair shows its failure.
    const shown = (runs.find((r) => r.run.status !== 'pass') ?? (runs[0] as { run: Run })).run;
    return { ...shown, ...repeatedStatus(runs.map((r) => r.run.status)), usage: runs.reduce((u, r) => addUsage(u, r.usage), emptyUsage()) };
  });
  return { metrics: pairsMetrics(cases), cases };
}
