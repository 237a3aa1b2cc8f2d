import type { EvalContext } from '../context.js';
import type { Dataset, HumanLabel } from '../dataset.js';
import type { Status } from '../graders/grade.js';
import { JUDGE_IDS, judgePrompt, judgeVars, runJudge, type JudgeId } from '../graders/judges.js';
import { cohensKappa, confusion, kappaInterval, wilson, type Confusion } from '../metrics.js';
import { addUsage, emptyUsage, meterModel, type UsageTotals } from '../models/usage-meter.js';
import { mapPool } from '../pool.js';

/** Below this kappa a judge's verdicts are reported as uncalibrated, and do not count toward the gate. */
export const MIN_KAPPA = 0.6;
/** And with fewer human labels than this, agreement says too little to call it calibrated. */
export const MIN_LABELS = 30;

export interface CalibrationCase {
  id: string;
  judge: string;
  status: Status;
  label: boolean;
  verdict: boolean | null;
  reasoning?: string;
  detail?: string;
  usage: UsageTotals;
}

export interface JudgeCalibration {
  judge: JudgeId;
  version: number;
  labels: number;
  evaluated: number;
  agreement: number | null;
  agreementInterval: { low: number; high: number } | null;
  kappa: number | null;
  /** The lower bound of kappa's 95% confidence interval: how low agreement beyond chance may really be. */
  kappaLow: number | null;
  confusion: Confusion;
  /** null: not evaluated (no model, or every label missed in replay). */
  calibrated: boolean | null;
}

/** Checks that a label file matches the judges: a known judge, and exactly the variables its prompt takes. */
export function checkLabels(dataset: Dataset<HumanLabel>): void {
  for (const label of dataset.cases) {
    if (!(JUDGE_IDS as readonly string[]).includes(label.judge)) throw new Error(`${dataset.path}: ${label.caseId}: unknown judge ${label.judge}`);
    const want = judgeVars(label.judge as JudgeId)
      .sort()
      .join(', ');
    const got = Object.keys(label.input).sort().join(', ');
    if (want !== got) throw new Error(`${dataset.path}: ${label.caseId}: ${label.judge} takes ${want}, the label gives ${got}`);
  }
}

/**
 * Runs every judge on the inputs humans labelled, and reports per judge how often they agree,
 * Cohen's kappa with the lower bound of its confidence interval, and the confusion matrix. A judge
 * is calibrated at kappa >= MIN_KAPPA over at least MIN_LABELS evaluated labels; only a calibrated
 * judge's verdicts count toward the gate.
 */
export async function runCalibration(ctx: Pick<EvalContext, 'judge' | 'concurrency' | 'progress'>, datasets: readonly Dataset<HumanLabel>[]) {
  const labels = datasets.flatMap((d) => {
    checkLabels(d);
    return d.cases;
  });
  const tick = ctx.progress.phase('calibrate', labels.length);
  const cases: CalibrationCase[] = await mapPool(labels, ctx.concurrency, async (l) => {
    const meter = ctx.judge ? meterModel(ctx.judge) : undefined;
    const grade = await runJudge(meter?.model, l.judge as JudgeId, l.input);
    tick();
    const verdict = grade.status === 'not_evaluated' ? null : grade.status === 'pass';
    return {
      id: `calibrate:${l.judge}/${l.caseId}`,
      judge: l.judge,
      // A case passes when the judge agrees with the human.
      status: verdict === null ? 'not_evaluated' : verdict === l.label ? 'pass' : 'fail',
      label: l.label,
      verdict,
      ...(grade.reasoning && { reasoning: grade.reasoning }),
      ...(grade.status === 'not_evaluated' && grade.detail && { detail: grade.detail }),
      usage: meter?.usage ?? emptyUsage(),
    };
  });
  const judges = JUDGE_IDS.map((judge) =>
    calibrationOf(
      judge,
      cases.filter((c) => c.judge === judge),
    ),
  );
  return { cases, judges, usage: cases.reduce((u, c) => addUsage(u, c.usage), emptyUsage()) };
}

function calibrationOf(judge: JudgeId, cases: readonly CalibrationCase[]): JudgeCalibration {
  const evaluated = cases.filter((c): c is CalibrationCase & { verdict: boolean } => c.verdict !== null);
  const matrix = confusion(evaluated.map((c) => ({ human: c.label, judge: c.verdict })));
  const kappa = cohensKappa(matrix);
  const interval = kappaInterval(matrix);
  const agreed = evaluated.filter((c) => c.verdict === c.label).length;
  return {
    judge,
    version: judgePrompt(judge).version,
    labels: cases.length,
    evaluated: evaluated.length,
    agreement: evaluated.length === 0 ? null : agreed / evaluated.length,
    agreementInterval: evaluated.length === 0 ? null : wilson(agreed, evaluated.length),
    kappa,
    kappaLow: interval?.low ?? null,
    confusion: matrix,
    calibrated: evaluated.length === 0 ? null : kappa !== null && kappa >= MIN_KAPPA && evaluated.length >= MIN_LABELS,
  };
}
