import type { Critique } from '../../src/coach/critique/critique-schema.js';
import type { CoachEngine } from '../../src/coach/engine.js';
import { runCritique } from '../../src/coach/critique/run-critique.js';
import { scoreDraft } from '../../src/coach/critique/score.js';
import { checksFor, MODES } from '../../src/coach/rubric.js';
import { createIdGenerator } from '../../src/ids.js';
import type { ChatModel } from '../../src/llm/chat-model.js';
import { sampleIds, type EvalContext } from '../context.js';
import type { Dataset, DraftCase } from '../dataset.js';
import { gradeChecks } from '../graders/checks.js';
import { combine, type Grade, type Status } from '../graders/grade.js';
import { counts, runJudge, type JudgeGrade } from '../graders/judges.js';
import { gradeMonotonicity } from '../graders/monotonicity.js';
import { gradeOrder } from '../graders/order.js';
import { gradeQuotes } from '../graders/quotes.js';
import { macroF1, perLabel, wilson, type Prf } from '../metrics.js';
import { CassetteMissError } from '../models/cassettes.js';
import { addUsage, emptyUsage, meterEngine, meterModel, type UsageTotals } from '../models/usage-meter.js';
import { mapPool, repeatedStatus } from '../pool.js';

export interface DraftMetrics {
  cases: number;
  macroF1: number;
  perCheck: Record<string, Prf>;
  /** Quotes the engine gave that were found verbatim in the text, over all quotes it gave. */
  groundedQuoteRate: number;
  /** Cases with no verdict (a replay miss): left out of every figure above, never counted as passes. */
  notEvaluated: number;
  /** Cases whose every grade passed (exact checks, grounded quotes, right order verdict, monotonic score). */
  passRate: number;
  passInterval: { low: number; high: number };
  /** The engine's order verdict agrees with the one the labels imply. */
  orderAccuracy: number;
  /** Critiques where adding a missing move lowered the score or adding a pitfall raised it. */
  monotonicityViolations: number;
}

export interface DraftCaseResult {
  id: string;
  mode: DraftCase['mode'];
  split: string | undefined;
  status: Status;
  runs: number;
  passes: number;
  expected: string[];
  predicted: string[];
  evidence: Record<string, string[]>;
  score: number;
  quotesDropped: number;
  /** Quotes shown that are not in the text (the engine should have dropped them; always 0 unless it has a bug). */
  quotesUngrounded: number;
  orderOk?: boolean;
  /** Grades that did not pass, with why. */
  failures: Grade[];
  judges: JudgeGrade[];
  usage: UsageTotals;
  error?: string;
}

type Run = Omit<DraftCaseResult, 'runs' | 'passes' | 'judges' | 'usage'> & { judge?: JudgeGrade };

/** The critique's advice as the specificity judge reads it. */
function adviceText(c: Critique): string {
  return [
    `Summary: ${c.summary}`,
    ...c.topFixes.map((f) => `Fix (${f.check}): ${f.fix}`),
    ...c.suggestions.map((s) => `Suggestion: replace "${s.quote}" with "${s.replacement}" (${s.why})`),
    `Rewrite: ${c.rewrite}`,
  ].join('\n');
}

async function evaluate(engine: CoachEngine, judge: ChatModel | undefined, c: DraftCase, judged: boolean, trusted?: ReadonlySet<string>): Promise<Run> {
  const now = () => Date.now();
  const deps = { engine, now, newId: createIdGenerator(now) };
  const base = { id: c.id, mode: c.mode, split: c.split, expected: [...c.expected] };
  let critique: Critique;
  try {
    critique = await runCritique(deps, { text: c.text, mode: c.mode, earnedBefore: false });
  } catch (err) {
    const missed = err instanceof CassetteMissError;
    // A failed case predicts nothing, which costs recall: failures are never silently skipped.
    const error = err instanceof Error ? err.message : String(err);
    return {
      ...base,
      status: missed ? 'not_evaluated' : 'fail',
      predicted: [],
      evidence: {},
      score: 0,
      quotesDropped: 0,
      quotesUngrounded: 0,
      failures: [],
      error,
    };
  }
  const present = critique.checks.filter((k) => k.present);
  const evidence = Object.fromEntries(present.map((k) => [k.id, k.evidence]));
  const predicted = present.map((k) => k.id);
  const quotes = gradeQuotes(c.text, evidence, critique.quotesDropped);
  const order = gradeOrder(c.mode, c.expected, critique.order.ok);
  // Judged as the critique was: against its purpose.
  const monotonic = gradeMonotonicity(critique.checks, (checks) => scoreDraft(checks, critique.mode, critique.purpose?.step ?? null));
  const advice = judged ? await runJudge(judge, 'judge-advice-specific', { mode: c.mode, text: c.text, advice: adviceText(critique) }) : undefined;
  // A calibrated judge that could not answer leaves the case unproven (not_evaluated), never passed; an uncalibrated one does not count.
  const grades: Grade[] = [gradeChecks(c.expected, predicted), quotes, order, monotonic, ...(advice && counts(advice, trusted) ? [advice] : [])];
  return {
    ...base,
    status: combine(grades.map((g) => g.status)),
    predicted,
    evidence,
    score: critique.score,
    quotesDropped: critique.quotesDropped,
    quotesUngrounded: quotes.ungrounded - critique.quotesDropped,
    orderOk: critique.order.ok,
    failures: grades.filter((g) => g.status !== 'pass').map(({ grader, status, detail }) => ({ grader, status, ...(detail && { detail }) })),
    ...(advice && { judge: advice }),
  };
}

export function draftMetrics(results: readonly DraftCaseResult[]): DraftMetrics {
  // Check figures count every critique we have; only a case with no critique at all (a replay miss) is left out.
  const critiqued = results.filter((r) => !(r.status === 'not_evaluated' && r.error));
  const evaluated = results.filter((r) => r.status !== 'not_evaluated');
  const labels = MODES.flatMap((mode) => (critiqued.some((r) => r.mode === mode) ? checksFor(mode).map((c) => c.id) : []));
  // proposes_follow_up exists in both modes; one label across both is what the rubric means.
  const perCheck = perLabel(critiqued, [...new Set(labels)]);
  let shown = 0;
  let shownUngrounded = 0;
  let dropped = 0;
  for (const r of critiqued) {
    shown += Object.values(r.evidence).reduce((n, q) => n + q.length, 0);
    shownUngrounded += r.quotesUngrounded;
    dropped += r.quotesDropped;
  }
  const passed = evaluated.filter((r) => r.status === 'pass').length;
  const withOrder = critiqued.filter((r) => r.orderOk !== undefined);
  return {
    cases: results.length,
    macroF1: macroF1(perCheck),
    perCheck,
    groundedQuoteRate: shown + dropped === 0 ? 1 : (shown - shownUngrounded) / (shown + dropped),
    notEvaluated: results.length - evaluated.length,
    passRate: evaluated.length === 0 ? 0 : passed / evaluated.length,
    passInterval: wilson(passed, evaluated.length),
    orderAccuracy: withOrder.length === 0 ? 1 : withOrder.filter((r) => !r.failures.some((f) => f.grader === 'order')).length / withOrder.length,
    monotonicityViolations: critiqued.filter((r) => r.failures.some((f) => f.grader === 'monotonicity')).length,
  };
}

/** Critiques every case with the engine on `ctx.model` (or the offline one) and grades the critique against the labels. */
export async function runDraftSuite(
  ctx: Pick<EvalContext, 'model' | 'judge' | 'concurrency' | 'repeats' | 'judgeSample' | 'progress' | 'trustedJudges'>,
  dataset: Dataset<DraftCase>,
): Promise<DraftCaseResult[]> {
  const judged =
    ctx.model === null
      ? new Set<string>()
      : sampleIds(
          dataset.cases.map((c) => c.id),
          ctx.judgeSample,
        );
  const tick = ctx.progress.phase('drafts', dataset.cases.length * ctx.repeats);
  return mapPool(dataset.cases, ctx.concurrency, async (c) => {
    const runs: Array<{ run: Run; usage: UsageTotals }> = [];
    for (let r = 0; r < ctx.repeats; r++) {
      const critic = meterEngine(ctx.model);
      const judge = ctx.judge ? meterModel(ctx.judge) : undefined;
      const run = await evaluate(critic.engine, judge?.model, c, judged.has(c.id), ctx.trustedJudges);
      runs.push({ run, usage: addUsage(critic.usage, judge?.usage ?? emptyUsage()) });
      tick();
    }
    // The run shown is the first that did not pass, so a flaky case shows its failure.
    const { judge: _, ...shown } = (runs.find((r) => r.run.status !== 'pass') ?? (runs[0] as { run: Run })).run;
    return {
      ...shown,
      ...repeatedStatus(runs.map((r) => r.run.status)),
      judges: runs.flatMap((r) => (r.run.judge ? [r.run.judge] : [])),
      usage: runs.reduce((u, r) => addUsage(u, r.usage), emptyUsage()),
    };
  });
}
