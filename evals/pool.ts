import type { Status } from './graders/grade.js';

/** Runs `fn` over `items` with at most `concurrency` at a time, results in input order. */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>, onDone?: () => void): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      results[i] = await fn(items[i] as T, i);
      onDone?.();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/**
 * pass^k over one case's repeated runs: it passes only if every run passed; one failed run fails
 * it; and a run that could not be evaluated leaves it unproven.
 */
export function repeatedStatus(statuses: readonly Status[]): { status: Status; runs: number; passes: number } {
  const passes = statuses.filter((s) => s === 'pass').length;
  const status: Status = statuses.includes('fail') ? 'fail' : passes === statuses.length && passes > 0 ? 'pass' : 'not_evaluated';
  return { status, runs: statuses.length, passes };
}
