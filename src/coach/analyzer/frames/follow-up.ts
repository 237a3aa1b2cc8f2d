import type { Doc } from '../doc.js';
import { assertedAt } from '../negation.js';
import { firstHit, matches, oneOf, re, union } from '../pattern.js';
import type { Sentence } from '../sentences.js';

/**
 * Proposing to check back, or a recurring conversation, about the loop or the goal (rubric
 * `proposes_follow_up`, both sides). A one-off meeting about something else ("let's catch up
 * after the offsite about the budget", "I'll follow up with legal") is not it: the proposal must
 * recur, or return to this conversation, progress or the goal.
 */

// A recurring slot: "every two weeks", "a standing thing", "monthly", "in our 1:1s".
const RECURRING = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:standing|recurring|regular|monthly|weekly|fortnightly|quarterly|bi-?weekly|bi-?monthly|periodic|ongoing) (?:[\w-]+ )?` +
        oneOf([
          String.raw`thing|conversation|chat|check-?ins?|catch-?ups?|slot|meeting|1:1s?`,
          String.raw`one-on-ones?|item|agenda item|touchpoints?|reviews?|sync|half hour|hour`,
          String.raw`30 minutes|session|call|time|basis`,
        ]),
      String.raw`(?:every|each|once a|twice a) (?:other |few |couple of |two |three |four |six |\d+ )?` +
        String.raw`(?:weeks?|months?|quarters?|sprints?|terms?|half|fortnight|1:1s?|one-on-ones?|check-?ins?|cycles?)`,
      String.raw`(?:every|each) couple of (?:weeks|months)`,
      String.raw`(?:monthly|quarterly|weekly|fortnightly|regularly|periodically)` +
        String.raw`(?= *[,.?!;)]| *$| (?:from|going|after|until|and|or|for|in|on|at|if|so|to|then|with|like)\b)`,
      String.raw`(?:in|at|during) (?:our|each|every|the) (?:next (?:few |couple of )?|regular |weekly |monthly |future |upcoming )?` +
        String.raw`(?:1:1s|one-on-ones|check-ins|catch-?ups)`,
      String.raw`then monthly`,
      String.raw`keep (?:bringing|coming back to|talking about|checking)`,
      String.raw`(?:make|keep) (?:this|it) (?:a |an )?(?:standing|regular|recurring|monthly|quarterly|weekly|ongoing|habit|routine)`,
      String.raw`on the agenda (?:for|at|of) (?:every|each|our)`,
    ]),
);
// Coming back to it: "check in on this", "look at this again", "revisit in six weeks", "review where I am".
const RETURN_TO = re(
  String.raw`\b` +
    oneOf([
      String.raw`check(?:ing)?[- ](?:back|in)`,
      String.raw`check progress|checkpoint|revisit|come back to|circle back|touch base`,
      String.raw`follow up|follow-up`,
      String.raw`look at (?:this|it|that|progress|where|how) (?:again|together|in|after)?`,
      String.raw`look at progress`,
      String.raw`review (?:where|how|progress|it|this|my progress|how it went)`,
      String.raw`review(?= (?:at|in|after|once|next)\b)`,
      String.raw`see (?:if|how|where) (?:i'?m|i am|you'?re|it'?s|things are|we are|we'?re) (?:any )?(?:closer|tracking|doing|getting on|going)`,
      String.raw`next check-?in`,
      String.raw`(?:pop|come|drop|sit|look) (?:in |back )?again`,
      String.raw`observe (?:me |it )?again`,
      String.raw`(?:have|take) another look`,
      String.raw`see (?:if|whether) (?:it'?s|it is|that'?s|this is) (?:working|helping|landing)`,
      String.raw`talk (?:about )?(?:this|it) again`,
      String.raw`pick (?:this|it|that) (?:back )?up (?:again|later|after|in|next|once|when)`,
      String.raw`pick (?:this|it|that) back up`,
      String.raw`reconnect`,
      String.raw`catch up (?:again|on (?:this|how|progress|where))`,
    ]) +
    String.raw`\b`,
);
// What the return is about: this conversation, progress, the goal or the agreed work.
const LOOP_TOPIC = re(
  String.raw`\b` +
    oneOf([
      String.raw`this|it|that|these|progress`,
      String.raw`how (?:i'?m|it'?s|you'?re|things are|we'?re|it is|i am|you are|it went|it'?s going|i'?m doing|i'?m tracking)`,
      String.raw`where (?:i am|i'?m|you are|you'?re|we are)`,
      String.raw`goals?|development|growth|career|plan|promotion|promo|role|move|stretch|loop`,
      String.raw`deal|agreement|what we agreed|any closer|how it went|how it'?s going|tracking`,
      String.raw`the (?:[\w-]+ ){1,3}(?:goal|plan|thing|project|move|role|work)`,
    ]) +
    String.raw`\b`,
);
// About someone or something else: "with legal", "once I hear from finance", "about the budget numbers".
const OTHER_TOPIC = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:follow up|follow-up|circle back|check back|check in|touch base|catch up) (?:with|to) (?!you\b|me\b)[\w-]+`,
      String.raw`once i hear`,
      String.raw`(?:hear|heard) (?:back )?from`,
      String.raw`follow-up (?:email|call|message|note)`,
      String.raw`if they come back`,
      String.raw`(?:check in|catch up|touch base|follow up) (?:on|about) (?:the )?` +
        String.raw`(?:budget|invoices?|numbers|rates|office|move|rota|contract|nda|deal|headcount|order|shipment|vendor|client)\b`,
    ]),
);

/** Sentences proposing to check back or to make the conversation recur. */
export function findFollowUps(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) => {
    if (!matches(s.text, ANY_RETURN) || matches(s.text, OTHER_TOPIC)) return false;
    const recurring = firstHit(s, RECURRING, (h) => assertedAt(s, h.index));
    const back = firstHit(s, RETURN_TO, (h) => assertedAt(s, h.index));
    if (recurring && (back || matches(s.text, LOOP_TOPIC) || matches(s.text, PROPOSES))) return true;
    if (!back) return false;
    const rest = s.text.slice(back.index);
    return matches(rest, LOOP_TOPIC) || matches(rest, LATER);
  });
}

// "Let's revisit in six weeks": a return at a set time is about this conversation.
const LATER = re(
  String.raw`^[\w\s',-]*?\b` +
    oneOf([
      String.raw`in (?:a|an|one|two|three|four|five|six|\d+|a few|a couple of) (?:weeks?|months?|sprints?|quarters?)`,
      String.raw`after (?:the|our|your|my|a|q\d)`,
      String.raw`next (?:month|quarter|term|cycle|review)`,
      String.raw`at (?:the end of|our next|the next)`,
    ]) +
    String.raw`\b`,
);

// A recurrence or a return, in one pass: most sentences have neither.
const ANY_RETURN = union(RECURRING, RETURN_TO);

// A proposal's own words: "could we", "let's", "shall we", "I'll".
const PROPOSES = re(
  String.raw`\b` +
    oneOf([
      String.raw`could we|can we|shall we|should we|let'?s|we could|we can|we'?ll|i'?ll`,
      String.raw`maybe we|how about|would you be open|would it be ok|happy to|i'?d like to`,
      String.raw`i'?d love to|i propose|i suggest|worth`,
    ]) +
    String.raw`\b`,
);
