import { readDoc } from '../analyzer/doc.js';
import { cuePattern } from './entry-cues.js';
import type { EntryKind } from './entry-reading-schema.js';

/** Whose words a piece of an entry is: the user's, the other person's, or neither (scene-setting: "Had our 1:1."). */
export type Speaker = 'me' | 'them' | 'none';

/** A piece of an entry by offsets into its text, so every quote taken from it is verbatim. */
export interface Segment {
  speaker: Speaker;
  start: number;
  end: number;
  /** Narrated ("she said the audit…") rather than written as the person's own line. */
  reported: boolean;
  /** Where the person's reported words begin, after "said (that)": what a need or feedback quotes. */
  quoteStart: number;
  /** What a line's label says the words are: feedback ("fb:"), the other person's needs ("her priorities:"). */
  topic?: Topic;
  /** An action item of a note ("me -> redo the shift plan", "- him: chase the supplier"): a task its speaker took on. */
  action?: boolean;
}

export type Topic = 'feedback' | 'need';

// "Q:" and "A:" notes: the user asks, the other person answers. "Sent:" heads the user's own message.
const ME_LABELS = new Set(['me', 'i', 'myself', 'self', 'mine', 'q', 'sent', 'my message', 'my reply', 'my email', 'i wrote', 'i said']);
// Labels of note-taking, not of a person speaking.
const NOT_SPEAKERS = new Set(
  [
    'note notes context agenda action actions action items todo to do next steps next step follow-up follow up followups re subject summary',
    'tl;dr tldr takeaways outcome outcomes decision decisions date time update updates fyi ps p.s',
    'topic topics background goal goals result results wins asks ask promo promotion career',
  ]
    .join(' ')
    .split(' '),
);
// What a label says the words are, rather than who said them: "fb:", "fb for me:", "her priorities:".
const FEEDBACK_LABEL = /^(?:(?:her|his|their|the|some|[\p{L}]+'s) )?(?:fb|feedback|praise|kudos)(?: (?:for|to|on|about) me)?$/u;
const NEED_LABEL = /^(?:(?:her|his|their|[\p{L}]+'s) )?(?:top |main |big |biggest |key )?(?:priorit(?:y|ies)|concerns?|worr(?:y|ies)|needs?|pain points?)$/u;
// A line heading the other person's answer pasted below a message: "Helen's reply:", "Reply from Helen:", "She replied:".
const REPLY_LABEL =
  /^(?:(?:her|his|their|the|[\p{L}]+'s) )?(?:reply|response|answer)(?: from [\p{L}]+)?$|^[\p{L}]+ (?:replied|responded|wrote back|answered)$/u;
// "Me: …", "Helen -> chase the supplier", and a label alone on its line heading what follows ("Helen's reply:").
const LABEL = /^([\p{L}][\p{L}\p{N}.'\- ]{0,24}?)\s*(:|->|=>|\u2192)(?:\s+|$)/u;
const BULLET = /^(?:[-*\u2022\u00b7+>]|\d{1,2}[.)])\s+/;
// Where the user's own clause starts inside a narrated sentence of the other person's.
const USER_CLAUSE = /(?:,\s*|\s[-\u2013\u2014]\s|\s)(?:which |and |but |so |then )?i (?:said|agreed|told|offered|promised|asked|replied|answered)\b/;
// Words that open a spoken line, not an item of a to-do list ("- me: I'll take it", "- me: how can I help?").
const SPOKEN_OPENING = /^(?:i|i'm|i'll|i'd|i've|we|we'll|you|yes|yeah|yep|no|nope|ok|okay|sure|thanks|thank you|hi|hey|so|well|honestly|what|how|why|"|')\b/;

/** The ways the other person may be named in notes: the full name, the first name, initials. */
export function namesOf(name: string): { words: string[]; labels: string[] } {
  const full = name.trim().toLowerCase().replace(/\s+/g, ' ');
  const parts = full.split(' ').filter((p) => p.length > 0);
  const first = parts[0] ?? full;
  const initials = parts.map((p) => p[0]).join('');
  // A note may name them by an initial ("D needs them by the 30th"); "a" and "i" are words of their own.
  const initial = parts.length > 0 && !/^[ai]$/.test(first[0] ?? '') ? (first[0] ?? '') : '';
  const words = [...new Set([full, first, initial].filter((w) => w.length >= 2 || /^\p{L}$/u.test(w)))];
  return {
    words,
    labels: [...new Set([...words, initials, first[0] ?? '', 'a', 'them', 'manager', 'boss', 'skip', 'she', 'he', 'her', 'him', 'they', 'mgr'])],
  };
}

interface Label {
  speaker: Speaker;
  /** Where the line's words start. */
  content: number;
  topic?: Topic;
  action?: boolean;
}

interface Line {
  start: number;
  end: number;
  /** Who the line's label names, if it has one; the line's words start at `content`. */
  label?: Label;
  /** The line starts a turn or an item of its own (a label, a bullet): no sentence runs into it. */
  starts: boolean;
}

interface RawLabel {
  word: string;
  /** As written: a capitalised label names a person. */
  written: string;
  arrow: boolean;
  content: number;
  /** Nothing follows the label on its line: it heads the lines below. */
  header: boolean;
}

function labelOf(raw: string, start: number): { label?: RawLabel; bullet: number; indent: number } {
  const trimmed = raw.trimStart();
  const indent = raw.length - trimmed.length;
  const bullet = BULLET.exec(trimmed)?.[0].length ?? 0;
  const body = trimmed.slice(bullet);
  const m = LABEL.exec(body);
  const written = m?.[1]?.trim() ?? '';
  if (!m || written === '') return { bullet, indent };
  const content = start + indent + bullet + m[0].length;
  return {
    label: { word: written.toLowerCase(), written, arrow: m[2] !== ':', content, header: body.slice(m[0].length).trim() === '' },
    bullet,
    indent,
  };
}

/**
 * The people a note's labels name. In a transcript between two people ("Sam: …", "Helen: …") where
 * one label names the other person, the other is the user. A capitalised label used once that names
 * no one we know is a heading ("Rating:", "Summary:"), not a speaker.
 */
function peopleOf(text: string, names: { labels: string[] }): { user: string | undefined; speaking: Set<string> } {
  const seen = new Map<string, number>();
  let from = 0;
  for (const raw of text.split('\n')) {
    const l = labelOf(raw, from).label;
    from += raw.length + 1;
    if (!l || NOT_SPEAKERS.has(l.word) || ME_LABELS.has(l.word) || l.word.includes(' ') || !/^\p{Lu}/u.test(l.written)) continue;
    seen.set(l.word, (seen.get(l.word) ?? 0) + 1);
  }
  const people = [...seen.keys()];
  const others = people.filter((p) => !names.labels.includes(p));
  const user = others.length === 1 && others.length < people.length ? others[0] : undefined;
  const speaking = new Set(people.filter((p) => names.labels.includes(p) || (seen.get(p) ?? 0) > 1 || p === user));
  return { user, speaking };
}

function readLines(text: string, names: { labels: string[] }): Line[] {
  const lines: Line[] = [];
  const { user, speaking } = peopleOf(text, names);
  let from = 0;
  let carried: Label | undefined;
  // A label alone on its line heads every line below it, blank ones included, until the next label.
  let heading: Label | undefined;
  for (const raw of text.split('\n')) {
    const start = from;
    const end = from + raw.length;
    from = end + 1;
    const trimmed = raw.trimStart();
    const { label, bullet } = labelOf(raw, start);
    const word = label?.word;
    let found: Label | undefined;
    if (label && word !== undefined && !NOT_SPEAKERS.has(word) && word.split(' ').length <= 3) {
      const { content } = label;
      const body = text.slice(content, end).toLowerCase().trimStart();
      if (FEEDBACK_LABEL.test(word)) found = { speaker: 'them', content, topic: 'feedback' };
      else if (NEED_LABEL.test(word)) found = { speaker: 'them', content, topic: 'need' };
      else if (REPLY_LABEL.test(word)) found = { speaker: 'them', content };
      else {
        // A capitalised label is a person ("Helen Park:", not "Head office:"); a lower-case one counts only if it names the user or the other person.
        const me = ME_LABELS.has(word) || word === user;
        const capitalised = label.written.split(' ').every((w) => /^\p{Lu}/u.test(w)) && (word.includes(' ') || speaking.has(word));
        const named = me || names.labels.includes(word) || capitalised;
        // "me -> redo the shift plan", "- him: chase the supplier": a task, not a line spoken.
        const action = label.arrow || (bullet > 0 && !/^\p{Lu}/u.test(label.written) && !body.includes('?') && !SPOKEN_OPENING.test(body));
        if (named) found = { speaker: me ? 'me' : 'them', content, ...(action ? { action } : {}) };
      }
      if (found && label.header) heading = found;
    }
    if (trimmed === '') carried = undefined;
    else if (found) carried = found;
    // An unlabelled line after a labelled one continues it, unless it is a bullet of its own.
    else if (bullet > 0) carried = undefined;
    const current = found ?? (trimmed !== '' ? (carried ?? heading) : undefined);
    lines.push({
      start,
      end,
      starts: found !== undefined || bullet > 0,
      ...(current ? { label: found ? found : { ...current, content: start + (raw.length - trimmed.length) } } : {}),
    });
  }
  return lines;
}

/**
 * Who said what in an entry. A message is the user's words, but for what it reports of the other
 * person ("you mentioned the audit is…") and for a reply pasted under it. Notes are read by their
 * labels ("Me:", "Helen:", "H:", "fb:"), and where there are none, sentence by sentence: "she
 * said…", "Helen wants…", "her top priority is…", a bullet opening on "needs…" are the other
 * person's words; "I offered…", "Asked her…" the user's; the rest sets the scene.
 */
export function splitSpeakers(text: string, kind: EntryKind, name: string): Segment[] {
  const names = namesOf(name);
  // A reply pasted as a quote ("> Thank you…") is read like any other line: the same offsets, the marks blanked.
  const doc = readDoc(text.replace(/^([ \t]*)>/gm, '$1 '));
  const lines = readLines(text, names);
  const them = cuePattern('themSubject', names.words);
  const implied = cuePattern('themImplied');
  const speech = cuePattern('speechVerb');
  const me = cuePattern('meSubject');
  const reported = cuePattern('youReported');
  const segments: Segment[] = [];
  const push = (speaker: Speaker, start: number, end: number, isReported: boolean, quoteStart = start, label?: Label) => {
    const s = skipSpace(text, start, end);
    if (end <= s) return;
    segments.push({
      speaker,
      start: s,
      end,
      reported: isReported,
      quoteStart: Math.max(s, quoteStart),
      ...(label?.topic ? { topic: label.topic } : {}),
      ...(label?.action ? { action: true } : {}),
    });
  };

  // "He asked me to draft the letter, which I said I'd get to him by Tuesday": their clause, then the user's.
  // "…, and I said I couldn't do both, and she agreed to give it to Sam": back to theirs.
  const theirsThenMine = (from: number, end: number, quoteStart: number) => {
    const mine = USER_CLAUSE.exec(doc.folded.slice(quoteStart, end));
    const cut = mine ? quoteStart + mine.index : end;
    push('them', from, cut, true, quoteStart);
    if (!mine) return;
    const back = them.exec(doc.folded.slice(cut + mine[0].length, end));
    const resume = back && back.index > 0 ? cut + mine[0].length + back.index : end;
    push('me', cut, resume, true);
    if (resume < end) push('them', resume, end, true);
  };

  let lineAt = 0;
  const turnStarts = lines.filter((l) => l.starts).map((l) => l.start);
  for (const piece of doc.sentences.flatMap((sentence) => piecesOf(sentence, turnStarts))) {
    const sentence = piece;
    while (lineAt < lines.length - 1 && (lines[lineAt] as Line).end < sentence.start) lineAt += 1;
    const line = lines[lineAt] as Line;
    const label = line.label;
    const start = Math.max(sentence.start, label && label.content <= sentence.end ? label.content : sentence.start);
    const folded = doc.folded.slice(start, sentence.end);

    if (kind === 'message' && (!label || (label.speaker === 'me' && !label.action))) {
      push('me', start, sentence.end, false);
      const told = reported.exec(folded);
      if (told) {
        // What they said runs to the next clause of the user's own ("— I can pick that up").
        const words = start + told.index + told[0].length;
        const cut = /\s[\u2014\u2013-]\s|;|,\s*(?:and |but |so )?i\b|\s(?:and|but|so) i\b/.exec(doc.folded.slice(words, sentence.end));
        push('them', start + told.index, cut ? words + cut.index : sentence.end, true, words);
      }
      continue;
    }
    if (label?.topic) {
      // "fb: said my status reports are clearer": told by the user, so "my" is the user's.
      const verb = speech.exec(folded);
      const told = verb?.index === 0 || /^(?:she|he|they|\S+) (?:said|says)\b/.test(folded);
      push('them', start, sentence.end, told, verb && told ? start + verb.index + verb[0].length : start, label);
      continue;
    }
    // "…she said. me: send him the proposal tmrw": a label inside a line.
    const inline = start > (line.label?.content ?? line.start) ? labelOf(text.slice(start, sentence.end), start).label : undefined;
    if (inline && (ME_LABELS.has(inline.word) || names.labels.includes(inline.word))) {
      const speaker = ME_LABELS.has(inline.word) ? 'me' : 'them';
      const body = doc.folded.slice(inline.content, sentence.end).trimStart();
      const action = inline.arrow || (!body.includes('?') && !SPOKEN_OPENING.test(body));
      push(speaker, inline.content, sentence.end, false, inline.content, { speaker, content: inline.content, ...(action ? { action } : {}) });
      continue;
    }
    const narrated = them.exec(folded);
    if (label?.action || label?.speaker === 'them' || (label?.speaker === 'me' && narrated?.index !== 0)) {
      // "Helen: … she said my care plans were…": narrated under their label, so "my" is the user's.
      push(label.speaker, start, sentence.end, label.speaker === 'them' && narrated?.index === 0, start, label);
      continue;
    }
    // "I asked how she sees my work": a question the user asked, not the other person speaking.
    const embedded = narrated && narrated.index > 0 && /\b(?:how|what|whether|if|why|where|when|which|who)\s*$/.test(folded.slice(0, narrated.index));
    if (narrated && !embedded) {
      // "I offered to take it and she said the audit…": the user's clause, then theirs.
      if (narrated.index > 0 && me.test(folded.slice(0, narrated.index).trim())) push('me', start, start + narrated.index, true);
      else if (narrated.index > 0) push('none', start, start + narrated.index, true);
      const from = start + narrated.index;
      const verb = speech.exec(doc.folded.slice(from, sentence.end));
      // The verb that opens their words is the narration's own ("she said…"), not one later on ("…the families she mentioned").
      theirsThenMine(from, sentence.end, verb && verb.index <= narrated[0].length + 12 ? from + verb.index + verb[0].length : from);
    } else if (implied.test(folded)) {
      // A note's subjectless line in the third person: "needs the rota by fri", "said my status reports are clearer".
      const verb = speech.exec(folded);
      const opens = verb && /^(?:(?:and|also|but|then|plus),? )?$/.test(folded.slice(0, verb.index));
      theirsThenMine(start, sentence.end, verb && opens ? start + verb.index + verb[0].length : start);
    } else {
      push(me.test(folded.trim()) ? 'me' : 'none', start, sentence.end, !label);
    }
  }
  return segments;
}

/**
 * A sentence cut where a line of its own starts inside it: the sentence splitter joins a line that
 * does not end in punctuation to the next one starting in lower case ("…the billing project"\nme: "ok…").
 */
function piecesOf(sentence: { start: number; end: number }, turnStarts: readonly number[]): Array<{ start: number; end: number }> {
  // The first turn start after the sentence's, by binary search: long notes have thousands of lines.
  let lo = 0;
  let hi = turnStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((turnStarts[mid] as number) <= sentence.start) lo = mid + 1;
    else hi = mid;
  }
  const cuts: number[] = [];
  for (let i = lo; i < turnStarts.length && (turnStarts[i] as number) < sentence.end; i++) cuts.push(turnStarts[i] as number);
  const bounds = [sentence.start, ...cuts, sentence.end];
  return bounds.slice(1).map((end, i) => ({ start: bounds[i] as number, end }));
}

function skipSpace(text: string, start: number, end: number): number {
  let s = start;
  while (s < end && /[\s,;:\-\u2013\u2014]/.test(text[s] ?? '')) s += 1;
  return s;
}
