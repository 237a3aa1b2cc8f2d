import type { Dataset } from './dataset.js';
import type { Status } from './graders/grade.js';
import type { JudgeGrade } from './graders/judges.js';
import { wilson, type Prf } from './metrics.js';
import type { UsageTotals } from './models/usage-meter.js';
import { MIN_KAPPA, MIN_LABELS, type JudgeCalibration, type CalibrationCase } from './suites/calibrate.js';
import type { DraftCaseResult, DraftMetrics } from './suites/drafts.js';
import type { JournalCaseResult, JournalFigures, JournalMetrics } from './suites/journal.js';
import type { PurposeDesign, PurposeLowo } from './purpose-lowo.js';
import type { PurposeMetrics } from './suites/purpose.js';
import type { PairResult, PairsMetrics, PairTally } from './suites/pairs.js';
import type { RoleplayCase, RoleplayMetrics } from './suites/roleplay.js';
import type { Comparison, RehearsalResult } from './suites/simulated-users.js';
import type { AnalyzerDesign, LeaveOneWriterOut, TurnCaseResult, TurnSetMetrics, TurnsMetrics } from './suites/turns.js';

/** What every report starts with: what was measured, with what, on which data, when, at what cost. */
export interface ReportHeader {
  provider: string;
  model: string;
  /** The model answering judge prompts; null when judges did not run (offline). */
  judgeModel: string | null;
  /** The critique prompt (kept for the drafts report's original shape). */
  promptId: string;
  promptVersion: number;
  /** Every prompt the suite can send, with its version. */
  prompts: Record<string, number>;
  date: string;
  durationMs: number;
  repeats: number;
  difficulty: string;
  /** Whether model answers were recorded to or replayed from cassettes. */
  cassettes: { mode: 'record' | 'replay'; dir: string } | null;
  dataset: Array<Pick<Dataset<unknown>, 'path' | 'sha256'> & { cases: number }>;
  usage: UsageTotals & { costUsd: number | null };
}

/** How the judges fared in one suite: their verdicts, and whether calibration lets us trust them. */
interface JudgeSummary {
  judge: string;
  version: number;
  evaluated: number;
  notEvaluated: number;
  passRate: number | null;
  /** From a calibration in the same run; null when none ran (treat as uncalibrated). */
  calibrated: boolean | null;
  kappa: number | null;
  /** The lower bound of kappa's 95% confidence interval, from the same calibration. */
  kappaLow: number | null;
  /** Human labels the calibration had for this judge. */
  labels: number | null;
}

export interface DraftReport extends ReportHeader {
  suite: 'drafts';
  metrics: DraftMetrics;
  splits: Record<string, DraftMetrics>;
  errors: number;
  judges: JudgeSummary[];
  cases: DraftCaseResult[];
}

export interface RoleplayReport extends ReportHeader {
  suite: 'roleplay';
  metrics: RoleplayMetrics;
  judges: JudgeSummary[];
  cases: RoleplayCase[];
}

export interface CalibrationReport extends ReportHeader {
  suite: 'calibrate';
  metrics: { judges: JudgeCalibration[]; notEvaluated: number };
  cases: CalibrationCase[];
}

export interface TurnsReport extends ReportHeader {
  suite: 'turns';
  metrics: TurnsMetrics;
  cases: TurnCaseResult[];
}

export interface PairsReport extends ReportHeader {
  suite: 'pairs';
  metrics: PairsMetrics;
  cases: PairResult[];
}

export interface PurposeReport extends ReportHeader {
  suite: 'purpose';
  /** One entry per purpose-labelled set, with its split. */
  metrics: PurposeMetrics[];
  /** Both purpose detectors leave one writer out over the tuning sets (null with fewer than two; absent in older reports). */
  lowo?: PurposeLowo | null;
}

export interface JournalReport extends ReportHeader {
  suite: 'journal';
  metrics: JournalMetrics;
  cases: JournalCaseResult[];
}

export type SuiteReport = DraftReport | RoleplayReport | CalibrationReport | TurnsReport | PairsReport | PurposeReport | JournalReport;

export interface AllReport extends ReportHeader {
  suite: 'all';
  suites: {
    drafts?: DraftReport;
    roleplay?: RoleplayReport;
    calibrate?: CalibrationReport;
    turns?: TurnsReport;
    pairs?: PairsReport;
    purpose?: PurposeReport;
    journal?: JournalReport;
  };
}

export type Report = SuiteReport | AllReport;

export function summariseJudges(grades: readonly JudgeGrade[], calibration: readonly JudgeCalibration[] | undefined): JudgeSummary[] {
  const ids = [...new Set(grades.map((g) => g.judge))].sort();
  return ids.map((judge) => {
    const mine = grades.filter((g) => g.judge === judge);
    const evaluated = mine.filter((g) => g.status !== 'not_evaluated');
    const cal = calibration?.find((c) => c.judge === judge);
    return {
      judge,
      version: mine[0]?.version ?? 0,
      evaluated: evaluated.length,
      notEvaluated: mine.length - evaluated.length,
      passRate: evaluated.length === 0 ? null : evaluated.filter((g) => g.status === 'pass').length / evaluated.length,
      calibrated: cal ? cal.calibrated : null,
      kappa: cal?.kappa ?? null,
      kappaLow: cal?.kappaLow ?? null,
      labels: cal?.evaluated ?? null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Markdown: the quality dashboard.

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : x.toFixed(3));
const pct = (k: number, n: number) => {
  if (n === 0) return 'n/a';
  const w = wilson(k, n);
  return `${k}/${n} (${((100 * k) / n).toFixed(0)}%, 95% CI ${(100 * w.low).toFixed(0)}-${(100 * w.high).toFixed(0)}%)`;
};
const row = (cells: ReadonlyArray<string | number>) => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>) => [row(head), row(head.map(() => '---')), ...rows.map(row)];

function headerLines(r: ReportHeader, title: string): string[] {
  const usage = r.usage;
  // Failed calls are named first: a run whose calls all failed must never read as a free one.
  const failed = usage.failedCalls > 0 ? `${usage.failedCalls} model call(s) FAILED (the provider refused or did not answer), ` : '';
  const price = usage.costUsd === null ? 'unknown (no price for this model; pass --price IN,OUT)' : `$${usage.costUsd.toFixed(4)}`;
  const cost =
    r.provider === 'offline' && usage.promptTokens === 0 && !failed
      ? `offline engine: ${usage.calls} in-process calls, no tokens, no cost`
      : usage.calls === 0 && !failed
        ? 'no model calls'
        : `${failed ? `${failed}${usage.calls} completed` : `${usage.calls} model calls`}, ${usage.promptTokens} prompt + ${usage.completionTokens} completion tokens${usage.callsWithoutUsage > 0 ? ` (${usage.callsWithoutUsage} calls without token counts)` : ''}, cost ${price}${failed && ' for the completed calls'}`;
  return [
    `# ${title}: ${r.provider} (${r.model})`,
    '',
    `- engine: provider \`${r.provider}\`, model \`${r.model}\`; judges: ${r.judgeModel ? `\`${r.judgeModel}\`` : 'not run (judges need a model provider: not_evaluated)'}`,
    `- prompts: ${Object.entries(r.prompts)
      .map(([id, v]) => `${id} v${v}`)
      .join(', ')}`,
    `- date: ${r.date}, ${(r.durationMs / 1000).toFixed(1)} s, repeats ${r.repeats} (pass^${r.repeats}), role-play difficulty ${r.difficulty}`,
    ...(r.cassettes ? [`- cassettes: ${r.cassettes.mode} (${r.cassettes.dir}); a replay miss is not evaluated, never a pass`] : []),
    `- usage: ${cost}${usage.cassetteMisses > 0 ? `, ${usage.cassetteMisses} replay miss(es)` : ''}`,
    ...r.dataset.map((d) => `- dataset: ${d.path} (${d.cases} cases, sha256 ${d.sha256.slice(0, 12)})`),
  ];
}

/** What a calibration said of a judge: its labels, kappa and the lower bound of kappa's interval. */
function kappaText(j: Pick<JudgeSummary, 'labels' | 'kappa' | 'kappaLow'>): string {
  return j.labels === null ? 'no calibration in this run' : `${j.labels} labels, kappa ${f3(j.kappa)}, 95% CI low ${f3(j.kappaLow)}`;
}

function judgeLines(judges: readonly JudgeSummary[]): string[] {
  if (judges.length === 0) return [];
  return [
    '',
    `Model-judged graders (a verdict from an uncalibrated judge is shown but counts toward no case and no gate; calibrated means kappa >= ${MIN_KAPPA} over ${MIN_LABELS}+ human labels):`,
    '',
    ...table(
      ['judge', 'version', 'evaluated', 'not evaluated', 'pass rate', 'calibration'],
      judges.map((j) => [
        j.judge,
        j.version,
        j.evaluated,
        j.notEvaluated,
        f3(j.passRate),
        j.calibrated === null
          ? 'unknown: uncalibrated, not counted (run --suite all to calibrate first)'
          : `${j.calibrated ? 'calibrated' : 'UNCALIBRATED, not counted'} (${kappaText(j)})`,
      ]),
    ),
  ];
}

function draftSection(r: DraftReport): string[] {
  const m = r.metrics;
  const evaluated = m.cases - m.notEvaluated;
  // Held-out cases are counted but not listed: naming what they miss would invite tuning to them.
  const failing = r.cases.filter((c) => c.status === 'fail' && !c.split?.includes('holdout'));
  const hidden = r.cases.filter((c) => c.status === 'fail').length - failing.length;
  return [
    `## Drafts: critique of a message`,
    '',
    'Each labelled message is critiqued; the present checks are compared with the labels, and every critique is also checked for grounded quotes, the right order verdict and a monotonic score.',
    '',
    ...table(
      ['split', 'cases', 'macro-F1', 'grounded quotes', r.repeats > 1 ? `exact cases, pass^${r.repeats}` : 'exact cases'],
      [
        ['all', m.cases, f3(m.macroF1), f3(m.groundedQuoteRate), pct(Math.round(m.passRate * evaluated), evaluated)],
        ...Object.entries(r.splits).map(([name, s]) => [
          name,
          s.cases,
          f3(s.macroF1),
          f3(s.groundedQuoteRate),
          pct(Math.round(s.passRate * (s.cases - s.notEvaluated)), s.cases - s.notEvaluated),
        ]),
      ],
    ),
    '',
    ...overfitNote(r),
    ...inSampleNote(r),
    `Order verdict agrees with the labels: ${f3(m.orderAccuracy)}. Non-monotonic scores: ${m.monotonicityViolations}. Errors: ${r.errors}. Not evaluated: ${m.notEvaluated}.`,
    '',
    ...table(
      ['check', 'precision', 'recall', 'F1', 'support', 'FP', 'FN'],
      Object.entries(m.perCheck).map(([id, p]) => [id, f3(p.precision), f3(p.recall), f3(p.f1), p.support, p.fp, p.fn]),
    ),
    ...judgeLines(r.judges),
    ...details(
      `${failing.length} case(s) not exactly right${hidden > 0 ? ` (and ${hidden} held-out case(s), not listed)` : ''}`,
      failing.map((c) => `${c.id}: ${c.failures.map((f) => `${f.grader}: ${f.detail ?? ''}`).join('; ') || c.error}`),
    ),
  ];
}

/** Offline, the analyzer's learned reader was fitted on every labelled writer: its figures on them are not a new writer's. */
const IN_SAMPLE =
  "The offline engine's analyzer includes a learned reader fitted on every labelled writer (the draft files, held-out ones included, and the turn sets), so its figures on them are on its training data. For a new writer, quote the leave-one-writer-out figures of the analyzer designs (Turn readings).";

function inSampleNote(r: ReportHeader): string[] {
  return r.provider === 'offline' ? [IN_SAMPLE, ''] : [];
}

/** A tuning set scored well above the held-out one means the engine learnt the tuning set: say so. */
function overfitNote(r: DraftReport): string[] {
  const held = Object.entries(r.splits).find(([name]) => name.includes('holdout'))?.[1];
  const tune = Object.entries(r.splits).find(([name]) => !name.includes('holdout'))?.[1];
  if (!held || !tune || tune.macroF1 - held.macroF1 < 0.05) return [];
  return [
    `The held-out macro-F1 is ${f3(tune.macroF1 - held.macroF1)} below the tuning set's: the tuning figure overstates how the engine does on new text, so quote the held-out one.`,
    '',
  ];
}

function details(summary: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : ['', `<details><summary>${summary}</summary>`, '', ...items.map((i) => `- ${i}`), '', '</details>'];
}

function simulatedTable(rehearsals: readonly RehearsalResult[]): string[] {
  const styles = [...new Set(rehearsals.map((r) => r.style))];
  const pairs = [...new Set(rehearsals.map((r) => r.personaId))];
  return table(
    ['persona', ...styles],
    pairs.map((persona) => [
      persona,
      ...styles.map((style) => {
        const rs = rehearsals.filter((r) => r.personaId === persona && r.style === style && r.score !== null && r.status !== 'not_evaluated');
        if (rs.length === 0) return 'n/e';
        const score = rs.reduce((n, r) => n + (r.score as number), 0) / rs.length;
        const need = rs.filter((r) => r.needUncovered === r.runs).length;
        return `${score.toFixed(0)} (need ${need}/${rs.length})`;
      }),
    ]),
  );
}

function roleplaySection(r: RoleplayReport): string[] {
  const m = r.metrics;
  const sim = m.simulatedUsers;
  const pc = m.personaCases;
  const conv = m.conversations;
  const rehearsals = r.cases.filter((c): c is RehearsalResult => c.id.startsWith('sim:'));
  const losses = r.cases.filter((c): c is Comparison => c.id.startsWith('beats:') && c.status === 'fail');
  const failing = r.cases.filter((c) => c.status === 'fail' && !c.id.startsWith('beats:') && !c.id.startsWith('conv:'));
  const wrongTurns = r.cases.filter((c) => c.status === 'fail' && c.id.startsWith('conv:'));
  return [
    `## Role-play`,
    '',
    `Leaks shown to a user: **${m.leaks}**. Persona breaks: **${m.personaBreaks}**. Cases not evaluated: ${m.notEvaluated}${m.notEvaluated > 0 && r.provider === 'offline' ? ' (the model-driven user needs a model provider)' : ''}.`,
    '',
    `### Simulated users`,
    '',
    'Scripted users in six styles (and a model-driven one) play a full rehearsal against every persona in every scenario it plays, through the app.',
    '',
    ...table(
      ['user', 'rehearsals', 'need uncovered', 'mean score', 'facts uncovered (of 4)', 'turns', 'leaks', 'breaks'],
      Object.entries(sim.byStyle).map(([style, s]) => [
        style,
        s.rehearsals - s.notEvaluated === 0 ? `${s.rehearsals} (not evaluated)` : s.rehearsals,
        s.rehearsals - s.notEvaluated === 0
          ? 'n/e'
          : `${(100 * s.needRate).toFixed(0)}% (CI ${(100 * s.needInterval.low).toFixed(0)}-${(100 * s.needInterval.high).toFixed(0)}%)`,
        s.meanScore === null ? 'n/e' : s.meanScore.toFixed(1),
        s.meanDiscoveries.toFixed(2),
        s.meanTurns.toFixed(1),
        s.leaks,
        s.personaBreaks,
      ]),
    ),
    '',
    `The good user uncovered the persona's need in ${pct(sim.goodUncoversNeed.k, sim.goodUncoversNeed.n)} persona-scenarios${sim.goodUncoversNeed.missing.length > 0 ? `; **not** in: ${sim.goodUncoversNeed.missing.join(', ')}` : ''}.`,
    `The good user beat every bad one (higher score, at least as many facts) in ${pct(sim.goodBeatsBad.k, sim.goodBeatsBad.n)} match-ups${losses.length > 0 ? `; **lost or tied** in: ${losses.map((l) => `${l.personaId}/${l.scenarioId} vs ${l.badStyle} (${l.good.score} vs ${l.bad.score})`).join('; ')}` : ''}.`,
    `Replies withheld by the engine's leak guard: ${sim.withheld}.`,
    '',
    'Mean final score per persona (over its scenarios), and in how many of them the need was uncovered:',
    '',
    ...simulatedTable(rehearsals),
    '',
    `### Persona behaviour`,
    '',
    `Probes where the brief says how the persona must react (push back, not cave, not reveal early, stay in character, not leak, open up when earned): ${pct(pc.passed, pc.cases - pc.notEvaluated)} passed${r.repeats > 1 ? ` every one of ${r.repeats} runs (pass^${r.repeats})` : ''}.`,
    '',
    ...table(
      ['expectation', 'passed'],
      Object.entries(pc.byExpectation).map(([e, { k, n }]) => [e, pct(k, n)]),
    ),
    '',
    `### Labelled conversations`,
    '',
    `${conv.cases} transcripts, ${conv.turns} labelled user turns, each critiqued on its own: macro-F1 ${f3(conv.macroF1)}, exactly right turns ${f3(conv.exactTurnRate)}, grounded quotes ${f3(conv.groundedQuoteRate)}. Replayed through the engine: ${conv.leaks} leaks, ${conv.personaBreaks} breaks.`,
    '',
    ...table(
      ['check', 'precision', 'recall', 'F1', 'support'],
      Object.entries(conv.perCheck)
        .filter(([, p]) => p.support > 0 || p.fp > 0)
        .map(([id, p]) => [id, f3(p.precision), f3(p.recall), f3(p.f1), p.support]),
    ),
    ...details(
      `${wrongTurns.length} transcript(s) with a turn critiqued wrongly, a leak or a break`,
      wrongTurns.map((c) => `${c.id}: ${failureOf(c)}`),
    ),
    ...judgeLines(r.judges),
    ...details(
      `${failing.length} persona case(s) or rehearsal(s) failed`,
      failing.map((c) => `${c.id}: ${failureOf(c)}`),
    ),
  ];
}

function failureOf(c: RoleplayCase): string {
  if ('why' in c) return c.why.join('; ');
  if ('grades' in c)
    return c.grades
      .filter((g) => g.status === 'fail')
      .map((g) => `${g.expectation}: ${g.detail ?? g.grader}`)
      .join('; ');
  if ('labels' in c) {
    const turns = c.turns.map((t) => `turn ${t.turn}: ${t.detail ?? ''}`);
    return [...turns, ...c.leaks, ...c.personaBreaks, ...c.errors].join('; ');
  }
  return '';
}

function calibrationSection(r: CalibrationReport): string[] {
  const judges = r.metrics.judges;
  return [
    `## Judge calibration`,
    '',
    `Each judge answers the inputs a human labelled (evals/datasets/human-labels/); a judge under kappa ${MIN_KAPPA}, or with fewer than ${MIN_LABELS} labels evaluated, is uncalibrated and its verdicts count toward no case and no gate. The lower bound of kappa's 95% interval says how low agreement beyond chance may really be. Confusion: H = human, J = judge.`,
    '',
    ...table(
      [
        'judge',
        'version',
        'labels',
        'evaluated',
        'agreement',
        "Cohen's kappa",
        'kappa 95% CI low',
        'H pass/J pass',
        'H pass/J fail',
        'H fail/J pass',
        'H fail/J fail',
        'status',
      ],
      judges.map((j) => [
        j.judge,
        j.version,
        j.labels,
        j.evaluated,
        j.agreement === null ? 'n/a' : `${f3(j.agreement)} (CI ${f3(j.agreementInterval?.low)}-${f3(j.agreementInterval?.high)})`,
        f3(j.kappa),
        f3(j.kappaLow),
        j.confusion.bothPass,
        j.confusion.humanPassJudgeFail,
        j.confusion.humanFailJudgePass,
        j.confusion.bothFail,
        j.calibrated === null ? 'not_evaluated' : j.calibrated ? 'calibrated' : '**uncalibrated**',
      ]),
    ),
  ];
}

const meanWorst = (x: LeaveOneWriterOut['checks']) => `${f3(x.mean)} / ${f3(x.worst)} (${x.worstWriter})`;

/** One row per label that occurs in any writer's set; a cell per writer: F1 (precision, recall, support). */
function perWriterTable(what: string, writers: ReadonlyArray<[string, Record<string, Prf>]>): string[] {
  const ids = [...new Set(writers.flatMap(([, per]) => Object.keys(per)))].filter((id) =>
    writers.some(([, per]) => (per[id]?.support ?? 0) > 0 || (per[id]?.fp ?? 0) > 0),
  );
  return table(
    [what, ...writers.map(([w]) => `${w}: F1 (P, R, n)`)],
    ids.map((id) => [
      id,
      ...writers.map(([, per]) => {
        const p = per[id];
        return p && (p.support > 0 || p.fp > 0) ? `${f3(p.f1)} (${f3(p.precision)}, ${f3(p.recall)}, ${p.support})` : '-';
      }),
    ]),
  );
}

/** Mean F1 of a check over the writers where it is expected at least once (null where it never is). */
function checkMean(d: AnalyzerDesign, id: string, writers: readonly string[]): number | null {
  const f1s = writers.flatMap((w) => {
    const p = d.writers[w]?.perCheck[id];
    return p && p.support > 0 ? [p.f1] : [];
  });
  return f1s.length === 0 ? null : f1s.reduce((a, b) => a + b, 0) / f1s.length;
}

function analyzerDesignsSection(designs: readonly AnalyzerDesign[]): string[] {
  const [first] = designs;
  if (!first) return [];
  const writers = Object.keys(first.writers);
  const never = writers.filter((w) => first.writers[w]?.tuning === 'never tuned');
  const ids = [...new Set(writers.flatMap((w) => Object.keys(first.writers[w]!.perCheck)))];
  const cell = (x: number | null) => (x === null ? '-' : f3(x));
  return [
    '### Analyzer designs, leave one writer out over every labelled writer',
    '',
    "Every labelled text (each draft file is one writer, each turn set another) read on its own by `analyze`: the hand-written `analyzer` alone, and `analyzer-or-ngram` (the analyzer's findings plus the moves the learned reader adds, as shipped: a move the frames missed is added when the text and its most telling sentence are both above the reader's threshold), whose reader is fitted on the other writers with the shipped settings. Macro-F1 in the evals' convention. The hand-written analyzer was tuned on some writers, so only the never-tuned ones give it a fair figure for a new writer.",
    '',
    ...table(
      ['design', 'trained', 'all writers: mean / worst', 'never tuned: mean / worst'],
      designs.map((d) => [d.design, d.trained ? 'yes' : 'no (rule-based)', meanWorst(d.all), d.neverTuned ? meanWorst(d.neverTuned) : '-']),
    ),
    '',
    ...table(
      ['writer', 'analyzer tuned on it?', 'texts', ...designs.map((d) => d.design)],
      writers.map((w) => [w, first.writers[w]!.tuning, first.writers[w]!.texts, ...designs.map((d) => f3(d.writers[w]!.macroF1))]),
    ),
    '',
    'Per check: F1 averaged over the writers where the check is expected (all writers / never tuned).',
    '',
    ...table(
      ['check', ...designs.flatMap((d) => [`${d.design}: all`, `${d.design}: never tuned`])],
      ids.map((id) => [id, ...designs.flatMap((d) => [cell(checkMean(d, id, writers)), cell(checkMean(d, id, never))])]),
    ),
    '',
  ];
}

function turnsSection(r: TurnsReport): string[] {
  const m = r.metrics;
  const writers = Object.entries(m.writers);
  const of = (k: number, s: TurnSetMetrics) => `${k}/${s.turns - s.notEvaluated}`;
  const errors = writers.reduce((n, [, s]) => n + s.errors, 0);
  return [
    `## Turn readings`,
    '',
    "Each labelled user turn is read after the other side's last line, as in a rehearsal, and its checks, acts and tone are compared with the writer's labels; every quote must be in the turn. Acts are also scored without `asks_other`, which the writers could not use.",
    '',
    ...table(
      [
        'writer',
        'turns',
        'checks macro-F1',
        'checks exact',
        'acts macro-F1',
        'without asks_other',
        'acts exact',
        'without asks_other',
        'tone agreed',
        'grounded quotes',
      ],
      writers.map(([w, s]) => [
        w,
        s.turns,
        f3(s.checks.macroF1),
        of(s.checks.exact, s),
        f3(s.acts.macroF1),
        f3(s.acts.macroF1WithoutAsksOther),
        of(s.acts.exact, s),
        of(s.acts.exactWithoutAsksOther, s),
        of(s.toneAgreed, s),
        `${f3(s.groundedQuoteRate)} of ${s.quotesShown}`,
      ]),
    ),
    '',
    `Errors: ${errors}. Not evaluated: ${m.notEvaluated}.`,
    '',
    ...inSampleNote(r),
    "Leave one writer out: each design reads a writer's turns knowing only the other writers' labelled texts, drafts included (a rule-based design learns from none, so its figure is its figure on each writer; `analyzer-or-ngram` is the offline reading with the learned reader fitted on the other writers, as it ships). Macro-F1, mean / worst writer:",
    '',
    ...table(
      ['design', 'trained', 'checks', 'acts', 'acts without asks_other'],
      m.designs.map((d) => [d.design, d.trained ? 'yes' : 'no (rule-based)', meanWorst(d.checks), meanWorst(d.acts), meanWorst(d.actsWithoutAsksOther)]),
    ),
    '',
    ...analyzerDesignsSection(m.analyzerDesigns),
    ...perWriterTable(
      'check',
      writers.map(([w, s]) => [w, s.checks.perCheck]),
    ),
    '',
    ...perWriterTable(
      'act',
      writers.map(([w, s]) => [w, s.acts.perAct]),
    ),
  ];
}

function pairsSection(r: PairsReport): string[] {
  const m = r.metrics;
  const scores = (c: PairResult) => `${c.id} (${c.kind}): strong ${c.strong.score ?? 'none'} vs weak ${c.weak.score ?? 'none'}`;
  const listed = (label: string, outcome: PairResult['outcome']) => {
    const cs = r.cases.filter((c) => c.outcome === outcome);
    return cs.length === 0 ? [] : [`${label}: ${cs.map(scores).join('; ')}.`];
  };
  const kindRow = (kind: string, t: PairTally) => [kind, t.pairs, pct(t.ordered, t.pairs - t.notEvaluated), t.ties, t.wrong, pct(t.lengthBaseline, t.pairs)];
  return [
    `## Rehearsal pairs`,
    '',
    "Two whole rehearsals of one scenario, persona and difficulty, one ranked stronger by an expert: the user turns of each are replayed through the app and its session ended; the pair is ordered when the strong side's debrief score is strictly higher. The length-only baseline orders a pair when the strong side has more user text.",
    '',
    ...table(
      ['kind', 'pairs', 'ordered', 'ties', 'wrong', 'length baseline'],
      [kindRow('all', m), ...Object.entries(m.byKind).map(([kind, t]) => kindRow(kind, t))],
    ),
    '',
    'By writer (a writer whose pairs were tuned on is listed in evals/thresholds.json; the gate holds on the others):',
    '',
    ...table(
      ['writer', 'pairs', 'ordered', 'ties', 'wrong', 'length baseline'],
      Object.entries(m.byWriter ?? {}).map(([writer, t]) => kindRow(writer, t)),
    ),
    '',
    ...listed('Wrongly ordered', 'wrong'),
    ...listed('Tied', 'tie'),
    ...listed('No score', 'error'),
    ...r.cases.filter((c) => c.errors.length > 0).map((c) => `${c.id}: ${c.errors.join('; ')}.`),
    ...(m.notEvaluated > 0 ? [`Not evaluated: ${m.notEvaluated}.`] : []),
  ];
}

function purposeSection(r: PurposeReport): string[] {
  const pctOf = (x: number) => `${Math.round(100 * x)}%`;
  return [
    '## Drafts judged by their purpose',
    '',
    "Each draft critiqued as the API does with no purpose given; the writer's labels say what it is for, whether it is good or weak, and which pairs share a situation. A `held-out` set has never been used to build anything (evals/datasets/manifest.json).",
    '',
    ...table(
      ['set', 'split', 'drafts', 'purpose right', 'good at 70+', 'good above weak', 'placeholders', 'good rewrites keep 70% of words', 'checks macro-F1'],
      r.metrics.map((m) => [
        m.dataset,
        m.split,
        m.drafts,
        pctOf(m.purposeAccuracy),
        pctOf(m.goodAt70),
        `${pctOf(m.goodAboveWeak)} of ${m.pairs}`,
        m.placeholders,
        pctOf(m.goodRewritesKept),
        f3(m.macroF1),
      ]),
    ),
    ...(r.lowo ? purposeLowoSection(r.lowo) : []),
  ];
}

const DESIGN_NAMES: Record<PurposeDesign, string> = {
  cues: 'hand-written cues (before)',
  learned: 'learned detector (shipped)',
};

function purposeLowoSection(lowo: PurposeLowo): string[] {
  const pctOf = (x: number) => `${Math.round(100 * x)}%`;
  const writers = Object.entries(lowo.writers);
  const designs = Object.keys(DESIGN_NAMES) as PurposeDesign[];
  const mw = (m: { mean: number; worst: number; worstWriter: string }) => `${pctOf(m.mean)} / ${pctOf(m.worst)} (${m.worstWriter})`;
  return [
    '',
    '### Purpose detection, leave one writer out',
    '',
    `Over the tuning sets only: each writer's drafts critiqued with a learned detector fitted on the other writers (settings ${JSON.stringify(lowo.training)}), its checks found by the offline analyzer whose learned reader was fitted without that writer. The hand-written cues read the same checks; they were built on writer R, so their figure there is in-sample. The figures are the critique's (the score depends on the purpose).`,
    '',
    ...table(
      [
        'writer',
        'drafts',
        'checks macro-F1 (reader without it)',
        ...designs.flatMap((d) => [`${d}: purpose right`, `${d}: good at 70+`, `${d}: good above weak`]),
      ],
      writers.map(([w, x]) => [
        w,
        x.drafts,
        `${f3(x.checksMacroF1)}${x.readerRefitted ? '' : ' (shipped reader)'}`,
        ...designs.flatMap((d) => [pctOf(x.designs[d].purposeAccuracy), pctOf(x.designs[d].goodAt70), pctOf(x.designs[d].goodAboveWeak)]),
      ]),
    ),
    '',
    ...table(
      ['detector', 'purpose right: mean / worst', 'good at 70+: mean / worst', 'good above weak: mean / worst'],
      designs.map((d) => [DESIGN_NAMES[d], mw(lowo.designs[d].purposeAccuracy), mw(lowo.designs[d].goodAt70), mw(lowo.designs[d].goodAboveWeak)]),
    ),
  ];
}

const rate = (x: number | null) => (x === null ? '-' : `${Math.round(100 * x)}%`);

function journalSection(r: JournalReport): string[] {
  const head = [
    '## Journal entries read',
    '',
    `Each entry of a real conversation read as the API reads it (provider ${r.provider}, model ${r.model}); a need, a commitment (same owner) or a piece of feedback matches a label when they share at least half of the shorter one's content words, one to one. The gate holds on the held-out writers (evals/thresholds.json, journal).`,
    '',
  ];
  if (r.metrics.status === 'no data') return [...head, 'No data: no journal set in evals/datasets/journal yet.'];
  const row = (who: string, f: JournalFigures) => [
    who,
    f.entries,
    `${f3(f.needs.precision)} / ${f3(f.needs.recall)} / ${f3(f.needs.f1)}`,
    `${f3(f.commitments.precision)} / ${f3(f.commitments.recall)} / ${f3(f.commitments.f1)}`,
    `${f3(f.feedback.precision)} / ${f3(f.feedback.recall)} / ${f3(f.feedback.f1)}`,
    `${rate(f.dueAccuracy.rate)} of ${f.dueAccuracy.of}`,
    `${rate(f.goalEngaged.accuracy)} of ${f.goalEngaged.of}`,
    f.errors,
  ];
  const c = r.metrics.overall.goalEngaged.confusion;
  return [
    ...head,
    ...table(
      ['writer', 'entries', 'needs P / R / F1', 'commitments P / R / F1', 'feedback P / R / F1', 'due dates right', 'goal engaged right', 'errors'],
      [...Object.entries(r.metrics.byWriter).map(([w, f]) => row(w, f)), row('all', r.metrics.overall)],
    ),
    '',
    'Goal engaged, labelled (rows) against read (columns):',
    '',
    ...table(
      ['labelled', 'true', 'false', 'null'],
      (['true', 'false', 'null'] as const).map((k) => [k, c[k].true, c[k].false, c[k].null]),
    ),
  ];
}

/** The headline figures of every suite in one table, with the held-out figure first where there is one. */
function glance(suites: readonly SuiteReport[]): string[] {
  const rows: Array<[string, string]> = [];
  for (const s of suites) {
    if (s.suite === 'drafts') {
      const held = Object.entries(s.splits).find(([name]) => name.includes('holdout'))?.[1];
      if (held) rows.push([`Draft critique, held-out macro-F1${s.provider === 'offline' ? ' (the learned reader was fitted on it)' : ''}`, f3(held.macroF1)]);
      rows.push(['Draft critique, macro-F1 (all labelled drafts)', f3(s.metrics.macroF1)], ['Quotes grounded in the text', f3(s.metrics.groundedQuoteRate)]);
    } else if (s.suite === 'roleplay') {
      const m = s.metrics;
      const sim = m.simulatedUsers;
      rows.push(
        ['Role-play turns critiqued, macro-F1', f3(m.conversations.macroF1)],
        ["Good simulated user uncovers the persona's need", pct(sim.goodUncoversNeed.k, sim.goodUncoversNeed.n)],
        ['Good simulated user beats every bad one', pct(sim.goodBeatsBad.k, sim.goodBeatsBad.n)],
        ['Persona behaviour cases passed', pct(m.personaCases.passed, m.personaCases.cases - m.personaCases.notEvaluated)],
        ['Leaks / persona breaks', `${m.leaks} / ${m.personaBreaks}`],
      );
    } else if (s.suite === 'turns') {
      for (const d of s.metrics.analyzerDesigns) {
        rows.push([
          `Checks (${d.design}), leave-one-writer-out over ${Object.keys(d.writers).length} writers: never tuned mean / worst; all mean / worst`,
          `${d.neverTuned ? meanWorst(d.neverTuned) : '-'}; ${meanWorst(d.all)}`,
        ]);
      }
      for (const d of s.metrics.designs) {
        rows.push(
          [`Turn reading (${d.design}), checks macro-F1, leave-one-writer-out mean / worst`, meanWorst(d.checks)],
          [
            `Turn reading (${d.design}), acts macro-F1, leave-one-writer-out mean / worst`,
            `${meanWorst(d.acts)}; without asks_other ${f3(d.actsWithoutAsksOther.mean)} / ${f3(d.actsWithoutAsksOther.worst)}`,
          ],
        );
      }
    } else if (s.suite === 'purpose') {
      for (const m of s.metrics.filter((x) => x.split === 'held-out')) {
        rows.push([
          `Drafts by purpose (${m.dataset}, held out): purpose right / good at 70+ / good above weak`,
          `${f3(m.purposeAccuracy)} / ${f3(m.goodAt70)} / ${f3(m.goodAboveWeak)}`,
        ]);
      }
      for (const [d, f] of Object.entries(s.lowo?.designs ?? {})) {
        rows.push([
          `Purpose detection (${d}), leave one writer out over the tuning sets: purpose right / good at 70+ / good above weak, mean (worst)`,
          [f.purposeAccuracy, f.goodAt70, f.goodAboveWeak].map((m) => `${f3(m.mean)} (${f3(m.worst)})`).join(' / '),
        ]);
      }
    } else if (s.suite === 'journal') {
      const o = s.metrics.overall;
      rows.push([
        `Journal readings (held out, ${s.provider}): needs / commitments F1, due dates, goal engaged`,
        s.metrics.status === 'no data'
          ? 'no data'
          : `${f3(o.needs.f1)} / ${f3(o.commitments.f1)}, ${rate(o.dueAccuracy.rate)}, ${rate(o.goalEngaged.accuracy)}`,
      ]);
    } else if (s.suite === 'pairs') {
      const m = s.metrics;
      rows.push(
        ['Rehearsal pairs ordered by the debrief score', pct(m.ordered, m.pairs - m.notEvaluated)],
        ['Rehearsal pairs ordered by user-text length alone', pct(m.lengthBaseline, m.pairs)],
      );
    } else {
      const judges = s.metrics.judges;
      const evaluated = judges.filter((j) => j.calibrated !== null);
      rows.push([
        `Judges calibrated (kappa >= ${MIN_KAPPA} over ${MIN_LABELS}+ labels; kappa, 95% CI low)`,
        evaluated.length === 0
          ? 'not evaluated (no model)'
          : `${evaluated.filter((j) => j.calibrated).length}/${judges.length}: ${judges.map((j) => `${j.judge} ${f3(j.kappa)}, ${f3(j.kappaLow)}`).join('; ')}`,
      ]);
    }
  }
  return ['## At a glance', '', ...table(['measure', 'value'], rows)];
}

export function formatMarkdown(report: Report, gate?: { failures: string[]; thresholdsPath: string }): string {
  const title = report.suite === 'all' ? 'Loop Coach quality' : `Loop Coach evals (${report.suite})`;
  const lines = headerLines(report, title);
  const suites: SuiteReport[] =
    report.suite === 'all'
      ? [
          report.suites.drafts,
          report.suites.roleplay,
          report.suites.turns,
          report.suites.pairs,
          report.suites.purpose,
          report.suites.journal,
          report.suites.calibrate,
        ].filter((s): s is SuiteReport => s !== undefined)
      : [report];
  if (gate) {
    lines.push(
      '',
      gate.failures.length === 0 ? `**Gate: passed** (bars in ${gate.thresholdsPath}).` : `**Gate: FAILED** (bars in ${gate.thresholdsPath}):`,
      ...gate.failures.map((f) => `- ${f}`),
    );
    const untrusted = suites.flatMap((s) => ('judges' in s ? s.judges : [])).filter((j) => j.evaluated > 0 && j.calibrated !== true);
    if (untrusted.length > 0) {
      const named = [...new Map(untrusted.map((j) => [j.judge, `${j.judge} (${kappaText(j)})`])).values()];
      lines.push('', `Not counted toward the gate, as not shown to be calibrated: the verdicts of ${named.join(', ')}.`);
    }
  }
  if (suites.length > 1) lines.push('', ...glance(suites));
  for (const s of suites) {
    lines.push('');
    if (s.suite === 'drafts') lines.push(...draftSection(s));
    else if (s.suite === 'roleplay') lines.push(...roleplaySection(s));
    else if (s.suite === 'turns') lines.push(...turnsSection(s));
    else if (s.suite === 'pairs') lines.push(...pairsSection(s));
    else if (s.suite === 'purpose') lines.push(...purposeSection(s));
    else if (s.suite === 'journal') lines.push(...journalSection(s));
    else lines.push(...calibrationSection(s));
  }
  return lines.join('\n');
}

type LooseCase = { id: string; status?: Status; expected?: string[]; predicted?: string[] };

/**
 * Every case's status, by suite-qualified id: what --compare diffs. Reports written before cases
 * had a status (drafts only) get one from their labels: exact checks pass.
 */
export function caseStatuses(report: Report): Map<string, Status> {
  const suites: SuiteReport[] = report.suite === 'all' ? Object.values(report.suites) : [report];
  const out = new Map<string, Status>();
  for (const s of suites) {
    for (const c of ('cases' in s ? s.cases : []) as LooseCase[]) {
      const exact = c.expected && c.predicted && c.expected.length === c.predicted.length && c.expected.every((id) => c.predicted?.includes(id));
      out.set(`${s.suite ?? 'drafts'}:${c.id}`, c.status ?? (exact ? 'pass' : 'fail'));
    }
  }
  return out;
}
