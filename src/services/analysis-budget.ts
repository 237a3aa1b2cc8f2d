import type { AnalysisBudget } from '../coach/analyzer/budget.js';
import type { Deps } from '../deps.js';

/** The analyzer's time budget for one text: the configured milliseconds, on the deps' clock when they bring one. */
export function analysisBudget(deps: Pick<Deps, 'config' | 'analysisClock'>): AnalysisBudget {
  return { ms: deps.config.analysisBudgetMs, ...(deps.analysisClock && { now: deps.analysisClock }) };
}
