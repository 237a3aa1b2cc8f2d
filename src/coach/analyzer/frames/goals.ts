import type { Doc } from '../doc.js';
import { withNamesMasked } from '../names.js';
import { irrealisAt, negatedAt, quotedAt } from '../negation.js';
import { firstHit, hitsIn, matches, oneOf, re, type Hit } from '../pattern.js';
import { GOAL_STOPS, phraseAfter } from '../phrases.js';
import type { Sentence, Span } from '../sentences.js';
import { lastAtOrBefore } from '../sorted.js';
import { GOAL_CUE, GOAL_LINK, GOAL_LINK_AFTER, GOAL_TOPIC, INFORMATIONAL, SELF_GOAL } from './goal-vocabulary.js';
import { namesOtherObject, REQUIREMENT } from './requirements.js';

/**
 * Concrete career goals the writer ties to themselves (rubric `states_goal`, and the goal that
 * `asks_what_it_takes` and `links_goal_to_needs` refer to). A goal word ("senior", "a raise", "move
 * into data science") counts when something makes it the writer's: a lead-in before it ("I'd like
 * to", "talk about", "put me forward for", "what would it take"), words after it ("the team lead
 * goal"), wording that is the writer's by itself ("my promotion case"), or the next sentence
 * claiming it ("...the deputy role informally. I'd like that to be official.").
 */
export interface GoalMention {
  sentence: Sentence;
  /** Where the goal phrase starts (after its lead-in) and where the goal word starts and ends, sentence-relative. */
  from: number;
  cueStart: number;
  cueEnd: number;
  /** Not negated, hypothetical, reported or quoted: the writer states it. */
  asserted: boolean;
}

const CUE = re(GOAL_CUE);
const LINK = re(GOAL_LINK);
const TOPIC = re(GOAL_TOPIC);
const LINK_AFTER = re(GOAL_LINK_AFTER);
const SELF = re(SELF_GOAL);
const BLOCKS_LINK = re(INFORMATIONAL);
const LEADS = /^(?:lead|leading|run|running|own|owning|head|heading|spearhead|drive|driving|chair|chairing|manage|managing)\b/;
// Where a goal's lead-in cannot reach across: a new sentence-like unit inside the sentence.
const LEAD_IN_BOUNDARY = /[;!?]|\.\s|\s-+\s|\b(?:but|however|although|though|separately)\b/g;
// Cheap first looks: words every SELF_GOAL phrase, requirement question and LINK_AFTER phrase contains.
const SELF_WORDS = /my |promo|raise|moving|offer|not at|not for|not on/;
const REQUIREMENT_WORDS = /take|see|need|bar|gap|standard|missing|standing|short|expect|look|requir|criteria|how|what/;
const AFTER_WORDS = re(
  String.raw`\b` +
    oneOf([
      String.raw`goal|thing|conversation|discussion|idea|application|plan|dream|ambition`,
      String.raw`aspiration|question|over me|instead of me|mine|come through|comes through`,
      String.raw`happen|approved|materiali[sz]e|tracking|progressing|coming along|shaping up`,
      String.raw`realistic|possible for me|doable for me`,
      String.raw`i (?:most |really )?(?:want|'d like|would like|hope|need)`,
    ]) +
    String.raw`\b`,
);

// Several frames ask where the goal words are in a sentence: found once per sentence.
const cueCache = new WeakMap<Sentence, Hit[]>();

/** The concrete-goal words in a sentence (tied to the writer or not). */
export function goalCuesIn(s: Sentence): Hit[] {
  const cached = cueCache.get(s);
  if (cached) return cached;
  const hits = hitsIn(s, CUE);
  cueCache.set(s, hits);
  return hits;
}

/** Goal words from `from` on: the scan skips the part of the sentence no lead-in reaches. */
function cuesFrom(s: Sentence, from: number): Hit[] {
  const cached = cueCache.get(s);
  if (cached) return cached.filter((c) => c.index >= from);
  const found: Hit[] = [];
  CUE.lastIndex = from;
  for (let m = CUE.exec(s.text); m; m = CUE.exec(s.text)) {
    found.push({ index: m.index, end: m.index + m[0].length, text: m[0], groups: m });
    if (m[0].length === 0) CUE.lastIndex++;
  }
  return found;
}

function mayAskRequirement(s: Sentence): boolean {
  return s.question || REQUIREMENT_WORDS.test(s.text);
}

/** Every concrete goal the writer ties to themselves, asserted or not: a hypothetical goal still
 * makes "what would I need to show you?" a goal question. */
export function findGoalMentions(doc: Doc): GoalMention[] {
  const found: GoalMention[] = [];
  doc.sentences.forEach((s, i) => {
    const topics = hitsIn(s, TOPIC);
    const leadIns = hitsIn(s, LINK);
    const linked = topics.length > 0 || leadIns.length > 0;
    const selfHits = matches(s.text, SELF_WORDS) ? hitsIn(s, SELF) : [];
    const requirement = mayAskRequirement(s) && matches(s.text, REQUIREMENT) && !namesOtherObject(s.text);
    const claim = claimedNext(doc, i);
    const otherTie = selfHits.length > 0 || requirement || claim !== null;
    const afterWords = !otherTie && matches(s.text, AFTER_WORDS);
    // Nothing could tie a goal to the writer here: skip looking for goal words at all.
    if (!linked && !otherTie && !afterWords) return;
    const boundaries = linked ? hitsIn(s, LEAD_IN_BOUNDARY).map((h) => h.end) : [];
    // When only a lead-in can tie a goal, goal words before the first lead-in cannot count.
    const onlyAfterLinks = !otherTie && !afterWords;
    // Each list is in order: the first lead-in ends first.
    const cues = onlyAfterLinks ? cuesFrom(s, Math.min(topics[0]?.end ?? Infinity, leadIns[0]?.end ?? Infinity)) : goalCuesIn(s);
    for (const cue of [...cues, ...qualificationsIn(doc, s)]) {
      const leadIn = linkBefore(doc, s, cue.index, topics, leadIns, boundaries);
      // "I'd be keen to own the paid social piece" offers work; it does not name a project to lead as a goal.
      if (leadIn && /^(?:keen|eager)/.test(s.text.slice(leadIn.start, leadIn.end)) && LEADS.test(cue.text)) continue;
      // Hits do not overlap: only the first one ending at or after the cue can hold it.
      let self = selfHits[lastAtOrBefore(selfHits, (h) => h.end, cue.index - 1) + 1];
      if (self && self.index > cue.index) self = undefined;
      const after = matches(s.text.slice(cue.end), LINK_AFTER);
      if (!leadIn && !self && !after && !requirement && claim === null) continue;
      const from = leadIn ? leadIn.end : cue.index;
      const at = self ? self.index : cue.index;
      const asserted =
        (leadIn || self || after || requirement ? true : claim === true) &&
        !negatesGoal(s, at) &&
        !irrealisAt(s, at) &&
        !quotedAt(s, at) &&
        !(leadIn && negatesGoal(s, leadIn.start));
      found.push({ sentence: s, from, cueStart: cue.index, cueEnd: cue.end, asserted });
    }
  });
  return found;
}

// "I haven't earned a promotion yet", "I haven't had a raise in two years", "if I don't hear back about
// the pay review": not having it is no denial of wanting it.
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const NOT_YET_HAD = new RegExp(
  [
    String.raw`\b(?:haven'?t|hasn'?t|didn'?t|never|not yet|have not|has not)\s+` +
      String.raw`(?:yet\s+|ever\s+|actually\s+|even\s+)?(?:earned|got|gotten|been|had|received|reached|made|seen)\b`,
    String.raw`\bif (?:i|we) (?:don'?t|do not) (?:hear|get|receive|see)\b`,
  ].join('|'),
);

function negatesGoal(s: Sentence, at: number): boolean {
  return negatedAt(s, at) && !NOT_YET_HAD.test(s.text.slice(Math.max(0, at - 60), at + 12));
}

// The next sentence claims the goal by pronoun: "...the deputy role informally. I'd like that to be official." / "I've more than earned it."
const CLAIMS_IT = re(
  String.raw`\b` +
    oneOf([
      String.raw`i(?:'d| would) (?:really |also )?(?:like|love)`,
      String.raw`i (?:really )?want`,
      String.raw`i'?ve (?:more than |definitely |really )?earned`,
      String.raw`i (?:really )?deserve`,
      String.raw`i expect`,
      String.raw`i'?m (?:ready|after|aiming|going) for`,
      String.raw`i'?d welcome|make`,
    ]) +
    String.raw` (?:it|that|this|one)\b(?! (?:is|was|'s)\b)`,
);

/** Whether the next sentence claims a goal named here: true if asserted, false if negated or hypothetical, null if none. */
function claimedNext(doc: Doc, i: number): boolean | null {
  const next = doc.sentences[i + 1];
  if (!next) return null;
  const hit = firstHit(next, CLAIMS_IT);
  if (!hit) return null;
  return !negatedAt(next, hit.index) && !irrealisAt(next, hit.index);
}

// Qualifications written as acronyms ("get my NEBOSH", "apply for my TLR"): caught by their capitals in the original text.
const QUALIFICATION_VERB = re(
  String.raw`\b` +
    oneOf([
      String.raw`get|do|complete|finish|sit|pass|start|achieve|gain|earn|apply for|go for`,
      String.raw`study for|work towards?|working towards?|towards?|tracking towards?`,
      String.raw`progress on|for`,
    ]) +
    String.raw` (?:my|the|an?) ([a-z0-9&]{2,8})\b`,
);

// Capitals after "for my" that are not qualifications.
const NOT_QUALIFICATIONS = new Set(['PR', 'CV', 'API', 'KPI', 'KPIS', 'OKR', 'OKRS', 'ETA', 'FYI', 'HR', 'IT', 'QA', 'PM', 'AM', 'UK', 'US', 'EU']);

function qualificationsIn(doc: Doc, s: Sentence): Hit[] {
  // No two capitals in a row, no acronym: nothing to find.
  if (!/[A-Z]{2}/.test(doc.raw.slice(s.start, s.end))) return [];
  return hitsIn(s, QUALIFICATION_VERB).flatMap((h) => {
    const word = h.groups[1] ?? '';
    const at = h.end - word.length;
    const raw = doc.raw.slice(s.start + at, s.start + h.end);
    const qualification = /^[A-Z0-9&]+$/.test(raw) && /[A-Z].*[A-Z]/.test(raw) && !NOT_QUALIFICATIONS.has(raw);
    return qualification ? [{ index: at, end: h.end, text: word, groups: [] }] : [];
  });
}

/**
 * The last lead-in ("I'd like to", "talk about", "put me forward for") before the goal, if it
 * reaches it: of the lead-ins (`LINK`) if one does, else of the topics. Found by binary search in
 * each (hits and boundaries come in order), as a sentence may hold thousands of goal words.
 */
function linkBefore(doc: Doc, s: Sentence, at: number, topics: readonly Hit[], leadIns: readonly Hit[], boundaries: readonly number[]): Span | null {
  const from = Math.max(0, at - 110, boundaries[lastAtOrBefore(boundaries, (b) => b, at)] ?? 0);
  const lastIn = (hits: readonly Hit[]): Hit | undefined => {
    const h = hits[lastAtOrBefore(hits, (x) => x.end, at)];
    return h && h.index >= from ? h : undefined;
  };
  const hit = lastIn(leadIns) ?? lastIn(topics);
  if (!hit) return null;
  const last: Span = { start: hit.index, end: hit.end };
  const between = s.text.slice(last.end, at);
  if (wordCount(between) > 10) return null;
  if (matches(between, BLOCKS_LINK)) return null;
  if (namesSomeoneElse(doc, s, last.end, at) || someoneElseWants(doc, s, last.start)) return null;
  return last;
}

function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

// "I'd love to see Sam get promoted": a named person between the wish and the goal owns the goal.
function namesSomeoneElse(doc: Doc, s: Sentence, from: number, to: number): boolean {
  const raw = doc.raw.slice(s.start + from, s.start + to);
  return (
    /(?:^|\s)(?!I\b|I'|Q\d)\p{Lu}\p{Ll}+(?:'s)?\s+(?:get|gets|got|to|is|was|be|being|has|had|for)\b/u.test(raw) ||
    /\b(?:he|she|they|him|her|them)\b/.test(s.text.slice(from, to))
  );
}

// "Some people on my team want promotions": the wish belongs to the last subject before it.
const THIRD_PERSON = /\b(?:they|he|she|people|everyone|everybody|someone|somebody|others|colleagues|friends?|peers?|nobody)\b/i;
const CAPITALISED = /(?<![\p{L}'’])(?!I(?![\p{L}]))\p{Lu}/u;
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const SUBJECT = new RegExp(
  String.raw`\b` +
    oneOf([
      String.raw`(i|i'm|i'd|i've|i'll|we|we're|we'd)`,
      String.raw`they|he|she|people|everyone|everybody|someone|somebody|others|colleagues`,
      String.raw`friends?|peers?|nobody`,
      String.raw`(?<!\b(?:the|a|an|my|your|our|this|that|their|his|her|its) )zz+`,
    ]) +
    String.raw`\b`,
  'g',
);

function someoneElseWants(doc: Doc, s: Sentence, linkStart: number): boolean {
  // No third-person word before the wish, nothing to mask for: the writer's (the common case).
  const before = doc.raw.slice(s.start + Math.max(0, linkStart - 50), s.start + linkStart);
  if (!THIRD_PERSON.test(before) && !CAPITALISED.test(before)) return false;
  const masked = withNamesMasked(doc, s).text;
  const clause = lastClause(masked.slice(Math.max(0, linkStart - 50), linkStart));
  let writer = true;
  for (const m of clause.matchAll(SUBJECT)) writer = m[1] !== undefined;
  return !writer;
}

// The text after the last clause break: punctuation or a conjunction. Plain string search, as this runs per wish.
function lastClause(text: string): string {
  let from = 0;
  for (const mark of [',', ';', ':', '(']) from = Math.max(from, text.lastIndexOf(mark) + 1);
  for (const word of [' and ', ' but ', ' so ', ' because ', ' while ']) {
    const at = text.lastIndexOf(word);
    if (at >= 0) from = Math.max(from, at + word.length);
  }
  return text.slice(from);
}

/** The goal as a short phrase ("promoted to senior in the next cycle"), sentence-relative: worked out only for the goal reported. */
export function goalPhrase(mention: GoalMention): Span {
  const { from, cueEnd } = mention;
  const text = mention.sentence.text;
  let span = phraseAfter(text, from, 12, GOAL_STOPS);
  // The lead-in's phrase broke off before the goal word ("the goal we agreed in March (me moving
  // to..."): the goal starts at the goal word.
  let start = from;
  if (!span || span.end < mention.cueStart) {
    span = phraseAfter(text, mention.cueStart, 12, GOAL_STOPS);
    start = mention.cueStart;
  }
  if (span) start = span.start;
  let end = Math.max(span ? span.end : cueEnd, cueEnd);
  // Drop the glue between the lead-in and the goal: "to be promoted" -> "promoted".
  const lead = /^(?:(?:is|was|would be|are)\s+)?(?:(?:about|for|to|on|at|into|of)\s+)?(?:(?:be|get|getting|being)\s+(?=promoted|put|considered|made))?/.exec(
    text.slice(start, end),
  );
  if (lead) start += lead[0].length;
  if (end <= start) end = cueEnd;
  // "the lead role more than anyone here", "the lead role over me", "at this point": comparisons
  // and asides are not part of the goal.
  // From the start of a run of spaces only: retried inside a long run, `\s+` would read the rest of it each time.
  const comparison = /(?<!\s)\s+(?:(?:more|better|rather|sooner) than|over me|instead of me|at this point|at the moment|right now|by now)\b/.exec(
    text.slice(start, end),
  );
  if (comparison && start + comparison.index >= cueEnd) end = start + comparison.index;
  return { start, end };
}
