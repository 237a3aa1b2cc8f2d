import type { CheckId, Mode } from '../rubric.js';
import { movesFor, type Purpose } from './purpose.js';
import type { CheckResult } from './critique-schema.js';

/**
 * Score (0-100), computed by code from the checks, never taken from a model.
 *
 *   stepCredit(s) = moves of step s present / moves of step s scored   (each step counts once)
 *   base          = 100 * min(1, sum of stepCredit / target)
 *   score         = clamp(round(base - 15 * pitfalls present), 0, 100)
 *
 * `target` is how many steps make a full score: for a draft, 3 (a message that does three steps
 * of the loop well is as good as a single message gets); for a role-play, every step its scenario
 * scores. Monotonic by construction: a move only adds to its step's credit and min/round/clamp
 * never reverse an order; a pitfall only subtracts.
 */
export const PITFALL_PENALTY = 15;
export const DRAFT_TARGET_STEPS = 3;

export function scoreChecks(checks: readonly CheckResult[], target: number = DRAFT_TARGET_STEPS): number {
  const steps = new Map<string, { present: number; total: number }>();
  let pitfalls = 0;
  for (const check of checks) {
    if (check.kind === 'pitfall') {
      if (check.present) pitfalls += 1;
      continue;
    }
    const key = String(check.step);
    const step = steps.get(key) ?? { present: 0, total: 0 };
    step.total += 1;
    if (check.present) step.present += 1;
    steps.set(key, step);
  }
  let credit = 0;
  for (const { present, total } of steps.values()) credit += present / total;
  const base = 100 * Math.min(1, credit / Math.max(1, Math.min(target, steps.size)));
  return Math.max(0, Math.min(100, Math.round(base - PITFALL_PENALTY * pitfalls)));
}

/**
 * A draft's score against its purpose (rubric, Scoring):
 *
 *   counted = moves of the purpose present / moves it needs      (capped at 1)
 *   bonus   = bonus moves of the purpose present / bonus moves
 *   score   = clamp(round(80 * counted + 20 * bonus - 15 * pitfalls present), 0, 100)
 *
 * A message that makes its purpose's moves with no pitfall scores at least 80; later steps add
 * nothing and are never required. Manager mode has no bonus list: it needs `need` of its five moves,
 * and each move beyond those is its bonus. Monotonic: a move only adds, a pitfall only subtracts.
 */
export function scoreForPurpose(checks: readonly CheckResult[], moves: { counts: readonly CheckId[]; bonus: readonly CheckId[] }, need?: number): number {
  const present = (id: CheckId) => checks.some((c) => c.id === id && c.present);
  const required = Math.max(1, Math.min(need ?? moves.counts.length, moves.counts.length));
  const made = moves.counts.filter(present).length;
  const counted = Math.min(1, made / required);
  const bonus =
    moves.bonus.length > 0
      ? moves.bonus.filter(present).length / moves.bonus.length
      : moves.counts.length > required
        ? Math.max(0, made - required) / (moves.counts.length - required)
        : counted;
  const pitfalls = checks.filter((c) => c.kind === 'pitfall' && c.present).length;
  return Math.max(0, Math.min(100, Math.round(80 * counted + 20 * bonus - PITFALL_PENALTY * pitfalls)));
}

/**
 * A manager's message does its job with one of its five moves, made well: asking what the report
 * wants, or naming stretch work, or the deal. Of the good manager messages of ten writers who saw
 * only the rubric, most make one or two moves (writers J-Z); one writer (F) made all five in each.
 * Needing two marked a good "where do you want to be in two or three years?" at 50; with one, its
 * weak pairs still score below it or tie, since they make no move, or one beside a pitfall.
 */
export const MANAGER_MOVES_NEEDED = 1;

/** A draft's score: against its purpose's moves (employee mode) or the manager's moves. */
export function scoreDraft(checks: readonly CheckResult[], mode: Mode, step: Purpose | null): number {
  return scoreForPurpose(checks, movesFor(mode, step), mode === 'manager' ? MANAGER_MOVES_NEEDED : undefined);
}

/**
 * The score of a critique some of whose checks were not read (the analyzer's budget ran out). Moves
 * not read earn nothing, as in any score. A pitfall not read is unknown, neither present nor absent:
 * the score keeps its read pitfalls' penalties and is capped at 100 - PITFALL_PENALTY, so it never
 * reaches the points only a message with no pitfall at all can have.
 */
export function scoreWithUnread(score: number, checks: readonly CheckResult[], unread: ReadonlySet<CheckId>): number {
  const pitfallUnread = checks.some((c) => c.kind === 'pitfall' && unread.has(c.id));
  return pitfallUnread ? Math.min(score, 100 - PITFALL_PENALTY) : score;
}
