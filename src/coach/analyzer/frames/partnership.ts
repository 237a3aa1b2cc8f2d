import type { Doc } from '../doc.js';
import { THEIR_AIMS } from '../lexicon.js';
import { assertedAt } from '../negation.js';
import { firstHit, matches, re } from '../pattern.js';
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
  String.raw`\b(?:i'?ll|i will|i'?m going to|i can|i could|i'?d|we'?ll|we can|i promise to|i'?m happy to) (?:(?:also|then|personally|definitely|happily) )*(?:make sure (?:it|this|that|you|your (?:name|work|effort|part)|they|the [\w-]+ (?:knows?|sees?|hears?))|be there (?:as|for) (?:your )?(?:back-?up|support)|have your back|back you up|champion|sponsor|back you|back your|vouch|advocate|push for|put you (?:forward|up|in front of)|put your name (?:forward|up|in)|have you (?:shadow|sit in|join|attend|present|co-?lead)|pair you (?:up )?with|argue for you|write up your|nominate|get you (?:onto|on|into|in front of|a seat|a place|a spot)|make the case|write (?:you |your )?(?:a |the )?(?:[\w-]+ )?(?:case|recommendation|reference|letter)|fund|pay for|give you (?:[\w-]+ )?(?:(?:mon|tues|wednes|thurs|fri)day )?(?:afternoons?|mornings?|days?|hours?) (?:off )?(?:to|for)|give you (?:the )?(?:budget|study leave|time|a seat|visibility|exposure|the title|a shot)|talk to [\w-]+ (?:about|re)|coach you|sit with you|mentor you|teach you|show you (?:how|the ropes)|train you (?:up|on|in)|(?:support|sponsor|back) your (?:[\w-]+ ){0,2}?(?:promotion|case|application|move|goal|bid)|do (?:everything|all|whatever|what) (?:i )?can to (?:get|help|push|make|support|back)|help you (?:get|reach|build|make)|make it count|put in a word|introduce you|sign off (?:on )?(?:your|the)|build your case|raise it with|get it (?:written|into)|mention it|make (?:that|it) happen|set (?:it|that) up)\b`,
);
// Words that make the backing career help rather than help with the task.
const TOWARD_GOAL = re(
  String.raw`\b(?:promotions?|promo|packet|case|partner|leadership|programme|program|course|qualification|certificat\w*|title|secondment|role|level|senior|goal|aiming|toward|towards|next level|training|study|development|career|cv|visibility|in front of|champion|sponsor|nominate|put you forward|make the case|recommendation|reference|portfolio|named|credit|credited|recogni[sz]ed|appraisal|reviews?|shadow\w*|sit in|exposure|committee|panel|calibration|post|slot|opening|application|referee|band|grade)\b`,
);
// The employee's side, or the trade itself: "if you take on...", "do that well and...", "in return".
const TAKES_MORE = re(
  String.raw`\b(?:(?:if|once|when) you(?:'re|'d|'ll| are)?\b (?:[\w'-]+ ){0,4}?(?:help(?:ing)? me|tak(?:e|ing)|do(?:ing)?|run(?:ning)?|own(?:ing)?|lead(?:ing)?|mentor(?:ing)?|pick(?:ing)? up|handl(?:e|ing)|cover(?:ing)?|manag(?:e|ing)|step(?:ping)? up|draft(?:ing)?|organi[sz](?:e|ing)|coordinat(?:e|ing)|chair(?:ing)?|train(?:ing)?|present(?:ing)?)|^you (?:help me|take|run|own|lead|handle|cover) [^.;]{0,80}? and i'?ll\b|do (?:that|this|it) well|in (?:return|exchange)|here'?s (?:my offer|a trade|the deal|what i'?m thinking)|a trade|(?:the|a|this) deal|deal'?s|tell you what|if you take it|in the meantime|it'?s yours|if you want it)\b`,
);
const EMPLOYEE_GOAL = re(THEIR_AIMS);

// "...and make sure it's visible to the promotion panel", "...and introduce you to the L&D lead":
// backing that comes after another promise in the same sentence.
const MAKES_IT_COUNT = re(
  String.raw`\bmake sure (?:it|this|that|your work|you)(?:'s| is| are| gets?| goes)? (?:visible|seen|recogni[sz]ed|noticed|counted|credited|known|written|front and centre|in your|on your)|\b(?:and|then) (?:i'?ll )?(?:introduce you|put you forward|nominate you|champion you|sponsor you|back you|make the case)\b|\bwrite (?:it|this|that) up for your (?:promotion|promo|case|review|appraisal|application)`,
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
