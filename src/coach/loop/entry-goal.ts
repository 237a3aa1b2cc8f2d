import { analyze } from '../analyzer/index.js';
import type { CheckId } from '../rubric.js';
import { isPromise } from './entry-commitments.js';
import { cuePattern } from './entry-cues.js';
import type { EntryReading, Relation } from './entry-reading-schema.js';
import { namesOf, type Segment } from './speakers.js';

/** What the goal's coming up is read from: the entry, its speakers, the user's checks, and the goal the user keeps. */
export interface GoalInput {
  text: string;
  folded: string;
  segments: readonly Segment[];
  checks: EntryReading['checks'];
  relation: Relation;
  name: string;
  goal?: string | null | undefined;
}

const CAREER_WORDS = new RegExp(
  String.raw`\b(?:want\w*|like to|love to|hop(?:e|ing)|aim\w*|plan\w*|goals?|aspir\w*|dream\w*|keen|interest\w*` +
    String.raw`|promot\w*|promo|senior|staff|principal|career\w*|title|raise|level|role|grow\w*)\b`,
  'i',
);
/** The user's moves that put the goal on the table (step 4), a vague one included. */
const GOAL_CHECKS: readonly CheckId[] = ['states_goal', 'links_goal_to_needs', 'asks_what_it_takes', 'vague_goal'];
/** The other side's moves, read in manager mode, that engage with the user's goal. */
const ENGAGING_MOVES: readonly CheckId[] = ['asks_about_goals', 'clarifies_expectations', 'offers_partnership', 'names_stretch_work'];
// Where one exchange of a note ends: a blank line, or the next bullet.
const BLOCK_END = /\n[ \t]*(?:\n|[-*\u2022\u00b7+>][ \t]|\d{1,2}[.)][ \t])/g;
/** How many of the other person's pieces after the goal came up are read as their answer. */
const ANSWER_PIECES = 4;

/**
 * Did the other person engage with the user's goal when it came up? Null when it did not come up,
 * or when their answer is not in the entry (a message sent, with no reply yet). The goal comes up
 * when the user's words make a step-4 move or tell of raising it ("asked about the supervisor
 * course", "told her I want to go for the deputy role"), or the other person names it or asks
 * about it. Their answer is what follows in the same exchange (the bullet, the paragraph): a plan,
 * a requirement, support, a promise or a real question engages; putting it off, waving it away,
 * changing the subject or not answering does not, unless they also promised something for it.
 */
export function goalEngaged({ text, folded, segments, checks, relation, name, goal }: GoalInput): boolean | null {
  const names = namesOf(name).words;
  const raisedCue = cuePattern('goalRaised', names);
  const notRaised = cuePattern('goalNotRaised');
  const engagedCue = cuePattern('engaged', names);
  const deflectedCue = cuePattern('deflected', names);
  const promised = cuePattern('promiseReported', names);
  const promisedFirst = cuePattern('promiseFirst');
  // A step-4 move whose words speak of wanting or of a career (an offer to "run the interview loops" read as a goal does not count).
  const goalQuotes = checks
    .filter((c) => GOAL_CHECKS.includes(c.id))
    .flatMap((c) => c.evidence)
    .filter((q) => CAREER_WORDS.test(q) && !notRaised.test(q.toLowerCase()));
  const goalWords = contentWords(goal ?? '');

  let raisedAt = Number.POSITIVE_INFINITY;
  let raisedEnd = Number.POSITIVE_INFINITY;
  for (const q of goalQuotes) raisedAt = Math.min(raisedAt, text.indexOf(q));
  for (const s of segments) {
    if (s.start >= raisedAt) break;
    const f = folded.slice(s.start, s.end);
    const mentionsGoal = goalWords.size > 0 && [...contentWords(f)].filter((w) => goalWords.has(w)).length >= Math.max(1, Math.ceil(goalWords.size / 2));
    // A report's own goal, told by them, is not the user's.
    const byUser = s.speaker === 'me' || (s.speaker === 'none' && relation !== 'report');
    const raised = (byUser || (s.speaker === 'them' && relation !== 'report')) && raisedCue.exec(f);
    // Asking about the user's goals is raising them; only a question, or words of wanting or careers, can be one.
    const words = text.slice(s.quoteStart, s.end);
    const mayAsk = s.speaker === 'them' && relation !== 'report' && (words.includes('?') || CAREER_WORDS.test(words));
    const asked = mayAsk && analyze(words, 'manager', undefined, null).checks.asks_about_goals?.present === true;
    if (raised && !notRaised.test(f.slice(0, raised.index + raised[0].length)) && s.start + raised.index < raisedAt) {
      raisedAt = s.start + raised.index;
      raisedEnd = raisedAt + raised[0].length;
    } else if ((mentionsGoal && s.speaker !== 'none') || asked) raisedAt = Math.min(raisedAt, s.start);
  }
  if (!Number.isFinite(raisedAt)) return null;

  // The answer: the other person's words (and the scene's) after the goal came up, in the same exchange.
  let blockEnd = text.length;
  for (const m of text.matchAll(BLOCK_END)) {
    if (m.index > raisedAt) {
      blockEnd = m.index;
      break;
    }
  }
  const raising = segments.find((s) => s.start <= raisedAt && raisedAt < s.end);
  // What a message tells of the other person's words ("you said it's not the right time") is no answer to it.
  let mineUntil = -1;
  const later: Segment[] = [];
  for (const s of segments) {
    const nested = s.speaker !== 'me' && s.end <= mineUntil;
    if (s.speaker === 'me') mineUntil = Math.max(mineUntil, s.end);
    if (!nested && s.start >= (raising?.end ?? raisedAt)) later.push(s);
  }
  // Their answer ends where the user speaks again ("I said I'd get the backlog down…" starts another exchange).
  let cut = later.length;
  let answered = false;
  for (const [i, s] of later.entries()) {
    if (s.speaker !== 'me') answered = true;
    else if (answered) {
      cut = i;
      break;
    }
  }
  const after = later
    .slice(0, cut)
    .filter((s) => s.speaker !== 'me')
    .slice(0, ANSWER_PIECES);
  const inBlock = after.filter((s) => s.start < blockEnd);
  // A transcript or a pasted reply answers below: the other person's first turn after the goal, wherever it is.
  const turnAt = later.findIndex((s) => s.speaker === 'them');
  const turnEnd = later.findIndex((s, i) => i > turnAt && s.speaker !== 'them');
  const firstTurn = turnAt < 0 ? [] : later.slice(turnAt, turnEnd < 0 ? undefined : turnEnd).slice(0, ANSWER_PIECES);
  const answer = inBlock.length > 0 ? inBlock : firstTurn;
  const theirs = [...(raising?.speaker === 'them' ? [raising] : []), ...answer.filter((s) => s.speaker === 'them')];
  // The rest of the raising piece counts too ("asked abt the course again, 'not now'"); the user's own words, only to put it off.
  const rest = raising ? folded.slice(raising.speaker === 'me' ? Math.min(raisedEnd, raising.end) : raisedAt, raising.end) : '';
  const words = answer.map((s) => folded.slice(s.start, s.end));
  const theirText = theirs.map((s) => text.slice(s.quoteStart, s.end)).join('\n');
  const engagingMove =
    relation !== 'report' && theirText !== '' ? ENGAGING_MOVES.some((id) => analyze(theirText, 'manager', undefined, null).checks[id]?.present) : false;
  // A promise of theirs for it: "he'll have a word with the director", "'I'll talk to her in Jan'" (not "we'll see").
  const promise = theirs.some((s) => {
    const from = Math.max(s.start, raisedAt);
    const f = folded.slice(from, s.end);
    const quoted = /['"]/.test(f) || !s.reported;
    return [promised, ...(quoted ? [promisedFirst] : [])].some((p) =>
      [...f.matchAll(new RegExp(p.source, 'g'))].some((m) =>
        isPromise(f.slice(m.index + m[0].length), folded.slice(Math.max(0, from + m.index - 40), from + m.index)),
      ),
    );
  });
  const engaged = promise || engagingMove || [...words, ...(raising?.speaker === 'me' ? [] : [rest])].some((w) => engagedCue.test(w));
  const deflected = [...words, rest].some((w) => deflectedCue.test(w));
  if (deflected) return promise;
  // They brought the user's goal up themselves ("the director asked about you for the lead role"): engaging with it.
  if (engaged || raising?.speaker === 'them') return true;
  // They answered, with nothing about the goal: the goal was passed over.
  return answer.length > 0 ? false : null;
}

const STOP = new Set(
  'a an the and or but to of in on for with at by from is are was were be been it this that so if as do my your i me we you our want would like be'.split(' '),
);
function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w)));
}
