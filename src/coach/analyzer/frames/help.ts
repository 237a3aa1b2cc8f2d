import type { Doc } from '../doc.js';
import { BARGAIN, GETS_ME_ON, RELIEF, SAVES_MANAGER, TAKE_VERB, WILLING } from '../lexicon.js';
import { assertedAt } from '../negation.js';
import { anyHit, anyOf, firstHit, matches, oneOf, re, type Hit } from '../pattern.js';
import type { Sentence } from '../sentences.js';

/**
 * Offering help to the manager (rubric `offers_help`): asking what they need or where to help, or
 * offering to take a piece of their (or their team's) load. Help for a peer or another team, and
 * help that waits for something to be given first, are not offers to the manager.
 */

// Asking after the manager's needs: their plate, priorities, worries, where an extra pair of hands would help.
const ASKS_NEEDS = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:how|where|what) (?:else )?(?:can|could|should|might|may) i (?:best )?` +
        String.raw`(?:help|support|contribute|pitch in|chip in|assist|be (?:most |more |of )?(?:useful|helpful|valuable|use|help|of help))`,
      String.raw`where (?:would|could|can|do you think|might) (?:i|an extra pair of hands|extra hands|another pair of hands|help|someone) ` +
        String.raw`(?:[\w-]+ ){0,3}?(?:be )?(?:most |more )?(?:useful|helpful|valuable|make (?:the )?(?:biggest|most|a|real) difference)`,
      String.raw`what (?:can|could|should|shall) i (?:do|take|pick up|own|handle|cover|help|tackle|get off|take off) (?:for you|to help|off|on)`,
      String.raw`what (?:would you like|do you want|do you need) me to (?:do|take|pick up|own|handle|cover|focus on|prioriti[sz]e|tackle)`,
      String.raw`(?:anything|something|any [\w-]+|somewhere|anywhere|an area|areas|a piece|parts?|a [\w-]+|an [\w-]+) ` +
        String.raw`(?:[\w-]+ ){0,6}?(?:i|me) (?:can|could|might|should|may) (?:[\w-]+ ){0,2}?` +
        String.raw`(?:help|take|pick up|own|handle|cover|grab|jump on|lighten|support|chip in|pitch in|tackle|get off)`,
      String.raw`(?:anything|something) (?:on|off) your (?:plate|desk|list)`,
      String.raw`what'?s? (?:is |are )?` +
        oneOf([
          String.raw`on your (?:plate|mind|desk|list)`,
          String.raw`keeping you up|weighing on you|stressing you|worrying you|bugging you`,
          String.raw`the (?:one |biggest |main |most |hardest )?(?:[\w-]+ ){0,2}` +
            String.raw`(?:thing|priority|problem|challenge|headache|fire|worry|pain point|bottleneck|blocker)s? ` +
            String.raw`(?:on your (?:plate|mind|desk|list)|for you|you'?re (?:facing|dealing with|worried about)|keeping you)`,
        ]),
      String.raw`what(?:'s| is| are)? your (?:top |biggest |main |key |most pressing |current |real )?(?:priorit(?:y|ies)|needs|concerns|worries|headaches)`,
      String.raw`what (?:do |does |would )?(?:you|the team|the department|the ward|the store|the site|the lab|the office) ` +
        String.raw`(?:most )?(?:need|want|needs)(?: most)? (?:from me|help with|right now|most)`,
      String.raw`what (?:would|could) ` +
        oneOf([
          String.raw`help (?:you )?(?:the )?most`,
          String.raw`help you`,
          String.raw`make (?:your|the team'?s?) (?:life|job|week|month|quarter) easier`,
          String.raw`be most (?:helpful|useful|valuable)`,
          String.raw`take (?:some )?(?:pressure|weight) off`,
          String.raw`free you up`,
        ]),
      String.raw`what matters most (?:to you|for you|right now)`,
      String.raw`(?:what(?:'?s)?|which) (?:[\w-]+ ){0,4}(?:would you|you'?d) (?:most )?(?:like|love|want) (?:off|taken off|me to take|help with|handled)`,
      // "I want them to be useful to you" is about the handovers, not the writer.
      String.raw`(?<!\b(?:them|it|they|these|those|that|this|things)(?: to)?(?: actually| really| still| just)? )(?:to be|to make myself|be)` +
        String.raw` (?:the )?(?:most |more )?(?:useful|helpful|valuable) (?:to you|for you|for the team|to the team)`,
      String.raw`(?:if (?:it'?s|that'?s|this is|it would be|that would be) (?:useful|helpful)|if (?:that|it) helps)` +
        String.raw`,? i'?ll (?:keep|carry on|continue|do|take|happily)`,
      String.raw`how (?:can|could) i make (?:your|things) (?:[\w-]+ )?easier`,
      String.raw`what'?s? (?:is )?most (?:important|urgent|pressing) (?:to you|for you|for the team|right now)`,
      String.raw`(?:let me know|lmk) (?:if|what|how|where|whether) (?:[\w-]+ ){0,5}(?:i can|i could|you need|help|useful|take)`,
      String.raw`point me at (?:it|whatever|what)`,
      String.raw`what (?:are you|is) (?:most )?(?:worried|concerned|stressed|anxious|nervous) about`,
      String.raw`what'?s (?:worrying|stressing|bothering|worrying) you`,
      String.raw`where (?:do|would|will) you (?:need|want) me(?: most)?`,
      String.raw`what do you need (?:from me|me to)`,
      String.raw`(?:put|pencil) me down for`,
      String.raw`(?:count|sign) me up for`,
      String.raw`count me in (?:for|on)`,
      String.raw`(?:anything|something|whatever) (?:else )?(?:you|the team) (?:need|needs) (?:doing|done|help with|a hand with|covering|picking up)`,
      String.raw`i(?:'ve got| have) (?:some |a bit of |a little |a bit more |more )?(?:spare |extra |free )?` +
        String.raw`(?:capacity|bandwidth|time|room) (?:next week|this week|this month|now|at the moment|if|for)`,
      String.raw`i'?ll do whatever (?:you need|needs doing|helps|it takes)`,
      String.raw`if you (?:ever |still )?need (?:someone|somebody|a hand|an extra|help|cover|hands|a volunteer|another pair)`,
      // "Which of your numbers is hurting most?", "what's eating your day?", "what's top of your list going into Thursday?"
      String.raw`(?:what|which)(?:'s| is| are)? (?:[\w-]+ ){0,5}?(?:hurting (?:you|your|the)|eating (?:your|you)|on fire for you|` +
        String.raw`top of your (?:list|pile)|keeping you (?:up|busy)|you(?:'re| are) most (?:worried|concerned|stressed))`,
      String.raw`(?:what|which)(?: of)? your [\w-]+ (?:[\w-]+ )?(?:is|are) (?:hurting|worrying|bugging|killing)`,
      String.raw`if you could (?:hand|give|pass|delegate|offload|drop) (?:[\w-]+ ){0,5}?(?:to someone|to somebody|off|away)`,
      String.raw`where would you like (?:those|the|that|my|these) (?:[\w-]+ )?(?:hours?|time|days?|capacity) to go`,
    ]),
);

// Outside questions, ASKS_NEEDS only matches sentences holding one of these.
const MAY_ASK_NEEDS = anyOf([
  'need',
  'want',
  'like',
  'help',
  'let me know',
  'point me',
  'whatever',
  'me down',
  'me up',
  'me in',
  'capacity',
  'bandwidth',
  'spare',
  'room',
  'time',
  'useful',
  'valuable',
  'plate',
  'desk',
  'list',
  'priorit',
  'worr',
  'stress',
  'keeping you',
  'weighing',
  'bugging',
  'bother',
  'concern',
  'anxious',
  'nervous',
  'matters',
  'important',
  'urgent',
  'pressing',
  'easier',
  'free you',
  'if it',
  'if that',
  'difference',
  'lmk',
  'hurting',
  'eating',
  'top of your',
]);

// "Our team could lend the finance folks a hand": not the manager's load.
const FOR_SOMEONE_ELSE = re(
  String.raw`^ ` +
    oneOf([
      String.raw`him|her|them`,
      String.raw`the [\w-]+ (?:team|department|dept) (?!lead)`,
      String.raw`another team|the other team|other teams`,
      String.raw`(?:the )?[\w-]+ (?:folks|guys|people)`,
      String.raw`(?:the )?[\w-]+'s team`,
    ]) +
    String.raw`\b`,
);

// First-person willingness, then a verb of taking work: "I could take", "happy to own", "want me to take point on".
const WILLINGNESS = oneOf([
  String.raw`\bi (?:can|could|might|may)`,
  String.raw`\bi'?d (?:be )?${WILLING}`,
  String.raw`\bi would (?:be )?${WILLING}`,
  String.raw`\bi'?m ${WILLING}|\bi am ${WILLING}`,
  String.raw`(?:^|[,;:.!-] |\b(?:and|also|but|so|again|still) )(?:also )?${WILLING}`,
  String.raw`\bi(?:'d| would|'ll| will| can) (?:happily|gladly)`,
  String.raw`\blet me|\bwant me to`,
  String.raw`\bwould it (?:help(?: you)?|be (?:useful|helpful|easier|ok|okay|worth it)(?: (?:to|for) you)?) if i`,
  String.raw`\bshould i|\bshall i|\bdo you want me to|\bhow about i|\bwhat if i`,
  String.raw`\bi have (?:some )?(?:spare )?(?:capacity|bandwidth|time|room|space) to`,
  String.raw`\bi'?ve got (?:some )?(?:spare )?(?:capacity|bandwidth|time|room) to`,
  String.raw`\bi (?:volunteer|offer) to`,
  String.raw`(?:^|[.;] )offer:`,
  String.raw`\bi'?ll start`,
  String.raw`\bi'?m (?:volunteering|offering) to`,
  String.raw`\bi'?d volunteer to`,
  String.raw`\bi (?:don'?t|wouldn'?t) mind`,
  String.raw`\bi'?m (?:up for|game for)`,
  String.raw`\bi could be the one to|\bi'?d be the one to`,
]);
// Wanting is not offering: "I'd love to lead the pilot" states a goal; "I'd love to take it off you" offers.
const WISH = String.raw`(?:\bi'?d (?:really )?(?:love|like|be glad|be happy) to|\bi would (?:really )?(?:love|like) to)`;
const HANDS_ON = oneOf([
  String.raw`take|take on|take over|take care of|pick up|help|help out|cover|handle|do the`,
  String.raw`draft|absorb|chip in|pitch in|lend a hand|give you a hand|step in|jump on`,
  String.raw`tackle|deal with|grab|rewrite|redo|update|refresh|fix|sort out|clean up`,
  String.raw`tidy up|write|put together|pull together|compile|review|document|streamline`,
  String.raw`set up|build|train|support|organi[sz]e`,
]);
const ADVERBS =
  String.raw`(?:` +
  oneOf([
    String.raw`maybe|perhaps|possibly|also|easily|definitely|probably|happily|certainly`,
    String.raw`always|totally|really|absolutely|just|then|potentially|even|still|gladly`,
    String.raw`start to|start|help|help you|help to`,
  ]) +
  String.raw` )*`;
// An offer is found from its verb of taking work, then the willingness just before it is checked:
// the verbs are rarer than "I", so the expensive part runs a few times per sentence, not at every word.
const TAKES_WORK = re(TAKE_VERB);
const WILLING_BEFORE = re(String.raw`${WILLINGNESS} ${ADVERBS}(?:be the one to )?$`);
const WISH_BEFORE = re(String.raw`${WISH} ${ADVERBS}$`);
const HANDS_ON_VERB = new RegExp(String.raw`^${HANDS_ON}\b`);
// "Could I take...", "can I help...", "could I shadow the project and help with...".
const ASKS_TO_TAKE = re(
  [
    String.raw`\b(?:could|can|may|shall) i (?:also )?` +
      oneOf([
        String.raw`take|take on|take over|pick up|own|handle|cover|help|run|lead|coordinate`,
        String.raw`be the one|tackle|jump on|grab|draft|organi[sz]e|step in|present|write|prepare`,
        String.raw`chair|host|mentor|train|onboard|arrange|sort out|deal with|fix|document`,
      ]),
    String.raw`\b(?:could|can|may|shall) i\b[^?.!]{0,60}?\b(?:and|or) ` +
      String.raw`(?:maybe |also |perhaps )?(?:help|take|pick up|cover|handle|support|own|run)\b`,
  ].join('|'),
);

/** The first offer in the sentence that passes `accept`, from the willingness to the end of the verb. */
function offerIn(s: Sentence, accept: (offer: Hit) => boolean): Hit | undefined {
  let offer: Hit | undefined;
  firstHit(s, TAKES_WORK, (verb) => {
    const from = Math.max(0, verb.index - 80);
    const before = { ...s, text: s.text.slice(from, verb.index) };
    const lead = firstHit(before, WILLING_BEFORE) ?? (HANDS_ON_VERB.test(verb.text) ? firstHit(before, WISH_BEFORE) : undefined);
    if (!lead) return false;
    const index = from + lead.index;
    const candidate: Hit = { index, end: verb.end, text: s.text.slice(index, verb.end), groups: [] };
    if (!accept(candidate)) return false;
    offer = candidate;
    return true;
  });
  return offer ?? firstHit(s, ASKS_TO_TAKE, accept);
}
const RELIEF_RE = re(RELIEF);
// Who relieves the manager: the writer, shortly before ("I could take the accruals ... off your hands").
const WRITER_BEFORE = /\b(?:i|me|happy to|glad to|let me)\b/;
// "You also mentioned the team needs someone on X — I'll take it": volunteering for a need the manager raised.
const NEED_RAISED = re(
  String.raw`\b(?:you|the team|we) (?:also )?(?:mentioned|said|need|needs|needed|are short|were short|'re short)` +
    String.raw`\b (?:[\w-]+ ){0,4}?(?:someone|somebody|a volunteer|help|cover|a hand|an owner)\b`,
);
const TAKES_IT = re(
  [
    String.raw`\bi'?ll (?:take|own|grab|pick up|cover|handle|do) (?:it|that|this|them)\b`,
    String.raw`\bi'?d (?:really )?(?:love|like|be (?:happy|glad|keen)) to (?:do|take|lead|run|own|pick up|handle|cover) (?:it|that|this|them)\b`,
  ].join('|'),
);
// "if I did it this time you'd get your evenings back": the writer's taking it, offered by what it saves the manager.
const TAKING_IF = re(
  String.raw`\bif i (?:did|do|took|take|handled|handle|covered|cover|ran|run|picked up|pick up|owned|own) (?:it|that|this|them|the [\w-]+)\b`,
);
const SAVES_MANAGER_RE = re(SAVES_MANAGER);
// "Happy to help with the release notes as soon as someone gets me access": help that waits on something given first.
const WAITS_ON_SOMETHING = re(
  [
    BARGAIN,
    String.raw`\bif you(?:'ll| will| can| could| would)? ` +
      oneOf([
        String.raw`make me`,
        String.raw`put me (?:forward|up)`,
        String.raw`support (?:my|me)`,
        String.raw`back (?:my|me)`,
        String.raw`sponsor|promote me|push for|make the case|consider me|nominate`,
      ]) +
      String.raw`\b`,
    String.raw`\bas soon as (?:someone|somebody|you|i) (?:gets?|gives?|grants?|sorts?|has|have)\b`,
    // "if you sign off my conference travel first", "if you can confirm my move", "if I could drop my Thursday duty in return".
    String.raw`\bif you(?:'ll| will| can| could)? (?:sign off|approve|confirm|agree to|okay|ok) (?:on )?(?:my|me)\b`,
    String.raw`\bin return\b|\bonly once\b`,
    String.raw`\bonce (?:i get|i have|you give|you get me|someone gets|someone gives)\b`,
    String.raw`\b${GETS_ME_ON} (?:on|onto|in|into|up for|through)\b`,
  ].join('|'),
);

export interface HelpOffer {
  sentence: Sentence;
  /** Volunteering for a need the manager raised: an offer even when worded as a commitment. */
  volunteered: boolean;
  /** Where the verb of taking ends: the task phrase, if any, follows it (sentence-relative). */
  objectFrom?: number;
}

/** Sentences where the writer asks how to help the manager or offers to take some of their load. */
export function findHelpOffers(doc: Doc): HelpOffer[] {
  const found: HelpOffer[] = [];
  doc.sentences.forEach((s, i) => {
    const offer = helpIn(doc, s, i);
    // A condition on the manager ("if you give me Y") vetoes it; checked only where help was found.
    if (offer && !waitsOnSomething(s)) found.push(offer);
  });
  return found;
}

// "Want me to pull the sign-offs together and chase the sparky?": asking to do something for the manager, whatever the verb.
const OFFERS_TO = re(
  String.raw`(?:^|[,;:.!-] |\b(?:so|or|and) )(?:(?:do|would) you )?(?:want|like) me to [a-z]|` +
    String.raw`\bshall i (?!check (?:in|back)|send (?:you )?(?:a|an) (?:summary|update)|grab |book (?:us|a|some)\b|catch up)[a-z]|` +
    String.raw`\bshould i (?:start|go ahead|crack on|get (?:going|started))\b`,
);
// "I can cut it this week. ¿Te sirve?": a short question after a plain "I can…" makes it an offer.
const OFFER_TAG = re(
  String.raw`^\W*(?:te sirve|(?:would|does|will) (?:that|it|this) help|(?:would|is) (?:that|it|this) (?:be )?(?:useful|helpful)|` +
    String.raw`should i (?:start|go ahead|crack on)|shall i|want me to|(?:do you )?want (?:it|that|one))\W*$`,
);
const I_CAN = re(String.raw`\bi (?:can|could) (?:[\w-]+ )?[a-z]+`);

// "Be honest, I can take it", "can I grab you for ten minutes?": taking criticism, or asking for time, takes no work on.
const NOT_WORK_TAKEN = /\b(?:i can (?:take|handle) it(?=\W*(?:$|\())|(?:can|could) i (?:grab|steal|borrow) (?:you|\w+ (?:mins?|minutes))\b)/;

function helpIn(doc: Doc, s: Sentence, i: number): HelpOffer | undefined {
  if (NOT_WORK_TAKEN.test(s.text)) return undefined;
  if ((s.question || MAY_ASK_NEEDS(s.text)) && anyHit(s, ASKS_NEEDS, (h) => assertedAt(s, h.index))) return { sentence: s, volunteered: false };
  if (s.question && anyHit(s, OFFERS_TO, (h) => assertedAt(s, h.index))) return { sentence: s, volunteered: false };
  const next = doc.sentences[i + 1];
  if (next?.question && matches(next.text, OFFER_TAG) && anyHit(s, I_CAN, (h) => assertedAt(s, h.index))) return { sentence: s, volunteered: false };
  const offer = offerIn(s, (h) => assertedAt(s, h.index) && !helpsSomeoneElse(doc, s, h));
  if (offer) return { sentence: s, volunteered: false, objectFrom: offer.end };
  if (anyHit(s, RELIEF_RE, (h) => WRITER_BEFORE.test(s.text.slice(Math.max(0, h.index - 70), h.index)) && assertedAt(s, h.index))) {
    return { sentence: s, volunteered: false };
  }
  const taking = firstHit(s, TAKING_IF, (h) => assertedAt(s, h.index));
  if (taking && matches(s.text, SAVES_MANAGER_RE)) return { sentence: s, volunteered: false, objectFrom: taking.end };
  const take = firstHit(s, TAKES_IT);
  if (!take || !assertedAt(s, take.index)) return undefined;
  const previous = doc.sentences[i - 1];
  const raised = matches(s.text, NEED_RAISED) || (previous !== undefined && matches(previous.text, NEED_RAISED));
  return raised ? { sentence: s, volunteered: true, objectFrom: take.end } : undefined;
}

// "take on more responsibility" asks for growth; it takes no piece of anyone's load.
const GROWTH_OBJECT = /^\s+(?:on\s+)?(?:more|extra|additional|bigger|new)\s+(?:responsibilit|challenge|scope|ownership|leadership|stretch)/;
// "before I could run my own accounts", "Sam asked if I could help": not an offer made here.
const NOT_OFFERED_HERE = re(String.raw`\b(?:before|until|unless|so that|in order that|once|whether) $|\basked (?:me )?(?:if|whether) $|\btold [\w-]+ $`);

// The help goes to a named colleague ("help Marcus with his slides") or another team.
function helpsSomeoneElse(doc: Doc, s: Sentence, offer: Hit): boolean {
  const after = s.text.slice(offer.end);
  if (GROWTH_OBJECT.test(after)) return true;
  if (matches(s.text.slice(Math.max(0, offer.index - 20), offer.index), NOT_OFFERED_HERE)) return true;
  if (/\bhelp(?: out)?$/.test(offer.text) && (matches(after, FOR_SOMEONE_ELSE) || /^\s+(?:with|on)\s+(?:their|his|her)\b/.test(after))) return true;
  const rawAfter = doc.raw.slice(s.start + offer.end, s.end);
  return /\bhelp(?: out)?$/.test(offer.text) && /^\s+(?!I\b)\p{Lu}\p{Ll}+\b(?!')/u.test(rawAfter);
}

// Asked by both the offer and the commitment frames: read once per sentence.
const waiting = new WeakMap<Sentence, boolean>();

/** True when a sentence offers help with a condition attached ("I'll do X if you give me Y"). */
export function waitsOnSomething(s: Sentence): boolean {
  let result = waiting.get(s);
  if (result === undefined) {
    result = matches(s.text, WAITS_ON_SOMETHING);
    waiting.set(s, result);
  }
  return result;
}
