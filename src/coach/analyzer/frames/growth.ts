import type { Doc } from '../doc.js';
import { irrealisAt, negatedAt } from '../negation.js';
import { anyHit, matches, oneOf, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import { AGREED_GOAL, VAGUE_GROWTH } from './goal-vocabulary.js';

/**
 * Growth talk with no concrete goal (rubric pitfall `vague_goal`): asking for "growth", "my
 * development", "the next step" or a career chat. The check itself also needs the text to name no
 * concrete goal and no goal already agreed ("the goal we set last month" is not vague).
 */

const VAGUE = re(VAGUE_GROWTH);
const ASKS_OR_WANTS = re(
  String.raw`\b` +
    oneOf([
      String.raw`want|wanna|'?d like|would like|'?d love|would love`,
      String.raw`(?:'?d|would) (?:really |also )?(?:like|love)`,
      String.raw`expect|keen|eager|hoping|hope|ready for|ready to|value|talk|chat|discuss`,
      String.raw`conversation|interested|looking for|help me|thinking about|thinking a lot`,
      String.raw`think about|wondering|plateau\w*|stagnat\w+|stuck`,
    ]) +
    String.raw`\b`,
);

/** Sentences asking for growth in general words. */
export function findGrowthAsks(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) => {
    if (!s.question && !matches(s.text, ASKS_OR_WANTS)) return false;
    return anyHit(s, VAGUE, (h) => !negatedAt(s, h.index) && !irrealisAt(s, h.index));
  });
}

const AGREED = re(AGREED_GOAL);

/** The text refers to a goal the two already agreed, so growth talk there is not vague. */
export function refersToAgreedGoal(doc: Doc): boolean {
  return matches(doc.folded, AGREED);
}
