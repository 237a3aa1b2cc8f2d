import type { Doc } from '../doc.js';
import { negatedAt } from '../negation.js';
import { matches, oneOf, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';

/**
 * Keeping the leader informed (rubric `keeps_leader_informed`, the loop's advanced mode): the
 * writer saw a problem or chance, already acted on it unasked, and tells the manager. Three
 * things together: a first-person action already taken; a sign it was the writer's initiative
 * (a problem or chance they noticed, "so I...", or a heads-up / "nothing needed from you"); and no
 * sign the manager assigned it ("the migration you asked me to run" is a commitment kept).
 */

// Verbs of action in the past. Regular pasts are caught by "-ed" below; these are the irregular ones.
const IRREGULAR_PAST = [
  'did',
  'made',
  'gave',
  'took',
  'put',
  'sent',
  'set',
  'ran',
  'wrote',
  'spoke',
  'caught',
  'found',
  'brought',
  'built',
  'kept',
  'rang',
  'swapped',
  'sorted',
  'spent',
  'stepped',
  'shut',
  'cut',
  'held',
  'sat',
  'rebuilt',
  'reran',
  're-ran',
  'redid',
  'rewrote',
  'paid',
  'led',
  'dealt',
  'split',
  'stuck',
  'drew',
  'threw',
  'met',
  'fitted',
  'pulled',
];
// Pasts that report a state of mind or a plain observation, not an action taken.
const NOT_ACTIONS = [
  'wanted',
  'needed',
  'hoped',
  'liked',
  'loved',
  'noticed',
  'wondered',
  'asked',
  'tried',
  'realised',
  'realized',
  'thought',
  'felt',
  'guessed',
  'assumed',
  'supposed',
  'heard',
  'saw',
  'learned',
  'learnt',
  'expected',
  'meant',
  'decided',
  'planned',
  'preferred',
  'enjoyed',
  'struggled',
  'worried',
  'was',
  'were',
  'had',
  'used',
  'seemed',
  'mentioned',
  'told',
  'said',
  'considered',
  'figured',
  'imagined',
  'believed',
  'missed',
  'forgot',
  'failed',
  'joined',
  'reached',
  'got',
  'went',
  'earned',
  'deserved',
  'applied',
  'interviewed',
  'waited',
  'underestimated',
  'overestimated',
  'misjudged',
];
const NOT_ACTION_SET = new Set(NOT_ACTIONS);
// Words ending in "ed" that are not pasts.
const ENDS_IN_ED = new Set(['need', 'feed', 'seed', 'speed', 'shed', 'proceed', 'exceed', 'succeed', 'bleed', 'breed', 'indeed']);
const IRREGULAR = new Set(IRREGULAR_PAST);

// "I moved", "I've pulled", "we already swapped", "I had to redo", then more verbs after commas ("forwarded it to comms and logged it").
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const FIRST_PERSON = new RegExp(
  String.raw`\b(?:i|we)(` +
    oneOf([
      String.raw` went ahead and| took the liberty of| had to| ended up|'ve|ve| have| had| just`,
      String.raw` already| then| quickly| also| immediately| proactively| finally| eventually`,
    ]) +
    String.raw`*)\s+((?:re-?)?[a-z]+(?:-[a-z]+)?)\b`,
  'g',
);
// "Can we put it on the agenda?" asks; it reports nothing done.
// "How do you think I handled it?" asks for a view; the action is the question's subject, not news.
const ASKING_BEFORE = /\b(?:can|could|shall|should|would|will|may|might|do|did|let|to)\s+$|\byou\s+(?:think|thought|reckon|feel|felt|say|believe)\s+$/;
// "the goal we set in March", "the plan I drew up": a relative clause naming a thing, not an action reported.
const RELATIVE_BEFORE = /\b(?:goals?|plans?|targets?|objectives?|deal|dates?|timeline|milestones?|steps?|ones?|thing|things|way|roles?) (?:that )?$/;
// After these the base form reports an action taken: "I had to redo the pick list".
const DONE_ANYWAY = /had to|ended up|went ahead and|took the liberty of/;
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const LATER_VERB = new RegExp(
  String.raw`(?:,|\band|;)\s+` +
    String.raw`((?:re-?)?[a-z]+ed|(?:gave|took|put|sent|set|ran|wrote|rang|swapped|sorted|kept|built|made|did|cut|caught|found))` +
    String.raw`\s+(?:it|them|the|a|an|their|our|his|her|everything|up|out|off|back|in|to)\b`,
  'g',
);

// The writer's initiative: a problem or chance noticed, a "so I ...", a heads-up, "nothing needed from you".
const PROBLEM = re(
  String.raw`\b` +
    oneOf([
      String.raw`noticed|saw|spotted|found|came across|realised|realized|caught|discovered|kept`,
      String.raw`keeps|broke|broken|wrong|missing|missed|double-booked|expir\w+|failing|failed`,
      String.raw`went off|alarm|jammed|went down|is down|was down|error|errors|issue|problem`,
      String.raw`bug|complaint|chance|opportunit\w+|rumour|rumor|hadn'?t|not done|wasn'?t`,
      String.raw`weren'?t|disaster|mess|below cost|tripping|late|outage|emailed|phoned|rang`,
      String.raw`complained|got in touch|reached out|renewal|deadline|closes|out of date`,
      String.raw`outdated|stale|leak|spill|incident|breach|risk|short-?staffed|overbooked`,
      String.raw`lapsed|stuck|blocked|closing|emailed asking|called asking|asked about`,
    ]) +
    String.raw`\b`,
);
const SO_I = re(String.raw`\bso (?:i|we)(?:'ve| have)? (?:just |already |quickly )?[a-z]+`);
// Words that say the writer moved unasked: "on my own", "already tested it", "nobody asked", "I went ahead".
const UNASKED = re(
  String.raw`\b` +
    oneOf([
      String.raw`on my own|off my own bat|of my own accord|proactively|without being asked`,
      String.raw`nobody asked|no one asked|took the initiative|took it upon myself|went ahead`,
      String.raw`took the liberty`,
      String.raw`already (?:[\w-]+ed|built|wrote|made|set|ran|did|put|sent|tested|tried|started|drafted|fixed)`,
      String.raw`(?:wrote|put) (?:up |together )?a (?:proposal|draft|plan|doc|pitch)`,
      String.raw`(?:dropped the ball|my mistake|my bad|my fault|on me)\b`,
    ]),
);
const INFORMING = re(
  String.raw`\b` +
    oneOf([
      String.raw`fyi|f\.y\.i`,
      String.raw`heads(?: |-)?up`,
      String.raw`just so you know|letting you know|let you know`,
      String.raw`wanted (?:you|to let you) (?:to )?(?:know|have|hear)`,
      String.raw`thought you(?:'d| would| should| might)? (?:want to )?know`,
      String.raw`for (?:your )?(?:awareness|visibility|info|information|the record)`,
      String.raw`no action (?:needed|required)`,
      String.raw`nothing (?:needed|required|for you to do) from you`,
      String.raw`nothing needed|nothing for you to do`,
      String.raw`nothing (?:to do |needed |required )?(?:from|on|at) your (?:side|end)|no action (?:on|from) your (?:side|end)`,
      String.raw`nothing you need to do|keep you in the picture`,
      String.raw`no need (?:for you )?to (?:do anything|act|reply|respond)`,
      String.raw`you don'?t need to do anything`,
      String.raw`in case (?:you hear|it comes up|anyone asks|sales gets|they ask|you get)`,
      String.raw`flagging`,
      String.raw`keep you (?:posted|in the loop|informed)`,
      String.raw`loop you in`,
      String.raw`all (?:sorted|good|fine|in range|done)`,
      String.raw`sorted\.?$`,
      String.raw`(?:it'?s|all) handled`,
      String.raw`handled for now|running normally|back to normal|anyway it'?s done|it'?s done`,
      String.raw`before anyone asks|before the morning|brief you|i'?ll update you`,
      String.raw`will update you|keep you updated|quick note|just letting you know|for info`,
      String.raw`let me know if anything looks off`,
    ]) +
    String.raw`\b`,
);
// The manager's own ask: then it is a commitment kept, not initiative.
const ASSIGNED = re(
  String.raw`\b` +
    oneOf([
      String.raw`you (?:asked|wanted|requested|suggested|assigned|sent me|gave me|set me)`,
      String.raw`as (?:you )?(?:asked|requested|suggested|discussed|agreed|instructed)`,
      String.raw`per (?:your|our)`,
      String.raw`like (?:we|you) (?:discussed|agreed)`,
      String.raw`as agreed|we agreed|agreed on`,
      String.raw`thanks for (?:flagging|the feedback|pointing)`,
      String.raw`your (?:feedback|notes|request|suggestion)`,
    ]) +
    String.raw`\b`,
);

// "I spent an afternoon pairing with him": help to a colleague with their own work.
const HELPED_A_PEER = re(
  String.raw`\b(?:pairing|paired|helping|helped|supporting|supported|assisting|assisted|covering|covered|sitting) ` +
    String.raw`(?:with |for )?(?:him|her|them|[\w-]+ (?:on|from|in) the [\w-]+ team)\b`,
);

/** Sentences reporting something the writer already did on their own initiative. */
/**
 * Experience offered as a credential, not news: "I've made that report for Daniel before, so I know the
 * fields", "in my previous job I did QA scorecards", "I did it for the fleet tender so I know the drill".
 */
const EXPERIENCE = re(
  String.raw`\b` +
    oneOf([
      String.raw`before\s*(?:[,.;!]|$|so\b)`,
      String.raw`in my (?:previous|last|old|other) (?:job|role|company|team|place)`,
      String.raw`at my (?:previous|last|old) (?:job|place|company)`,
      String.raw`so i (?:kinda |kind of |already )?know (?:the drill|where|how|what)`,
    ]),
);

export function findInitiative(doc: Doc): Sentence[] {
  const informing = matches(doc.folded, INFORMING);
  // A reply to what the manager asked ("Noted, Matron.", "to recap what we agreed", "like you said") reports that work:
  // only a problem noticed, or a heads-up, makes something in it the writer's own initiative.
  const answering = matches(doc.folded, ANSWERING_AN_ASK);
  return doc.sentences.filter((s, i) => {
    if (actionTaken(s) < 0 || matches(s.text, ASSIGNED) || matches(s.text, HELPED_A_PEER) || matches(s.text, EXPERIENCE)) return false;
    // Work cited as a claim ("I carried lambing season on my own and I deserve more") is no news of a fix.
    if (matches(s.text, CLAIMED)) return false;
    const previous = doc.sentences[i - 1];
    const noticed = matches(s.text, PROBLEM) || (previous !== undefined && matches(previous.text, PROBLEM) && !matches(previous.text, ASSIGNED));
    if (answering) return informing || noticed;
    return informing || noticed || matches(s.text, SO_I) || matches(s.text, UNASKED) || (previous !== undefined && matches(previous.text, UNASKED));
  });
}

const ANSWERING_AN_ASK = re(String.raw`\b(?:noted|understood|as discussed|to recap|like you said|as you said|as agreed|we agreed|like we agreed|you asked)\b`);
const CLAIMED = re(
  String.raw`\b(?:deserve|deserved|earned|held up my end|for nothing|reflected in|count (?:for|toward|towards))\b|\bi expect (?:that|this|it)\b`,
);

const SUBJECTLESS_START =
  /^(?:(?:just|already|also|quickly) )?(?:[a-z]+ed|spotted|saw|found|caught|noticed|got|took|did|sent|rang|made|put|gave|ran|wrote|sorted)\b/;
// Chat drafts open a clause on the verb: "Moved pick to line 3", "Heads up: pulled the Ferris piece", "also, noticed…; paired with Luis".
// Not a question ("Did you get a chance…?"), nor a verb whose past is its imperative ("Put it in the plan").
const CLAUSE_VERB = new RegExp(
  String.raw`(?:\b(?:fyi|heads[- ]?up|update|note)\s*:\s*|^(?:also|then|just|already|and then),?\s+|^|;\s*)((?:re-?)?[a-z]+)\b` +
    String.raw`(?!\s+(?:you|i|we|they|he|she|it|on)\b)`,
  'g',
);
const NOT_A_CLAUSE_PAST = new Set(['did', 'put', 'set', 'cut', 'shut', 'split', 'let', 'read', 'hit', 'quit', 'spread']);

// Work the writer had someone do is an action taken: "so I've had the team swap in the updated questions".
const HAD_IT_DONE = new RegExp(
  String.raw`\b(?:i|we)(?:'ve| have|ve)? had (?:the|my|our|a|an|his|her|their|someone|one of the) (?:[\w-]+ ){0,2}?` +
    String.raw`(?:swap|fix|change|check|replace|update|redo|move|clean|repair|sort|run|send|put|call|ring|cover|add|remove|pull|switch|reset|reprint)\b`,
);

/** Offset of the first action the writer took (not negated), or -1. */
function actionTaken(s: Sentence): number {
  const text = s.text;
  const had = HAD_IT_DONE.exec(text);
  if (had && !negatedAt(s, had.index + had[0].length - 1, 6)) return had.index;
  FIRST_PERSON.lastIndex = 0;
  let sawSubject = false;
  for (let m = FIRST_PERSON.exec(text); m; m = FIRST_PERSON.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    if (ASKING_BEFORE.test(before) || RELATIVE_BEFORE.test(before)) continue;
    sawSubject = true;
    const verb = m[2] ?? '';
    const acted =
      isActionPast(verb) ||
      (DONE_ANYWAY.test(m[1] ?? '') && !NOT_ACTION_SET.has(verb)) ||
      phrasalAction(verb, text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (acted && !negatedAt(s, m.index + m[0].length - verb.length, 3)) return m.index;
  }
  // Chat drafts drop the subject: "Spotted the cert was expiring and renewed it."
  if (!sawSubject) {
    CLAUSE_VERB.lastIndex = 0;
    for (let m = CLAUSE_VERB.exec(text); m; m = CLAUSE_VERB.exec(text)) {
      const verb = m[1] ?? '';
      if (isActionPast(verb) && !NOT_A_CLAUSE_PAST.has(verb) && !negatedAt(s, m.index + m[0].length - verb.length, 3)) return m.index;
    }
  }
  if (!sawSubject && !SUBJECTLESS_START.test(text)) return -1;
  LATER_VERB.lastIndex = 0;
  for (let m = LATER_VERB.exec(text); m; m = LATER_VERB.exec(text)) {
    if (isActionPast(m[1] ?? '')) return m.index;
  }
  return -1;
}

// "went back to the supplier", "got it down to 5%", "asked legal to check": a plain verb made an action by what follows.
const WENT_ON = /^\s+(?:back|ahead|round|over|through|out)\b/;
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const GOT_IT_DONE = new RegExp(
  String.raw`^\s+(?:it|them|that|this|the\s+[\w-]+|everything)\s+` +
    String.raw`(?:down|up|back|fixed|sorted|moved|done|approved|signed|reduced|working|running|cancelled|refunded|replaced)\b`,
);
const DELEGATED = /^\s+(?!you\b|me\b|if\b|whether\b|about\b|for\b|around\b|myself\b|how\b|what\b|why\b)(?:[\w-]+\s+){1,2}to\s+(?!be\b)[a-z]/;

function phrasalAction(verb: string, after: string): boolean {
  if (verb === 'went') return WENT_ON.test(after);
  if (verb === 'got') return GOT_IT_DONE.test(after);
  if (verb === 'asked' || verb === 'told') return DELEGATED.test(after);
  return false;
}

function isActionPast(verb: string): boolean {
  if (NOT_ACTION_SET.has(verb)) return false;
  if (IRREGULAR.has(verb)) return true;
  return /^[a-z-]{3,}ed$/.test(verb) && !ENDS_IN_ED.has(verb);
}
