import { runCritique } from '../../src/coach/critique/run-critique.js';
import type { CoachEngine } from '../../src/coach/engine.js';
import { checksFor } from '../../src/coach/rubric.js';
import { getBrief, getPersona, getScenario } from '../../src/coach/scenarios/index.js';
import { createIdGenerator } from '../../src/ids.js';
import type { ChatModel } from '../../src/llm/chat-model.js';
import type { EvalContext } from '../context.js';
import type { ConversationCase, Dataset } from '../dataset.js';
import { gradeChecks } from '../graders/checks.js';
import { combine, type Status } from '../graders/grade.js';
import type { JudgeGrade } from '../graders/judges.js';
import { gradeQuotes } from '../graders/quotes.js';
import { gradeTranscript } from '../graders/transcript.js';
import { macroF1, perLabel, type Prf } from '../metrics.js';
import { CassetteMissError } from '../models/cassettes.js';
import { addUsage, emptyUsage, meterEngine, meterModel, type UsageTotals } from '../models/usage-meter.js';
import { mapPool, repeatedStatus } from '../pool.js';
import { say, sessionSecrets, startSession, type EvalApps } from '../rehearsal.js';

/**
 * Labelled role-play transcripts, used twice: (1) every user turn is critiqued on its own and
 * compared with its labels, which measures the critique engine on conversational text rather than
 * written drafts; (2) the user turns are replayed through the real engine, and the persona's
 * replies to them are checked for leaks and breaks.
 */
export interface TurnResult {
  turn: number;
  expected: string[];
  predicted: string[];
  grounded: number;
  ungrounded: number;
  status: Status;
  detail?: string;
}

export interface ConversationResult {
  id: string;
  scenarioId: ConversationCase['scenarioId'];
  personaId: ConversationCase['personaId'];
  status: Status;
  runs: number;
  passes: number;
  /** Status of the labels part alone (every turn's checks exactly right, all quotes grounded). */
  labels: Status;
  /** Status of the replay part alone (no leak, no persona break). */
  replay: Status;
  /** Only turns that did not pass. */
  turns: TurnResult[];
  leaks: string[];
  personaBreaks: string[];
  errors: string[];
  judges: JudgeGrade[];
  usage: UsageTotals;
}

export interface ConversationMetrics {
  cases: number;
  turns: number;
  notEvaluated: number;
  macroF1: number;
  perCheck: Record<string, Prf>;
  groundedQuoteRate: number;
  exactTurnRate: number;
  leaks: number;
  personaBreaks: number;
}

interface Run {
  labels: Status;
  replay: Status;
  turns: TurnResult[];
  leaks: string[];
  personaBreaks: string[];
  errors: string[];
  judge?: JudgeGrade;
  usage: UsageTotals;
}

async function critiqueTurns(engine: CoachEngine, c: ConversationCase): Promise<TurnResult[]> {
  const mode = getScenario(c.scenarioId).mode;
  const now = () => Date.now();
  const deps = { engine, now, newId: createIdGenerator(now) };
  const results: TurnResult[] = [];
  let turn = 0;
  for (const t of c.turns) {
    if (t.role !== 'user') continue;
    turn += 1;
    try {
      const critique = await runCritique(deps, { text: t.text, mode, earnedBefore: false });
      const present = critique.checks.filter((k) => k.present);
      const predicted = present.map((k) => k.id);
      const checks = gradeChecks(t.expected, predicted);
      const quotes = gradeQuotes(t.text, Object.fromEntries(present.map((k) => [k.id, k.evidence])), critique.quotesDropped);
      const detail = [checks.detail, quotes.detail].filter(Boolean).join('; ');
      results.push({
        turn,
        expected: t.expected,
        predicted,
        grounded: quotes.grounded,
        ungrounded: quotes.ungrounded,
        status: combine([checks.status, quotes.status]),
        ...(detail && { detail }),
      });
    } catch (err) {
      const missed = err instanceof CassetteMissError;
      results.push({
        turn,
        expected: t.expected,
        predicted: [],
        grounded: 0,
        ungrounded: 0,
        status: missed ? 'not_evaluated' : 'fail',
        detail: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return results;
}

async function replay(ctx: EvalContext, apps: EvalApps, engine: CoachEngine, judge: ChatModel | undefined, c: ConversationCase) {
  const app = apps.appFor(engine);
  const session = await startSession(app, { scenarioId: c.scenarioId, personaId: c.personaId, difficulty: c.difficulty });
  for (const t of c.turns) if (t.role === 'user') await say(app, session, t.text);
  const { canary } = await sessionSecrets(apps.db, session);
  return gradeTranscript(
    session.turns,
    getPersona(c.personaId),
    { canary, brief: getBrief(c.personaId, c.scenarioId) },
    { offline: ctx.model === null, judge, trusted: ctx.trustedJudges },
  );
}

async function runOnce(ctx: EvalContext, apps: EvalApps, c: ConversationCase): Promise<Run> {
  const critic = meterEngine(ctx.model);
  const turns = await critiqueTurns(critic.engine, c);
  const coach = meterEngine(ctx.model);
  const judge = ctx.judge ? meterModel(ctx.judge) : undefined;
  const r = await replay(ctx, apps, coach.engine, judge?.model, c);
  const labels = combine(turns.map((t) => t.status));
  const replayStatus: Status =
    coach.usage.cassetteMisses > 0
      ? 'not_evaluated'
      : r.leaks.length + r.personaBreaks.length + r.errors.length > 0
        ? 'fail'
        : combine(r.judge ? [r.judge.status] : ['pass']);
  return { labels, replay: replayStatus, turns, ...r, usage: [coach.usage, judge?.usage ?? emptyUsage()].reduce(addUsage, critic.usage) };
}

export async function runConversations(
  ctx: EvalContext,
  dataset: Dataset<ConversationCase>,
): Promise<{ cases: ConversationResult[]; metrics: ConversationMetrics }> {
  const apps = await ctx.apps();
  const tick = ctx.progress.phase('conversations', dataset.cases.length * ctx.repeats);
  const allTurns: TurnResult[][] = [];
  const cases = await mapPool(dataset.cases, ctx.concurrency, async (c, index) => {
    const runs: Run[] = [];
    for (let r = 0; r < ctx.repeats; r++) {
      runs.push(await runOnce(ctx, apps, c));
      tick();
    }
    allTurns[index] = runs.flatMap((r) => r.turns);
    const statuses = runs.map((r) => combine([r.labels, r.replay]));
    const shown = runs.find((r) => combine([r.labels, r.replay]) !== 'pass') ?? (runs[0] as Run);
    return {
      id: `conv:${c.id}`,
      scenarioId: c.scenarioId,
      personaId: c.personaId,
      ...repeatedStatus(statuses),
      labels: repeatedStatus(runs.map((r) => r.labels)).status,
      replay: repeatedStatus(runs.map((r) => r.replay)).status,
      turns: shown.turns.filter((t) => t.status !== 'pass'),
      leaks: runs.flatMap((r) => r.leaks),
      personaBreaks: runs.flatMap((r) => r.personaBreaks),
      errors: runs.flatMap((r) => r.errors),
      judges: runs.flatMap((r) => (r.judge ? [r.judge] : [])),
      usage: runs.reduce((u, r) => addUsage(u, r.usage), emptyUsage()),
    };
  });
  return { cases, metrics: conversationMetrics(dataset, cases, allTurns) };
}

function conversationMetrics(dataset: Dataset<ConversationCase>, cases: readonly ConversationResult[], allTurns: readonly TurnResult[][]): ConversationMetrics {
  const turns = allTurns.flat().filter((t) => t.status !== 'not_evaluated');
  const modes = new Set(dataset.cases.map((c) => getScenario(c.scenarioId).mode));
  const labels = [...new Set([...modes].flatMap((m) => checksFor(m).map((k) => k.id)))];
  const per = perLabel(turns, labels);
  const grounded = turns.reduce((n, t) => n + t.grounded, 0);
  const ungrounded = turns.reduce((n, t) => n + t.ungrounded, 0);
  const evaluated = cases.filter((c) => c.replay !== 'not_evaluated');
  return {
    cases: cases.length,
    turns: turns.length,
    notEvaluated: cases.filter((c) => c.status === 'not_evaluated').length,
    macroF1: macroF1(per),
    perCheck: per,
    groundedQuoteRate: grounded + ungrounded === 0 ? 1 : grounded / (grounded + ungrounded),
    exactTurnRate: turns.length === 0 ? 0 : turns.filter((t) => t.status === 'pass').length / turns.length,
    leaks: evaluated.reduce((n, c) => n + c.leaks.length, 0),
    personaBreaks: evaluated.reduce((n, c) => n + c.personaBreaks.length, 0),
  };
}
