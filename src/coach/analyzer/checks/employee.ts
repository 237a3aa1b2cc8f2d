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
import type { CheckId } from '../../rubric.js';
import type { Sentence } from '../sentences.js';

/** One mode's checks, with the goal and task phrases the text names. */
export interface CheckResults {
  checks: Partial<Record<CheckId, Finding>>;
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

/** The employee-side checks of the rubric, with the goal and task phrases they name. */
export function employeeChecks(doc: Doc): CheckResults {
  const goals = findGoalMentions(doc);
  const stated = goals.filter((g) => g.asserted);
  const agreed = refersToAgreedGoal(doc);
  const offers = findHelpOffers(doc);
  const commitments = findCommitments(doc);
  const committed = new Set(commitments.map((c) => c.sentence));
  // An accepted ask is a commitment, not an offer; volunteering for a need the manager raised is both.
  const realOffers = offers.filter((o) => o.volunteered || !committed.has(o.sentence));
  const goalSentences = new Set(goals.map((g) => g.sentence));
  const aboutGoal = (s: Sentence): boolean => goalSentences.has(s) || matches(s.text, GOAL_REFERENCE);

  const checks: Partial<Record<CheckId, Finding>> = {
    asks_for_feedback: findingOf(doc, findFeedbackAsks(doc, aboutGoal)),
    offers_help: findingOf(
      doc,
      realOffers.map((o) => o.sentence),
    ),
    commits_to_task: findingOf(doc, [...committed]),
    states_goal: findingOf(
      doc,
      stated.map((g) => g.sentence),
    ),
    links_goal_to_needs: findingOf(doc, findGoalLinks(doc, offers, goals.length > 0)),
    asks_what_it_takes: findingOf(doc, findRequirementQuestions(doc, aboutGoal, goals.length > 0 || agreed)),
    proposes_follow_up: findingOf(doc, findFollowUps(doc)),
    keeps_leader_informed: findingOf(doc, findInitiative(doc)),
    demanding: findingOf(doc, findDemands(doc)),
    over_hedging: findingOf(doc, findOverHedging(doc)),
    vague_goal: findingOf(doc, stated.length > 0 || agreed ? [] : findGrowthAsks(doc)),
    refuses_work: findingOf(doc, findRefusals(doc)),
    blames_others: findingOf(doc, findBlame(doc)),
  };

  const goal = stated[0];
  const work = [...commitments, ...realOffers].find((w) => w.objectFrom !== undefined);
  return {
    checks,
    goal: goal ? goalOf(doc, goal) : undefined,
    task: work ? taskOf(doc, work.sentence, work.objectFrom ?? 0) : undefined,
  };
}
