import type { CheckId, Mode } from '../rubric.js';
import type { CheckResult } from './critique-schema.js';

/** Step-4 asks: naming a goal, a raise, a promotion, a new role, or asking what it takes. */
export const ASK_CHECKS: readonly CheckId[] = ['states_goal', 'asks_what_it_takes', 'links_goal_to_needs'];
/** Signs of steps 1-3 (and advanced mode, which is helping first by acting). */
export const EARNING_CHECKS: readonly CheckId[] = ['asks_for_feedback', 'offers_help', 'commits_to_task', 'keeps_leader_informed'];

/**
 * The Magic Loop earns the ask by helping first: a step-4 ask with no sign of steps 1-3, in this
 * text or in earlier drafts and sessions with the same manager, is out of order.
 */
export function orderCheck(mode: Mode, checks: readonly CheckResult[], earnedBefore: boolean): { ok: boolean; note: string } {
  if (mode === 'manager') return { ok: true, note: 'The order check applies to messages to your manager.' };
  const has = (ids: readonly CheckId[]) => checks.some((c) => ids.includes(c.id) && c.present);
  if (!has(ASK_CHECKS)) return { ok: true, note: 'No step-4 ask (goal, raise, promotion, new role) in this message.' };
  if (has(EARNING_CHECKS)) return { ok: true, note: 'The ask comes with signs of steps 1-3: you help before you ask.' };
  if (earnedBefore) return { ok: true, note: 'Earlier conversations with this manager already showed steps 1-3, so the ask is earned.' };
  return {
    ok: false,
    note: 'This message asks for something for you (step 4) with no sign of steps 1-3: ask how your work is seen, offer help or do what was asked first.',
  };
}
