import { alt } from './pattern.js';

/*
 * Vocabulary shared by several frames, as pattern sources for folded text (see `re`). Chat drafts
 * drop apostrophes ("im", "ill"), so first-person contractions take them as optional.
 */

/** The writer as subject of a commitment ("I'll", "I'm going to"); "we" is the writer with the team. */
export const I_WILL = String.raw`\b(?:i'?ll|i will|we'll|we will|i'?m going to|i am going to|i'?m gonna|we're going to)`;

/** Willing, glad, able: the adjectives of an offer ("happy to", "more than happy to"). */
export const WILLING = String.raw`(?:(?:more than |really |very |totally |absolutely |super |so )?(?:happy|glad|keen|willing|able|available|free|eager|ready|delighted|up for it|open) to)`;

/** Verbs for taking on a piece of work, base form ("take on the triage", "own the rollout"). */
const TAKE_VERBS = [
  'take', 'take on', 'take over', 'take care of', 'take charge of', 'take the lead on', 'take the lead for',
  'take point on', 'take ownership of', 'pick up', 'own', 'handle', 'cover', 'run', 'lead', 'drive',
  'tackle', 'look after', 'absorb', 'manage', 'coordinate', 'organize', 'organise', 'write', 'draft',
  'put together', 'set up', 'deal with', 'field', 'grab', 'jump on', 'jump in on', 'step in on',
  'step in for', 'help with', 'help out with', 'help on', 'help out on', 'chip in on', 'pitch in on',
  'pitch in with', 'support', 'spearhead', 'chase', 'triage', 'fix', 'investigate', 'look into',
  'dig into', 'review', 'prepare', 'build', 'ship', 'finish', 'migrate', 'mentor', 'onboard', 'train',
  'document', 'clean up', 'sort out', 'shepherd', 'host', 'facilitate', 'present', 'cover for',
  'fill in for', 'fill in on', 'represent', 'be the point person for', 'be the point person on',
  'be point on', 'be the owner of', 'be the dri for', 'be on point for', 'work on', 'do the', 'do some',
  'do a', 'do all', 'do any', 'do that for you', 'do it for you', 'automate', 'refactor', 'rewrite', 'plan',
  'update', 'maintain', 'recruit', 'hire', 'streamline', 'untangle', 'wrangle', 'babysit', 'shoulder',
  'carry', 'head up', 'keep an eye on', 'monitor', 'sit in on', 'stand in for', 'polish', 'proofread',
  'lend a hand with', 'give you a hand with', 'give you a hand', 'lend a hand', 'take some of',
  'teach', 'second', 'chair', 'deputise', 'deputize', 'be the one to', 'be the one who', 'help', 'help out',
  'pull together', 'compile', 'collate', 'gather', 'redo', 'refresh', 'roll out', 'roll it out', 'roll them out',
  'keep it going', 'keep them going', 'carry on with', 'continue', 'do it', 'do that', 'do them', 'do this',
  'stay late', 'come in early', 'work late', 'work the weekend', 'put in extra hours', 'sort', 'rework',
  'tidy up', 'arrange', 'book', 'order', 'source', 'schedule', 'chase up', 'pick that up', 'pick it up', 'pick this up',
  'pick them up', 'restructure', 'reorganise', 'reorganize', 'audit', 'check', 'test', 'run point on',
] as const;

/** The same verbs after "I'll", "I've", "I'm": base, past and -ing forms by rule, plus irregulars. */
export const TAKE_ANY_FORM = alt([
  ...TAKE_VERBS,
  'took', 'taken', 'taking', 'picked up', 'picking up', 'owned', 'owning', 'handled', 'handling', 'covered',
  'covering', 'ran', 'running', 'led', 'leading', 'drove', 'driving', 'tackled', 'tackling', 'wrote',
  'written', 'writing', 'drafted', 'drafting', 'put together', 'putting together', 'set up', 'setting up',
  'dealt with', 'fixed', 'fixing', 'looked into', 'looking into', 'reviewed', 'reviewing', 'prepared',
  'preparing', 'built', 'building', 'shipped', 'finished', 'finishing', 'migrated', 'documented',
  'cleaned up', 'sorted out', 'working on', 'worked on', 'doing the', 'updated', 'updating', 'organized',
  'organised', 'training', 'coordinating', 'took over', 'taking over', 'took on', 'taking on',
]);

/** One verb of taking work, as a whole word. */
export const TAKE_VERB = String.raw`\b(?:${TAKE_ANY_FORM})\b`;

/** Help for the manager that is not a named task: "off your plate", "free you up". */
export const RELIEF = String.raw`(?:off (?:of )?your (?:plate|hands|desk|list|shoulders|back)|(?:lighten|lessen|reduce|share|ease) (?:your|the) (?:load|workload|burden)|free (?:you|up your time|up some of your time)|gives? you (?:some |more |an hour |a day )?(?:time |capacity |bandwidth |headroom )?back|(?:a )?(?:second|spare|another|extra) pair of hands|save you (?:some )?time|so (?:that )?you (?:don't have to|won't have to|have more time|can focus)|make your (?:life|job|week|day) easier|(?:an )?extra (?:pair of )?hands|(?:some )?extra (?:capacity|bandwidth))`;
/** What help saves the manager, said as its result ("one less thing for you", "you'd get your evenings back"). */
export const SAVES_MANAGER = String.raw`\b(?:one less (?:thing|job|task)|(?:take|takes|taking) (?:some )?(?:pressure|load|weight|work) off you|saves? you|free(?:s)? you up|you'?d (?:get|have) (?:your|some|more|one less)|off your (?:plate|hands|desk))\b`;
/** The manager putting the writer on a course or programme: "if you got me on the course". */
export const GETS_ME_ON = String.raw`if you (?:could |can |would |'d )?(?:get|got|put|send|sent|book|booked|enrol+|enrol+ed|sign|signed|pay for|paid for|fund|funded) me`;


/** Conditions that turn an offer or a commitment into a bargain ("only if", "if you give me"). */
export const BARGAIN = String.raw`(?:\bonly if\b|\bonly when\b|\bnot unless\b|\bunless (?:i|you)\b|\bas long as\b|\bprovided (?:that )?\b|\bon (?:the )?condition\b|\bin exchange for (?:a|the|my|me|more|being)\b|\bassuming (?:i|you) (?:get|give)\b|\bif (?:you|i|we) (?:can )?(?:give|get(?! (?:a (?:sec|second|minute|moment|chance)|the chance|(?:a )?(?:bit of )?time|round|around)\b)|promote|pay|make me|let me|bump|approve|guarantee|agree to (?:give|promote|pay|make))\b|\bif (?:there's|there is) (?:a|some) (?:raise|bonus|promotion|title)\b|\bif (?:i'm|i am) (?:paid|compensated|promoted|given)\b|\bfirst (?:i need|you need to|give me))`;

/** A third party: a colleague, another team or department (not the writer, not the manager). */
export const OTHER_TEAM = String.raw`(?:(?:the|that|this) other teams?|other teams|another team|(?:the|that|those|our) (?:[a-z][a-z-]+ ){1,2}(?:team|squad|group|folks|people|guys|org|department|dept|vendor|contractors?)|(?:marketing|sales|design|product|qa|ops|devops|legal|finance|hr|support|infra|platform|security|data|leadership|management|engineering|the designers|the pms?|the vendor|the contractors?|the client|the customer)(?: team)?)`;

/** A manager recalling the employee's own aims: "you've said", "you'd like", "your goal". */
export const THEIR_AIMS = String.raw`\b(?:you(?:'ve| have)? (?:said|mentioned|told me)|you(?: want|'d like| would like|'re (?:aiming|after|keen|hoping))|wanting to|you asked about|like you asked|your (?:goal|aspiration|ambition|promotion|development))\b`;
