/** What every grader returns: a verdict, and why when it is not a pass. */
export type Status = 'pass' | 'fail' | 'not_evaluated';

export interface Grade {
  grader: string;
  status: Status;
  detail?: string;
}

export const pass = (grader: string): Grade => ({ grader, status: 'pass' });
export const fail = (grader: string, detail: string): Grade => ({ grader, status: 'fail', detail });
export const notEvaluated = (grader: string, detail: string): Grade => ({ grader, status: 'not_evaluated', detail });

/** A case fails if any grade fails; otherwise it is unproven (not evaluated) if any grade could not be given. */
export function combine(statuses: readonly Status[]): Status {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('not_evaluated') || statuses.length === 0) return 'not_evaluated';
  return 'pass';
}
