/**
 * How long one analysis may take: `ms` milliseconds on the clock `now` (`performance.now` when
 * left out). The analyzer asks between frames, and between the learned reader's sentences, whether
 * the budget is spent; past it, what was not read yet is reported unread, never guessed.
 */
export interface AnalysisBudget {
  ms: number;
  now?: () => number;
}

/** A budget being spent: once `spent()` has said true it says true from then on, so a later step never runs after an earlier one was skipped. */
export interface Allowance {
  spent(): boolean;
}

/** No budget: everything is read (evals, training and tests that call the analyzer directly). */
export const UNLIMITED: Allowance = { spent: () => false };

export function startBudget(budget: AnalysisBudget | undefined): Allowance {
  if (!budget) return UNLIMITED;
  const now = budget.now ?? (() => performance.now());
  const end = now() + budget.ms;
  let out = false;
  return { spent: () => (out ||= now() >= end) };
}

/**
 * Runs `steps` in order while the allowance lasts: what each returned, and the keys of those not
 * run. Each step is a frame or two, so the budget is overrun by at most one step's time.
 */
export function readWhileAllowed<K extends string, V>(
  steps: ReadonlyArray<readonly [K, () => V]>,
  allowance: Allowance,
): { done: Partial<Record<K, V>>; unread: K[] } {
  const done: Partial<Record<K, V>> = {};
  const unread: K[] = [];
  for (const [key, step] of steps) {
    if (allowance.spent()) unread.push(key);
    else done[key] = step();
  }
  return { done, unread };
}

/** A value computed at most once, on first use; `peek` reads it only if some step already has. */
export function once<T>(compute: () => T): { get: () => T; peek: () => T | undefined } {
  let computed = false;
  let value: T | undefined;
  return {
    get: () => {
      if (!computed) {
        value = compute();
        computed = true;
      }
      return value as T;
    },
    peek: () => value,
  };
}
