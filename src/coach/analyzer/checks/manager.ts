import type { Doc } from '../doc.js';
import { once, readWhileAllowed, UNLIMITED, type Allowance } from '../budget.js';
import { findingOf, type Finding } from '../finding.js';
import { findAssumedGoals } from '../frames/assumptions.js';
import { findCareerQuestions } from '../frames/career-questions.js';
import { findExpectations } from '../frames/expectations.js';
import { findFollowUps } from '../frames/follow-up.js';
import { findGoalMentions } from '../frames/goals.js';
import { findPartnerships } from '../frames/partnership.js';
import { findStretchWork } from '../frames/stretch-work.js';
import { goalOf, taskOf } from '../named-phrases.js';
import type { CheckId } from '../../rubric.js';
import type { CheckResults } from './employee.js';

// The employee's wishes as the manager puts them: "you'd like", "you mentioned", "your goal".
// Not "would you like to lead...?" (an offer) or "you'll want to..." (a presumption).
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const THEIR_WISH = new RegExp(
  [
    String.raw`\byou(?:'d| would) (?:really )?(?:like|love)\b`,
    String.raw`(?<!\b(?:would|do|did|could|will) )\byou (?:really )?(?:want|hope|said|mentioned|told me)\b`,
    String.raw`\byour (?:goal|aim|ambition|aspiration)`,
    String.raw`\bwanting to\b`,
  ].join('|'),
);

/** The manager-side checks: the manager starting the loop. Run like the employee's (`employeeChecks`): while `allowance` lasts, the pitfall first. */
export function managerChecks(doc: Doc, allowance: Allowance = UNLIMITED): CheckResults {
  const stretch = once(() => findStretchWork(doc));
  const { done: checks, unread } = readWhileAllowed<CheckId, Finding>(
    [
      ['assumes_goal', () => findingOf(doc, findAssumedGoals(doc))],
      ['asks_about_goals', () => findingOf(doc, findCareerQuestions(doc))],
      ['offers_partnership', () => findingOf(doc, findPartnerships(doc, stretch.get()))],
      [
        'names_stretch_work',
        () =>
          findingOf(
            doc,
            stretch.get().map((w) => w.sentence),
          ),
      ],
      ['clarifies_expectations', () => findingOf(doc, findExpectations(doc))],
      ['proposes_follow_up', () => findingOf(doc, findFollowUps(doc))],
    ],
    allowance,
  );
  // The goal in a manager's message is the employee's, as the manager recalls it ("you'd like to
  // move into audit"): only sentences about their wishes are read for it, when there is time left.
  const wishes = { ...doc, sentences: doc.sentences.filter((s) => THEIR_WISH.test(s.text)) };
  const goal = allowance.spent() ? undefined : findGoalMentions(wishes).find((g) => g.asserted);
  const work = stretch.peek()?.find((w) => w.objectFrom !== undefined);
  return {
    checks,
    unread,
    goal: goal ? goalOf(doc, goal) : undefined,
    task: work ? taskOf(doc, work.sentence, work.objectFrom ?? 0) : undefined,
  };
}
