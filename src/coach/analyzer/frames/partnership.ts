import type { Doc } from '../doc.js';
import { THEIR_AIMS } from '../lexicon.js';
import { assertedAt } from '../negation.js';
import { firstHit, matches, oneOf, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import type { StretchWork } from './stretch-work.js';

/**
 * The manager's deal (rubric `offers_partnership`): the employee takes on more, and the manager
 * helps them toward their goal in return ("if you take on onboarding, I'll make sure it's front and
 * centre in your promotion packet"). Support with no work asked ("I'll support your MBA application
 * whatever happens") or support for the task itself ("I'll support you however you need") is not a deal.
 */

// The manager's side: backing, sponsoring, funding, putting forward, making it count.
const BACKS_GOAL = re(
  String.raw`\b(?:i'?ll|i will|i'?m going to|i can|i could|i'?d|we'?ll|we can|i promise to|i'?m happy to) ` +
    String.raw`(?:(?:also|then|personally|definitely|happily) )*` +
    oneOf([
      String.raw`make sure (?:it|this|that|you|your (?:name|work|effort|part)|they|the [\w-]+ (?:knows?|sees?|hears?))`,
      String.raw`be there (?:as|for) (?:your )?(?:back-?up|support)`,
      String.raw`have your back|back you up|champion|sponsor|back you|back your|vouch|advocate`,
      String.raw`push for`,
      String.raw`put you (?:forward|up|in front of)`,
      String.raw`put your name (?:forward|up|in)`,
      String.raw`have you (?:shadow|sit in|join|attend|present|co-?lead)`,
      String.raw`pair you (?:up )?with`,
      String.raw`argue for you|write up your|nominate`,
      String.raw`get you (?:onto|on|into|in front of|a seat|a place|a spot)`,
      String.raw`make the case`,
      String.raw`write (?:you |your )?(?:a |the )?(?:[\w-]+ )?(?:case|recommendation|reference|letter)`,
      String.raw`fund|pay for`,
      String.raw`give you (?:[\w-]+ )?(?:(?:mon|tues|wednes|thurs|fri)day )?(?:afternoons?|mornings?|days?|hours?) (?:off )?(?:to|for)`,
      String.raw`give you (?:the )?(?:budget|study leave|time|a seat|visibility|exposure|the title|a shot)`,
      String.raw`talk to [\w-]+ (?:about|re)`,
      String.raw`coach you|sit with you|mentor you|teach you`,
      String.raw`show you (?:how|the ropes)`,
      String.raw`train you (?:up|on|in)`,
      String.raw`(?:support|sponsor|back) your (?:[\w-]+ ){0,2}?(?:promotion|case|application|move|goal|bid)`,
      String.raw`do (?:everything|all|whatever|what) (?:i )?can to (?:get|help|push|make|support|back)`,
      String.raw`help you (?:get|reach|build|make)`,
      String.raw`make it count|put in a word|introduce you`,
      String.raw`sign off (?:on )?(?:your|the)`,
      String.raw`build your case|raise it with`,
      String.raw`get it (?:written|into)`,
      String.raw`mention it`,
      String.raw`make (?:that|it) happen`,
      String.raw`set (?:it|that) up`,
    ]) +
    String.raw`\b`,
);
// Words that make the backing career help rather than help with the task.
const TOWARD_GOAL = re(
  String.raw`\b` +
    oneOf([
      String.raw`promotions?|promo|packet|case|partner|leadership|programme|program|course`,
      String.raw`qualification|certificat\w*|title|secondment|role|level|senior|goal|aiming`,
      String.raw`toward|towards|next level|training|study|development|career|cv|visibility`,
      String.raw`in front of|champion|sponsor|nominate|put you forward|make the case`,
      String.raw`recommendation|reference|portfolio|named|credit|credited|recogni[sz]ed`,
      String.raw`appraisal|reviews?|shadow\w*|sit in|exposure|committee|panel|calibration|post`,
      String.raw`slot|opening|application|referee|band|grade`,
    ]) +
    String.raw`\b`,
);
// The employee's side, or the trade itself: "if you take on...", "do that well and...", "in return".
const TAKES_MORE = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:if|once|when) you(?:'re|'d|'ll| are)?\b (?:[\w'-]+ ){0,4}?` +
        oneOf([
          String.raw`help(?:ing)? me|tak(?:e|ing)|do(?:ing)?|run(?:ning)?|own(?:ing)?|lead(?:ing)?`,
          String.raw`mentor(?:ing)?|pick(?:ing)? up|handl(?:e|ing)|cover(?:ing)?|manag(?:e|ing)|step(?:ping)? up`,
          String.raw`draft(?:ing)?|organi[sz](?:e|ing)|coordinat(?:e|ing)|chair(?:ing)?|train(?:ing)?|present(?:ing)?`,
        ]),
      String.raw`^you (?:help me|take|run|own|lead|handle|cover) [^.;]{0,80}? and i'?ll\b`,
      String.raw`do (?:that|this|it) well`,
      String.raw`in (?:return|exchange)`,
      String.raw`here'?s (?:my offer|a trade|the deal|what i'?m thinking)`,
      String.raw`a trade`,
      String.raw`(?:the|a|this) deal`,
      String.raw`deal'?s|tell you what|if you take it|in the meantime|it'?s yours|if you want it`,
    ]) +
    String.raw`\b`,
);
const EMPLOYEE_GOAL = re(THEIR_AIMS);

// "...and make sure it's visible to the promotion panel", "...and introduce you to the L&D lead":
// backing that comes after another promise in the same sentence.
const MAKES_IT_COUNT = re(
  [
    String.raw`\bmake sure (?:it|this|that|your work|you)(?:'s| is| are| gets?| goes)? ` +
      String.raw`(?:visible|seen|recogni[sz]ed|noticed|counted|credited|known|written|front and centre|in your|on your)`,
    String.raw`\b(?:and|then) (?:i'?ll )?(?:introduce you|put you forward|nominate you|champion you|sponsor you|back you|make the case)\b`,
    String.raw`\bwrite (?:it|this|that) up for your (?:promotion|promo|case|review|appraisal|application)`,
  ].join('|'),
);

/** Sentences where the manager proposes more work in return for help toward the employee's goal. */
export function findPartnerships(doc: Doc, stretch: readonly StretchWork[]): Sentence[] {
  const goalTalk = matches(doc.folded, EMPLOYEE_GOAL);
  const stretchAt = new Set(stretch.map((w) => doc.sentences.indexOf(w.sentence)));
  return doc.sentences.filter((s, i) => {
    const back = firstHit(s, BACKS_GOAL, (h) => assertedAt(s, h.index)) ?? firstHit(s, MAKES_IT_COUNT, (h) => assertedAt(s, h.index));
    if (!back) return false;
    if (!matches(s.text, TOWARD_GOAL) && !goalTalk) return false;
    const nearStretch = [i - 2, i - 1, i, i + 1].some((j) => stretchAt.has(j));
    return matches(s.text, TAKES_MORE) || nearStretch;
  });
}
