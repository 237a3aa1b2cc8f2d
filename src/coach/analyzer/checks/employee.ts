import type { Doc } from '../doc.js';
import { findingOf, type Finding } from '../finding.js';
import { findBlame } from '../frames/blame.js';
import { findCommitments } from '../frames/commitment.js';
import { findDemands } from '../frames/demands.js';
import { findFeedbackAsks } from '../frames/feedback.js';
import { findFollowUps } from '../frames/follow-up.js';
import { findGoalMentions } from '../frames/goals.js';
import { findGrowthAsks, refersToAgreedGoal } from '../frames/growth.js';
import { findOverHedging } from '../frames/hedging.js';
import { findHelpOffers } from '../frames/help.js';
import { findInitiative } from '../frames/initiative.js';
import { findGoalLinks } from '../frames/links.js';
import { findRefusals } from '../frames/refusal.js';
import { findRequirementQuestions } from '../frames/requirements.js';
import { goalOf, taskOf } from '../named-phrases.js';
import { matches, oneOf, re } from '../pattern.js';
import { once, readWhileAllowed, UNLIMITED, type Allowance } from '../budget.js';
import type { CheckId } from '../../rubric.js';
import type { Sentence } from '../sentences.js';

/** One mode's checks, with the goal and task phrases the text names, and the checks the budget left unread. */
export interface CheckResults {
  checks: Partial<Record<CheckId, Finding>>;
  /** Checks whose frames were not run because the analysis budget was spent: not present, and not known absent. */
  unread: CheckId[];
  goal?: string;
  task?: string;
}

// A requirement question points at a goal with these words even when the goal is named
// elsewhere ("how do I get there?").
const GOAL_REFERENCE = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:get|getting|go|going|move|moving) there`,
      String.raw`that (?:level|role|goal|move|point|step|transfer|job|post)`,
      String.raw`the (?:next )?(?:level|role|promotion|promo|move|goal|title|transfer|post|job)`,
      String.raw`my goal|next level|promotion|promo`,
    ]) +
    String.raw`\b`,
);

/**
 * The employee-side checks of the rubric, with the goal and task phrases they name. Frames run one
 * check at a time while `allowance` lasts, pitfalls first (an unread pitfall weighs on a partial
 * critique's score more than an unread move); frames several checks share run once, on first use.
 */
export function employeeChecks(doc: Doc, allowance: Allowance = UNLIMITED): CheckResults {
  const goals = once(() => findGoalMentions(doc));
  const stated = once(() => goals.get().filter((g) => g.asserted));
  const agreed = once(() => refersToAgreedGoal(doc));
  const offers = once(() => findHelpOffers(doc));
  const commitments = once(() => findCommitments(doc));
  const committed = once(() => new Set(commitments.get().map((c) => c.sentence)));
  // An accepted ask is a commitment, not an offer; volunteering for a need the manager raised is both.
  const realOffers = once(() => offers.get().filter((o) => o.volunteered || !committed.get().has(o.sentence)));
  const goalSentences = once(() => new Set(goals.get().map((g) => g.sentence)));
  const aboutGoal = (s: Sentence): boolean => goalSentences.get().has(s) || matches(s.text, GOAL_REFERENCE);

  const { done: checks, unread } = readWhileAllowed<CheckId, Finding>(
    [
      ['demanding', () => findingOf(doc, findDemands(doc))],
      ['refuses_work', () => findingOf(doc, findRefusals(doc))],
      ['blames_others', () => findingOf(doc, findBlame(doc))],
      ['vague_goal', () => findingOf(doc, stated.get().length > 0 || agreed.get() ? [] : findGrowthAsks(doc))],
      ['over_hedging', () => findingOf(doc, findOverHedging(doc))],
      ['asks_for_feedback', () => findingOf(doc, findFeedbackAsks(doc, aboutGoal))],
      [
        'offers_help',
        () =>
          findingOf(
            doc,
            realOffers.get().map((o) => o.sentence),
          ),
      ],
      ['commits_to_task', () => findingOf(doc, [...committed.get()])],
      [
        'states_goal',
        () =>
          findingOf(
            doc,
            stated.get().map((g) => g.sentence),
          ),
      ],
      [
        'links_goal_to_needs',
        () =>
          findingOf(
            doc,
            findGoalLinks(
              doc,
              offers.get(),
              goals.get().length > 0,
              stated.get().map((g) => g.sentence),
            ),
          ),
      ],
      ['asks_what_it_takes', () => findingOf(doc, findRequirementQuestions(doc, aboutGoal, goals.get().length > 0 || agreed.get()))],
      ['proposes_follow_up', () => findingOf(doc, findFollowUps(doc))],
      ['keeps_leader_informed', () => findingOf(doc, findInitiative(doc))],
    ],
    allowance,
  );

  // The goal and task are named from what the frames run so far found: none are run for them alone.
  const goal = stated.peek()?.[0];
  const work = [...(commitments.peek() ?? []), ...(realOffers.peek() ?? [])].find((w) => w.objectFrom !== undefined);
  return {
    checks,
    unread,
    goal: goal ? goalOf(doc, goal) : undefined,
    task: work ? taskOf(doc, work.sentence, work.objectFrom ?? 0) : undefined,
  };
}
