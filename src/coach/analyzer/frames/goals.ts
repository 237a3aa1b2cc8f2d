import type { Doc } from '../doc.js';
import { irrealisAt, negatedAt, quotedAt } from '../negation.js';
import { hitsIn, matches, re, type Hit } from '../pattern.js';
import { GOAL_STOPS, phraseAfter } from '../phrases.js';
import type { Sentence, Span } from '../sentences.js';
import { AGREED_GOAL, GOAL_CUE, GOAL_LINK, GOAL_LINK_AFTER, INFORMATIONAL, SELF_GOAL, VAGUE_GROWTH } from './goal-vocabulary.js';
import { REQUIREMENT } from './requirements.js';

/** A concrete career goal tied to the writer, and whether they assert it (not negated or hypothetical). */
export interface GoalMention {
  sentence: Sentence;
  /** The goal phrase, sentence-relative. */
  phrase: Span;
  asserted: boolean;
}

const CUE = re(GOAL_CUE);
const LINK = re(GOAL_LINK);
const LINK_AFTER = re(GOAL_LINK_AFTER);
const SELF = re(SELF_GOAL);
const BLOCKS_LINK = re(INFORMATIONAL);
// Where a goal's lead-in cannot reach across: a new sentence-like unit inside the sentence.
const LEAD_IN_BOUNDARY = /[;!?]|\.\s|\s-+\s|\b(?:but|however|although|though|separately)\b/g;

/** Every concrete goal the writer ties to themselves, asserted or not (a hypothetical goal still makes "what would I need to show you?" a goal question). */
export function findGoalMentions(doc: Doc): GoalMention[] {
  const found: GoalMention[] = [];
  doc.sentences.forEach((s, i) => {
    const selfHits = hitsIn(s, SELF);
    const requirement = matches(s.text, REQUIREMENT);
    const claim = claimedNext(doc, i);
    for (const cue of [...hitsIn(s, CUE), ...qualificationsIn(doc, s)]) {
      const leadIn = linkBefore(doc, s, cue.index);
      const self = selfHits.find((h) => h.index <= cue.index && h.end >= cue.index);
      const after = matches(s.text.slice(cue.end), LINK_AFTER);
      if (!leadIn && !self && !after && !requirement && claim === null) continue;
      const from = leadIn ? leadIn.end : cue.index;
      const at = self ? self.index : cue.index;
      const asserted =
        (leadIn || self || after || requirement ? true : claim === true) &&
        !negatesGoal(s.text, at) &&
        !irrealisAt(s.text, at) &&
        !quotedAt(s.text, at) &&
        !(leadIn && negatesGoal(s.text, leadIn.start));
      found.push({ sentence: s, phrase: goalPhrase(s.text, from, cue.end), asserted });
    }
  });
  return found;
}

// "I haven't earned a promotion yet", "I haven't had a raise in two years": not having it is no denial of wanting it.
const NOT_YET_HAD = /\b(?:haven'?t|hasn'?t|didn'?t|never|not yet|have not|has not)\s+(?:yet\s+|ever\s+|actually\s+|even\s+)?(?:earned|got|gotten|been|had|received|reached|made|seen)\b[^,;.]*$/;

function negatesGoal(text: string, at: number): boolean {
  return negatedAt(text, at) && !NOT_YET_HAD.test(text.slice(Math.max(0, at - 60), at));
}

// The next sentence claims the goal by pronoun: "...the deputy role informally. I'd like that to be official." / "I've more than earned it."
const CLAIMS_IT = re(
  String.raw`\b(?:i(?:'d| would) (?:really |also )?(?:like|love)|i (?:really )?want|i'?ve (?:more than |definitely |really )?earned|i (?:really )?deserve|i expect|i'?m (?:ready|after|aiming|going) for|i'?d welcome|make) (?:it|that|this|one)\b(?! (?:is|was|'s)\b)`,
);

/** Whether the next sentence claims a goal named here: true if asserted, false if negated or hypothetical, null if none. */
function claimedNext(doc: Doc, i: number): boolean | null {
  const next = doc.sentences[i + 1];
  if (!next) return null;
  const hit = hitsIn(next, CLAIMS_IT)[0];
  if (!hit) return null;
  return !negatedAt(next.text, hit.index) && !irrealisAt(next.text, hit.index);
}

// Qualifications written as acronyms ("get my NEBOSH", "apply for my TLR"): caught by their capitals in the original text.
const QUALIFICATION_VERB = re(
  String.raw`\b(?:get|do|complete|finish|sit|pass|start|achieve|gain|earn|apply for|go for|study for|work towards?|working towards?) (?:my|the|an?) ([a-z0-9&]{2,8})\b`,
);

function qualificationsIn(doc: Doc, s: Sentence): Hit[] {
  return hitsIn(s, QUALIFICATION_VERB).flatMap((h) => {
    const word = h.groups[1] ?? '';
    const at = h.end - word.length;
    const raw = doc.raw.slice(s.start + at, s.start + h.end);
    return /^[A-Z0-9&]+$/.test(raw) && /[A-Z].*[A-Z]/.test(raw) ? [{ index: at, end: h.end, text: word, groups: [] }] : [];
  });
}

/** The last lead-in ("I'd like to", "talk about", "put me forward for") before the goal, if it reaches it. */
function linkBefore(doc: Doc, s: Sentence, at: number): Span | null {
  let from = Math.max(0, at - 110);
  LEAD_IN_BOUNDARY.lastIndex = 0;
  for (let m = LEAD_IN_BOUNDARY.exec(s.text); m && m.index < at; m = LEAD_IN_BOUNDARY.exec(s.text)) {
    from = Math.max(from, m.index + m[0].length);
  }
  const window = s.text.slice(from, at);
  let last: Span | null = null;
  for (const h of hitsIn({ ...s, text: window }, LINK)) last = { start: from + h.index, end: from + h.end };
  if (!last) return null;
  const between = s.text.slice(last.end, at);
  if (between.split(/\s+/).filter(Boolean).length > 10) return null;
  if (matches(between, BLOCKS_LINK)) return null;
  if (namesSomeoneElse(doc, s, last.end, at)) return null;
  return last;
}

// "I'd love to see Sam get promoted": a named person between the wish and the goal owns the goal.
function namesSomeoneElse(doc: Doc, s: Sentence, from: number, to: number): boolean {
  const raw = doc.raw.slice(s.start + from, s.start + to);
  return /(?:^|\s)(?!I\b|I'|Q\d)\p{Lu}\p{Ll}+(?:'s)?\s+(?:get|gets|got|to|is|was|be|being|has|had|for)\b/u.test(raw) || /\b(?:he|she|they|him|her|them)\b/.test(s.text.slice(from, to));
}

function goalPhrase(text: string, from: number, cueEnd: number): Span {
  const span = phraseAfter(text, from, 12, GOAL_STOPS);
  let start = span ? span.start : from;
  let end = Math.max(span ? span.end : cueEnd, cueEnd);
  // Drop the glue between the lead-in and the goal: "to be promoted" -> "promoted".
  const lead = /^(?:(?:is|was|would be|are)\s+)?(?:(?:about|for|to|on|at|into|of)\s+)?(?:(?:be|get|getting|being)\s+(?=promoted|put|considered|made))?/.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  if (end <= start) end = cueEnd;
  return { start, end };
}

/** The writer asks for growth in general words (`vague_goal` when no concrete or agreed goal is named). */
export function findGrowthAsks(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) => {
    if (!s.question && !matches(s.text, ASKS_OR_WANTS)) return false;
    return hitsIn(s, VAGUE).some((h) => !negatedAt(s.text, h.index) && !irrealisAt(s.text, h.index));
  });
}

const VAGUE = re(VAGUE_GROWTH);
const ASKS_OR_WANTS = re(
  String.raw`\b(?:want|wanna|'?d like|would like|'?d love|would love|(?:'?d|would) (?:really |also )?(?:like|love)|expect|keen|eager|hoping|hope|ready for|ready to|value|talk|chat|discuss|conversation|interested|looking for|help me|thinking about|thinking a lot|think about|wondering|plateau\w*|stagnat\w+|stuck)\b`,
);

const AGREED = re(AGREED_GOAL);

/** The text refers to a goal the two already agreed, so growth talk there is not vague. */
export function refersToAgreedGoal(doc: Doc): boolean {
  return matches(doc.folded, AGREED);
}
