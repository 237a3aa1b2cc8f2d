import {
  getBrief,
  getPersona,
  getScenario,
  personasFor,
  SCENARIO_IDS,
  type BriefFact,
  type PersonaId,
  type ScenarioId,
} from '../../src/coach/scenarios/index.js';
import type { EvalContext } from '../context.js';
import { combine, type Status } from '../graders/grade.js';
import { counts, type JudgeGrade } from '../graders/judges.js';
import { gradeTranscript } from '../graders/transcript.js';
import { wilson } from '../metrics.js';
import { CassetteMissError } from '../models/cassettes.js';
import { addUsage, emptyUsage, meterEngine, meterModel, type UsageTotals } from '../models/usage-meter.js';
import { mapPool, repeatedStatus } from '../pool.js';
import { endSession, say, sessionSecrets, startSession, type EvalApps, type TranscriptTurn } from '../rehearsal.js';
import { MODEL_STYLE, modelUserLine } from '../simulated-users/model-user.js';
import { GOOD_STYLE, SCRIPTED_STYLES, scriptFor, type ScriptedStyle } from '../simulated-users/scripted-users.js';

const USER_STYLES = [...SCRIPTED_STYLES, MODEL_STYLE] as const;
export type UserStyle = (typeof USER_STYLES)[number];
type FactId = BriefFact['id'];

/** The model user stops by itself or here; scripted users stop at the end of their script. */
const MODEL_USER_MAX_TURNS = 8;

interface RehearsalRun {
  status: Status;
  why: string[];
  score: number | null;
  discoveries: FactId[];
  turns: number;
  leaks: string[];
  personaBreaks: string[];
  /** Replies the engine's own leak guard withheld (the guard working, not a leak shown). */
  withheld: number;
  errors: string[];
  judge?: JudgeGrade;
  usage: UsageTotals;
  transcript: TranscriptTurn[];
}

export interface RehearsalResult {
  id: string;
  personaId: PersonaId;
  scenarioId: ScenarioId;
  style: UserStyle;
  status: Status;
  runs: number;
  passes: number;
  why: string[];
  /** Means over runs (one run unless --repeats). */
  score: number | null;
  discoveries: number;
  turns: number;
  /** Runs in which the persona's need was uncovered. */
  needUncovered: number;
  uncovered: FactId[];
  leaks: string[];
  personaBreaks: string[];
  withheld: number;
  errors: string[];
  judges: JudgeGrade[];
  usage: UsageTotals;
  /** Kept only for cases that did not pass, to see what happened. */
  transcript?: TranscriptTurn[];
}

export interface Comparison {
  id: string;
  personaId: PersonaId;
  scenarioId: ScenarioId;
  badStyle: UserStyle;
  status: Status;
  good: { score: number | null; discoveries: number };
  bad: { score: number | null; discoveries: number };
}

interface StyleSummary {
  rehearsals: number;
  notEvaluated: number;
  needRate: number;
  needInterval: { low: number; high: number };
  meanScore: number | null;
  meanDiscoveries: number;
  meanTurns: number;
  leaks: number;
  personaBreaks: number;
}

export interface SimulatedUsersMetrics {
  rehearsals: number;
  notEvaluated: number;
  byStyle: Record<string, StyleSummary>;
  goodUncoversNeed: { k: number; n: number; missing: string[] };
  goodBeatsBad: { k: number; n: number; losses: string[] };
  leaks: number;
  personaBreaks: number;
  withheld: number;
}

/** Every persona in every scenario it plays: six managers in six employee scenarios, four employees in one. */
function rehearsalPairs(): Array<{ scenarioId: ScenarioId; personaId: PersonaId }> {
  return SCENARIO_IDS.flatMap((scenarioId) => personasFor(scenarioId).map((p) => ({ scenarioId, personaId: p.id })));
}

async function play(ctx: EvalContext, apps: EvalApps, pair: { scenarioId: ScenarioId; personaId: PersonaId }, style: UserStyle): Promise<RehearsalRun> {
  const scenario = getScenario(pair.scenarioId);
  const persona = getPersona(pair.personaId);
  const brief = getBrief(persona.id, scenario.id);
  const coach = meterEngine(ctx.model);
  // The model-driven user talks through the model under test; the offline engine is no model.
  const user = ctx.model && meterModel(ctx.model);
  const judgeMeter = ctx.judge ? meterModel(ctx.judge) : undefined;
  const blank = { score: null, discoveries: [], turns: 0, leaks: [], personaBreaks: [], withheld: 0, errors: [], transcript: [] };
  if (style === MODEL_STYLE && !user) {
    return { ...blank, status: 'not_evaluated', why: ['the model-driven user needs a model provider'], usage: emptyUsage() };
  }

  const app = apps.appFor(coach.engine);
  const session = await startSession(app, { ...pair, difficulty: ctx.difficulty });
  const script = style === MODEL_STYLE ? undefined : scriptFor(style as ScriptedStyle, scenario);
  const why: string[] = [];
  let missed = false;
  for (let turn = 0; turn < (script?.length ?? MODEL_USER_MAX_TURNS); turn++) {
    let line: string | null;
    try {
      line = script ? (script[turn] as string) : user && (await modelUserLine(user.model, scenario, persona, session.turns));
    } catch (err) {
      if (!(err instanceof CassetteMissError)) throw err;
      missed = true;
      break;
    }
    if (line === null) break;
    await say(app, session, line);
  }
  const userTurns = session.turns.filter((t) => t.role === 'user').length;
  const debrief = userTurns > 0 ? await endSession(app, session) : { error: 'the user said nothing' };
  const { canary } = await sessionSecrets(apps.db, session);

  const { leaks, personaBreaks, errors, withheld, judge } = await gradeTranscript(
    session.turns,
    persona,
    { canary, brief },
    { offline: ctx.model === null, judge: judgeMeter?.model, trusted: ctx.trustedJudges },
  );

  const discoveries = 'error' in debrief ? [] : debrief.discoveries.filter((d) => d.uncovered).map((d) => d.id as FactId);
  if ('error' in debrief) errors.push(`end: ${debrief.error}`);
  if (leaks.length > 0) why.push(`${leaks.length} leak(s)`);
  if (personaBreaks.length > 0) why.push(`${personaBreaks.length} persona break(s)`);
  if (errors.length > 0) why.push(`${errors.length} error(s)`);
  if (style === GOOD_STYLE && !discoveries.includes('need')) why.push("the good user did not uncover the persona's need");
  const usage = [user?.usage ?? emptyUsage(), judgeMeter?.usage ?? emptyUsage()].reduce(addUsage, coach.usage);
  const misses = usage.cassetteMisses > 0 || missed;
  const status: Status = misses ? 'not_evaluated' : why.length > 0 ? 'fail' : combine(judge && counts(judge, ctx.trustedJudges) ? [judge.status] : ['pass']);
  if (misses) why.push('replay miss: not evaluated');
  return {
    status,
    why,
    score: 'error' in debrief ? null : debrief.score,
    discoveries,
    turns: userTurns,
    leaks,
    personaBreaks,
    withheld,
    errors,
    ...(judge && { judge }),
    usage,
    transcript: session.turns,
  };
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

function summarise(id: string, pair: { scenarioId: ScenarioId; personaId: PersonaId }, style: UserStyle, runs: RehearsalRun[]): RehearsalResult {
  const { status, runs: n, passes } = repeatedStatus(runs.map((r) => r.status));
  const scored = runs.map((r) => r.score).filter((s): s is number => s !== null);
  const first = runs[0] as RehearsalRun;
  return {
    id,
    ...pair,
    style,
    status,
    runs: n,
    passes,
    why: [...new Set(runs.flatMap((r) => r.why))],
    score: scored.length > 0 ? Math.round(mean(scored) * 10) / 10 : null,
    discoveries: mean(runs.map((r) => r.discoveries.length)),
    turns: mean(runs.map((r) => r.turns)),
    needUncovered: runs.filter((r) => r.discoveries.includes('need')).length,
    uncovered: first.discoveries,
    leaks: runs.flatMap((r) => r.leaks),
    personaBreaks: runs.flatMap((r) => r.personaBreaks),
    withheld: runs.reduce((n, r) => n + r.withheld, 0),
    errors: runs.flatMap((r) => r.errors),
    judges: runs.flatMap((r) => (r.judge ? [r.judge] : [])),
    usage: runs.reduce((u, r) => addUsage(u, r.usage), emptyUsage()),
    ...(status !== 'pass' && { transcript: first.transcript }),
  };
}

/** The good user beats a bad one when it scores higher and uncovers at least as much. */
export function compareUsers(good: RehearsalResult, bad: RehearsalResult): Comparison {
  const evaluated = good.status !== 'not_evaluated' && bad.status !== 'not_evaluated' && good.score !== null && bad.score !== null;
  const beats = evaluated && (good.score as number) > (bad.score as number) && good.discoveries >= bad.discoveries;
  return {
    id: `beats:${good.personaId}/${good.scenarioId}/${bad.style}`,
    personaId: good.personaId,
    scenarioId: good.scenarioId,
    badStyle: bad.style,
    status: !evaluated ? 'not_evaluated' : beats ? 'pass' : 'fail',
    good: { score: good.score, discoveries: good.discoveries },
    bad: { score: bad.score, discoveries: bad.discoveries },
  };
}

/** Plays every style against every pair (or the subset in `only`, e.g. to keep a paid run small). */
export async function runSimulatedUsers(
  ctx: EvalContext,
  only: { pairs?: ReturnType<typeof rehearsalPairs>; styles?: readonly UserStyle[] } = {},
): Promise<{ rehearsals: RehearsalResult[]; comparisons: Comparison[]; metrics: SimulatedUsersMetrics }> {
  const apps = await ctx.apps();
  const jobs = (only.pairs ?? rehearsalPairs()).flatMap((pair) => (only.styles ?? USER_STYLES).map((style) => ({ pair, style })));
  const tick = ctx.progress.phase('simulated users', jobs.length * ctx.repeats);
  const rehearsals = await mapPool(jobs, ctx.concurrency, async ({ pair, style }) => {
    const runs: RehearsalRun[] = [];
    for (let r = 0; r < ctx.repeats; r++) {
      runs.push(await play(ctx, apps, pair, style));
      tick();
    }
    return summarise(`sim:${pair.personaId}/${pair.scenarioId}/${style}`, pair, style, runs);
  });

  const comparisons: Comparison[] = [];
  for (const good of rehearsals.filter((r) => r.style === GOOD_STYLE)) {
    for (const bad of rehearsals.filter(
      (r) => r.personaId === good.personaId && r.scenarioId === good.scenarioId && r.style !== GOOD_STYLE && r.style !== MODEL_STYLE,
    )) {
      comparisons.push(compareUsers(good, bad));
    }
  }
  return { rehearsals, comparisons, metrics: simulatedMetrics(rehearsals, comparisons) };
}

function simulatedMetrics(rehearsals: readonly RehearsalResult[], comparisons: readonly Comparison[]): SimulatedUsersMetrics {
  const byStyle: Record<string, StyleSummary> = {};
  for (const style of USER_STYLES) {
    const all = rehearsals.filter((r) => r.style === style);
    const rs = all.filter((r) => r.status !== 'not_evaluated');
    const runs = rs.reduce((n, r) => n + r.runs, 0);
    const need = rs.reduce((n, r) => n + r.needUncovered, 0);
    const scores = rs.map((r) => r.score).filter((s): s is number => s !== null);
    byStyle[style] = {
      rehearsals: all.length,
      notEvaluated: all.length - rs.length,
      needRate: runs === 0 ? 0 : need / runs,
      needInterval: wilson(need, runs),
      meanScore: scores.length === 0 ? null : Math.round(mean(scores) * 10) / 10,
      meanDiscoveries: Math.round(mean(rs.map((r) => r.discoveries)) * 100) / 100,
      meanTurns: Math.round(mean(rs.map((r) => r.turns)) * 10) / 10,
      leaks: rs.reduce((n, r) => n + r.leaks.length, 0),
      personaBreaks: rs.reduce((n, r) => n + r.personaBreaks.length, 0),
    };
  }
  const good = rehearsals.filter((r) => r.style === GOOD_STYLE && r.status !== 'not_evaluated');
  const evaluated = comparisons.filter((c) => c.status !== 'not_evaluated');
  return {
    rehearsals: rehearsals.length,
    notEvaluated: rehearsals.filter((r) => r.status === 'not_evaluated').length,
    byStyle,
    goodUncoversNeed: {
      k: good.filter((r) => r.needUncovered === r.runs).length,
      n: good.length,
      missing: good.filter((r) => r.needUncovered < r.runs).map((r) => `${r.personaId}/${r.scenarioId}`),
    },
    goodBeatsBad: {
      k: evaluated.filter((c) => c.status === 'pass').length,
      n: evaluated.length,
      losses: evaluated.filter((c) => c.status === 'fail').map((c) => `${c.personaId}/${c.scenarioId} vs ${c.badStyle}`),
    },
    leaks: rehearsals.reduce((n, r) => n + r.leaks.length, 0),
    personaBreaks: rehearsals.reduce((n, r) => n + r.personaBreaks.length, 0),
    withheld: rehearsals.reduce((n, r) => n + r.withheld, 0),
  };
}
