import { foldText } from '../analyzer/fold.js';
import { readTurnOffline } from '../reading/read-turn.js';
import type { CheckId, Mode } from '../rubric.js';
import { commitmentsOf } from './entry-commitments.js';
import { cuePattern, type EntryCueId } from './entry-cues.js';
import { goalEngaged } from './entry-goal.js';
import type { EntryKind, EntryReading, Relation } from './entry-reading-schema.js';
import { namesOf, splitSpeakers, type Segment } from './speakers.js';

/** What a reader of an entry is given: the entry, and who it is with. */
export interface EntryInput {
  text: string;
  kind: EntryKind;
  /** When the conversation happened, epoch ms: "by Friday" counts from here. */
  at: number;
  relation: Relation;
  /** The other person's name, as the user gave it. */
  name: string;
  /** The goal the user keeps for this relationship, if any: the other side naming it is the goal coming up. */
  goal?: string | null | undefined;
}

/** The user writes as the manager to a report; as the employee to everyone else. */
export const modeFor = (relation: Relation): Mode => (relation === 'report' ? 'manager' : 'employee');

const NARRATED_MOVES: ReadonlyArray<[EntryCueId, CheckId]> = [
  ['narratedOffer', 'offers_help'],
  ['narratedCommit', 'commits_to_task'],
  ['narratedGoal', 'states_goal'],
  ['narratedWhatItTakes', 'asks_what_it_takes'],
  ['narratedFeedbackAsk', 'asks_for_feedback'],
];

const slice = (text: string, s: Pick<Segment, 'start' | 'end'>) => text.slice(s.start, s.end);
/** A quote as shown: no conjunction or punctuation at its edges, still a verbatim slice. */
function quote(text: string, from: number, to: number): string {
  const raw = text.slice(from, to);
  const lead = /^(?:[\s"'([{,;:\-\u2013\u2014]|(?:and|but|so|also|that|then|honestly|basically|well|ok|okay)(?=[\s,]))+/i.exec(raw)?.[0].length ?? 0;
  return raw
    .slice(lead)
    .replace(/[\s"')\]},;:.!?\-\u2013\u2014]+$/u, '')
    .trim();
}

/**
 * The offline reading of a journal entry: who said what (`splitSpeakers`), the rubric checks of the
 * user's own words read turn by turn after the other person's last words (the rehearsal's turn
 * reader), the other person's needs and feedback quoted in their words, promises on both sides with
 * their dates resolved against the entry's time, and whether the other person engaged with the
 * user's goal once it came up. Deterministic, and every quote is a slice of `text`.
 */
export function readEntryOffline(input: EntryInput): EntryReading {
  const { text } = input;
  const mode = modeFor(input.relation);
  const folded = foldText(text);
  const segments = splitSpeakers(text, input.kind, input.name).sort((a, b) => a.start - b.start);
  const names = namesOf(input.name).words;

  // A message is one turn of the user's: what it reports of the other person is part of it.
  const checks = userChecks(text, folded, input.kind === 'message' ? segments.filter((s) => s.speaker === 'me') : segments, mode);
  const { needs, feedback } = theirNeedsAndFeedback(text, folded, segments, names);

  return {
    checks,
    needs,
    commitments: commitmentsOf({ text, folded, segments, at: input.at, name: input.name }),
    feedback,
    goalEngaged: goalEngaged({ text, folded, segments, checks, relation: input.relation, name: input.name, goal: input.goal }),
    source: 'analyzer',
  };
}

// Where one thing the other person said ends and the next begins, within a sentence of theirs:
// "worried about the budget; needs the numbers by Friday", "…, so she needs…", "… and wants me to…".
const CLAUSE_BREAK = new RegExp(
  String.raw`;\s*|\s[\u2014\u2013-]\s|\s->\s|,\s(?=but\s)|\s(?=and that\s)|,?\s(?=so (?:she|he|they|we) )|,\s(?=(?:and ` +
    String.raw`|but )?(?:she|he|they) (?:needs?|wants?|said|says|asked|is worried|'s worried)\b)|\s(?=and (?:(?:she|he` +
    String.raw`|they) )?(?:needs|wants|asked me|is worried|'s worried)\b)`,
  'g',
);

/**
 * The other person's needs and the feedback they gave, each quoted in their words: their pieces,
 * clause by clause, by the vocabulary of `entry-cues.ts` (a line labelled "fb:" is feedback
 * whatever its words). What reads as feedback on the user's work is not also a need.
 */
function theirNeedsAndFeedback(text: string, folded: string, segments: readonly Segment[], names: readonly string[]) {
  const needPattern = cuePattern('need', names);
  const feedbackPattern = cuePattern('feedback', names);
  const pressure = cuePattern('pressureOnThem');
  const promise = cuePattern('promiseReported', names);
  const takenUp = cuePattern('takenUp');
  const themSubject = cuePattern('themSubject', names);
  const needs: string[] = [];
  const feedback: string[] = [];
  for (const s of segments) {
    // Told as scene-setting, pressure from above on them is still theirs ("the board have asked him to cut costs").
    if (s.speaker === 'none' && pressure.test(folded.slice(s.start, s.end))) needs.push(quote(text, s.start, s.end));
    if (s.speaker !== 'them') continue;
    const from = s.quoteStart;
    const cuts = [from, ...[...folded.slice(from, s.end).matchAll(CLAUSE_BREAK)].flatMap((m) => [from + m.index, from + m.index + m[0].length]), s.end];
    // Praise run on past a dash is one piece of feedback: "this is really clear - the table on p3 is exactly what…".
    let praising: number | undefined;
    // A few words before a dash name what follows: "New-hire training - yes please".
    let topic: number | undefined;
    for (let i = 0; i + 1 < cuts.length; i += 2) {
      const [start, end] = [cuts[i] as number, cuts[i + 1] as number];
      const gap = folded.slice(cuts[i - 1] ?? start, start);
      // "fb: … running late too often -> look at it": what follows an arrow is the user's own note, unless it names them.
      if (gap.includes('->') && !themSubject.test(folded.slice(start, end))) break;
      const dashed = /^[;\s\u2014\u2013-]+$/.test(gap);
      if (!dashed) praising = topic = undefined;
      const said = theirWords(folded.slice(start, end), s.reported);
      const q = quote(text, start, end);
      if (q === '' || /^(?:none|nothing|n\/a|-)$/i.test(q) || (s.topic !== undefined && !/\s/.test(q))) continue;
      // Taking up an offer ("that would be a huge help") is a need, however warmly put.
      const accepting = takenUp.test(said);
      if (s.topic === 'feedback' || (s.topic !== 'need' && !accepting && feedbackPattern.test(said))) {
        if (praising !== undefined) feedback.pop();
        praising ??= start;
        feedback.push(quote(text, praising, end));
        continue;
      }
      praising = undefined;
      // A promise of theirs is not a need of theirs ("she'll ask finance if I can use the spare laptop").
      const promised = promise.exec(said);
      if (s.topic === 'need' || accepting || (needPattern.test(said) && promised?.index !== 0)) needs.push(quote(text, topic ?? start, end));
      topic = said.trim().split(/\s+/).length <= 4 ? start : undefined;
    }
  }
  return { needs: unique(needs), feedback: unique(feedback) };
}

/**
 * The other person's words as they would have said them. Told by the user ("she said I need to be
 * more visible"), "I" is the user: read as "you", so it is feedback rather than a need of theirs.
 */
function theirWords(folded: string, reported: boolean): string {
  if (!reported) return folded;
  // Their own words quoted ("she said 'I don't think it's the right time'") keep their "I".
  const open = /(?:^|[\s:,])['"](?=\S)/.exec(folded);
  const cut = open ? open.index + open[0].length : folded.length;
  return folded.slice(0, cut).replace(/\b(?:i'm|i am|i've|i'd|i'll|i|me|my|mine|myself)\b/g, (w) => FIRST_TO_SECOND[w] ?? 'you') + folded.slice(cut);
}
const FIRST_TO_SECOND: Record<string, string> = {
  "i'm": "you're",
  'i am': 'you are',
  "i've": "you've",
  "i'd": "you'd",
  "i'll": "you'll",
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
};

const unique = (items: readonly string[]) => [...new Set(items.filter((i) => i !== ''))];

/** The user's words as turns (runs of their segments), each read after the other person's last words. */
function userChecks(text: string, folded: string, segments: readonly Segment[], mode: Mode): EntryReading['checks'] {
  const found = new Map<CheckId, string[]>();
  const add = (id: CheckId, evidence: readonly string[]) => {
    const kept = found.get(id) ?? [];
    // The same words quoted twice (by the turn reader and as narration) are one piece of evidence.
    const fresh = evidence.filter((q) => !kept.some((k) => k.includes(q) || q.includes(k)));
    if (fresh.length > 0) found.set(id, [...kept, ...fresh]);
  };
  let previous: string | undefined;
  let turn: Segment[] = [];
  let n = 0;
  const flush = () => {
    if (turn.length === 0) return;
    n += 1;
    const reading = readTurnOffline(turn.map((s) => slice(text, s)).join('\n'), mode, previous, n);
    for (const check of reading.checks)
      add(
        check.id,
        check.evidence.filter((q) => text.includes(q)),
      );
    turn = [];
  };
  // Notes tell the user's moves in the past tense; the analyzer reads moves as they are made.
  if (mode === 'employee') {
    for (const s of segments.filter((seg) => seg.speaker === 'me' && seg.reported)) {
      const f = folded.slice(s.start, s.end).replace(/^(?:(?:so|then|and|also|today|afterwards|later|finally|first|next|when|after|once|as),? )+/, '');
      for (const [cue, id] of NARRATED_MOVES) if (cuePattern(cue).test(f)) add(id, [quote(text, s.start, s.end)]);
    }
  }
  for (const s of segments) {
    if (s.speaker === 'me') turn.push(s);
    else if (s.speaker === 'them') {
      flush();
      previous = slice(text, s);
    }
  }
  flush();
  return [...found].map(([id, evidence]) => ({ id, evidence }));
}
