import { phraseOf, type Doc } from '../doc.js';
import { findingOf } from '../finding.js';
import { findAssumedGoals } from '../frames/assumptions.js';
import { findCareerQuestions } from '../frames/career-questions.js';
import { findExpectations } from '../frames/expectations.js';
import { findFollowUps } from '../frames/follow-up.js';
import { findGoalMentions } from '../frames/goals.js';
import { findPartnerships } from '../frames/partnership.js';
import { findStretchWork } from '../frames/stretch-work.js';
import { taskPhrase, type CheckResults } from './employee.js';

/** The manager-side checks: the manager starting the loop. */
export function managerChecks(doc: Doc): CheckResults {
  const stretch = findStretchWork(doc);
  // The goal in a manager's message is the employee's, as the manager recalls it ("you'd like to move into audit").
  const goal = findGoalMentions(doc).find((g) => g.asserted);
  const work = stretch.find((w) => w.objectFrom !== undefined);
  return {
    checks: {
      asks_about_goals: findingOf(doc, findCareerQuestions(doc)),
      offers_partnership: findingOf(doc, findPartnerships(doc, stretch)),
      names_stretch_work: findingOf(doc, stretch.map((w) => w.sentence)),
      clarifies_expectations: findingOf(doc, findExpectations(doc)),
      proposes_follow_up: findingOf(doc, findFollowUps(doc)),
      assumes_goal: findingOf(doc, findAssumedGoals(doc)),
    },
    goal: goal ? phraseOf(doc, goal.sentence, goal.phrase.start, goal.phrase.end) : undefined,
    task: work ? taskPhrase(doc, work.sentence, work.objectFrom ?? 0) : undefined,
  };
}
