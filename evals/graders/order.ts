import type { Mode } from '../../src/coach/rubric.js';
import { fail, pass, type Grade } from './grade.js';

// Written from the README's definition, not imported from the engine: a grader that reuses the
// code under test cannot catch its mistakes.
const STEP_FOUR_ASKS = ['states_goal', 'asks_what_it_takes', 'links_goal_to_needs'];
const EARNING_MOVES = ['asks_for_feedback', 'offers_help', 'commits_to_task', 'keeps_leader_informed'];

/** Whether a text with these (true) checks is in loop order: no step-4 ask without a sign of steps 1-3. */
export function inOrder(mode: Mode, checks: readonly string[], earnedBefore = false): boolean {
  if (mode === 'manager' || earnedBefore) return true;
  return !checks.some((id) => STEP_FOUR_ASKS.includes(id)) || checks.some((id) => EARNING_MOVES.includes(id));
}

/** The engine's order verdict against the verdict the labels imply. */
export function gradeOrder(mode: Mode, expected: readonly string[], reportedOk: boolean, earnedBefore = false): Grade {
  const want = inOrder(mode, expected, earnedBefore);
  if (want === reportedOk) return pass('order');
  return fail(
    'order',
    want
      ? 'flagged as out of order, but the labelled checks are in order'
      : 'the labelled checks make a step-4 ask with no earning move, but it was not flagged',
  );
}
