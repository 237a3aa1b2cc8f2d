import type { CheckResult } from '../../src/coach/critique/critique-schema.js';
import { fail, pass, type Grade } from './grade.js';

type ScoreFn = (checks: readonly CheckResult[], target?: number) => number;

/**
 * The rubric's contract on the score, checked on real critiques: turning on any missing move never
 * lowers the score, and turning on any absent pitfall never raises it.
 */
export function gradeMonotonicity(checks: readonly CheckResult[], score: ScoreFn, target?: number): Grade & { violations: string[] } {
  const base = score(checks, target);
  const violations: string[] = [];
  checks.forEach((check, i) => {
    if (check.present) return;
    const flipped = checks.map((c, j) => (j === i ? { ...c, present: true } : c));
    const after = score(flipped, target);
    if (check.kind === 'move' && after < base) violations.push(`adding move ${check.id} lowers the score ${base} -> ${after}`);
    if (check.kind === 'pitfall' && after > base) violations.push(`adding pitfall ${check.id} raises the score ${base} -> ${after}`);
  });
  return { ...(violations.length === 0 ? pass('monotonicity') : fail('monotonicity', violations.join('; '))), violations };
}
