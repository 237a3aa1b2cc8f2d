/** Precision, recall and F1 of one label over a set of cases. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  /** Cases where the label is expected. */
  support: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  // With nothing expected and nothing predicted the engine is right by abstaining: count it as 1.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn, tp, fp, fn };
}

export interface LabelledPrediction {
  expected: readonly string[];
  predicted: readonly string[];
}

/** Per-label counts over cases; `labels` are those that can occur (the checks of the cases' modes). */
export function perLabel(cases: readonly LabelledPrediction[], labels: readonly string[]): Record<string, Prf> {
  const out: Record<string, Prf> = {};
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of cases) {
      const e = c.expected.includes(label);
      const p = c.predicted.includes(label);
      if (e && p) tp += 1;
      else if (p) fp += 1;
      else if (e) fn += 1;
    }
    out[label] = prf(tp, fp, fn);
  }
  return out;
}

/** Mean F1 over the labels that occur at all (expected or predicted). */
export function macroF1(per: Record<string, Prf>): number {
  const used = Object.values(per).filter((m) => m.support > 0 || m.fp > 0);
  return used.length === 0 ? 1 : used.reduce((sum, m) => sum + m.f1, 0) / used.length;
}

/** Wilson score interval (95%) for a rate k/n: honest error bars for small samples. */
export function wilson(k: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Two raters' binary verdicts on the same items; "pass" is the positive class. */
export interface Confusion {
  /** Both say pass. */
  bothPass: number;
  /** Human pass, judge fail. */
  humanPassJudgeFail: number;
  /** Human fail, judge pass. */
  humanFailJudgePass: number;
  /** Both say fail. */
  bothFail: number;
}

export function confusion(pairs: ReadonlyArray<{ human: boolean; judge: boolean }>): Confusion {
  const m: Confusion = { bothPass: 0, humanPassJudgeFail: 0, humanFailJudgePass: 0, bothFail: 0 };
  for (const { human, judge } of pairs) {
    if (human && judge) m.bothPass += 1;
    else if (human) m.humanPassJudgeFail += 1;
    else if (judge) m.humanFailJudgePass += 1;
    else m.bothFail += 1;
  }
  return m;
}

/**
 * Cohen's kappa: agreement beyond what two raters with these base rates would reach by chance.
 * Null when chance agreement is total (both raters gave one verdict to everything), where kappa
 * is undefined and calibration cannot be claimed.
 */
export function cohensKappa(m: Confusion): number | null {
  return kappaParts(m)?.kappa ?? null;
}

/**
 * Kappa with a 95% confidence interval: the Wilson interval of the observed agreement, carried
 * through kappa's formula with chance agreement as observed. Cohen's large-sample standard error
 * would claim no uncertainty at all when every label agrees; this interval stays honest there (a
 * kappa of 1 on 12 labels has its lower bound near 0.5). Null where kappa is.
 */
export function kappaInterval(m: Confusion): { kappa: number; low: number; high: number } | null {
  const parts = kappaParts(m);
  if (!parts) return null;
  const { kappa, chance, n } = parts;
  const agreement = wilson(m.bothPass + m.bothFail, n);
  const asKappa = (p: number) => Math.max(-1, Math.min(1, (p - chance) / (1 - chance)));
  return { kappa, low: asKappa(agreement.low), high: asKappa(agreement.high) };
}

function kappaParts(m: Confusion): { kappa: number; chance: number; n: number } | null {
  const n = m.bothPass + m.humanPassJudgeFail + m.humanFailJudgePass + m.bothFail;
  if (n === 0) return null;
  const observed = (m.bothPass + m.bothFail) / n;
  const humanPass = (m.bothPass + m.humanPassJudgeFail) / n;
  const judgePass = (m.bothPass + m.humanFailJudgePass) / n;
  const chance = humanPass * judgePass + (1 - humanPass) * (1 - judgePass);
  return chance === 1 ? null : { kappa: (observed - chance) / (1 - chance), chance, n };
}
