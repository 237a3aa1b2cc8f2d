import { oneOf, re, union } from './pattern.js';
import type { Sentence } from './sentences.js';
import { lastAtOrBefore } from './sorted.js';

/**
 * Scope rules: whether a phrase found in a sentence is asserted by the writer, or sits under a
 * negation ("I'm not asking for a raise"), a hypothetical or disclaimer ("if I ever wanted to
 * manage", "not that I deserve it", "I don't want this to sound like an ultimatum"), someone
 * else's words ("someone said I should demand...") or quotation marks.
 *
 * Positions are offsets into the folded sentence text. A negation reaches forward until a clause
 * boundary and at most a few words, so "I haven't had a raise in two years and would like one"
 * still wants the raise; a disclaimer reaches until a contrast ("..., but"), so the threat that
 * follows "I don't want this to sound like an ultimatum, but" still counts.
 */

const NEGATION_CUE = re(
  [
    String.raw`\b` +
      oneOf([
        String.raw`not|never|no|nothing|none|nobody|neither|nor|without|cannot|hardly|rather than`,
        String.raw`instead of|no longer|far from|zero interest|last thing`,
      ]) +
      String.raw`\b`,
    String.raw`n't\b`,
  ].join('|'),
);

// Negative words that do not negate what follows them.
const POSITIVE_IDIOMS = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:don't|do not|didn't) (?:want|mean|need) to (?:just|simply|only)`,
      String.raw`(?:can't|couldn't|won't|wouldn't) you`,
      String.raw`can't wait|cannot wait|couldn't agree|wouldn't mind|don't mind|do not mind`,
      String.raw`no doubt|not only|not just|no problem|no worries|not a problem|never mind`,
      String.raw`no matter|not least|don't hesitate|can't help but|no-brainer|no rush`,
      String.raw`no pressure|not too much trouble|not too much of|whether or not|if not|or not`,
      String.raw`no later than|not long ago|wouldn't hurt|doesn't hurt|not to mention`,
      String.raw`nothing (?:would|could) (?:make me|be) (?:happier|better|more)`,
    ]) +
    String.raw`\b`,
);

// Where a clause ends for negation: punctuation inside the sentence, contrasts, and a
// conjunction that opens a new clause (with its own subject or modal).
const CLAUSE_BOUNDARY = re(
  [
    String.raw`[,;:()]`,
    String.raw`\s-+\s|\.{2,}`,
    String.raw`\b` +
      oneOf([
        String.raw`but|however|though|although|yet|whereas|because|since|while|which|that said`,
        String.raw`and (?=(?:i|i'm|i'd|i'll|i've|we|you|would|could|can|will|want|hope|also|then)\b)`,
        String.raw`so (?=(?:i|i'm|i'd|i'll|we|that)\b)`,
      ]) +
      String.raw`\b`,
    String.raw`(?=\b(?:i'll|i will|i'm going to|we'll|i'd have to|i'll have to)\b)`,
  ].join('|'),
);

// Where a disclaimer or hypothetical ends: only a contrast or strong punctuation.
const CONTRAST_BOUNDARY = re(String.raw`[;:()]|\s-+\s|\.{2,}|\b(?:but|however|though|although|yet|that said|still|anyway)\b`);

const HYPOTHETICAL = re(
  String.raw`\b` +
    oneOf([
      String.raw`if i (?:ever|were|was|did|decided|wanted|had|went|chose|someday)`,
      String.raw`if (?:one day|someday|at some point) i`,
      String.raw`even if|hypothetically|in theory|not that`,
      String.raw`i'm not (?:saying|trying to|implying|suggesting)`,
      String.raw`i am not (?:saying|trying to|implying|suggesting)`,
      String.raw`(?:don't|do not|doesn't|wouldn't|didn't) want (?:this|it|that|you|to) ` +
        String.raw`(?:to )?(?:sound|come across|come off|seem|be read|read|look|feel)`,
      String.raw`(?:don't|do not|didn't) mean (?:this|it|that|to)`,
      String.raw`imagine|pretend`,
      String.raw`(?:some|other) people (?:would|might|say|think)`,
      String.raw`the (?:wrong|bad) (?:move|way) (?:is|would be)`,
    ]) +
    String.raw`\b`,
);

const REPORTED = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?<!\b(?:i|you) )(?:always |once |even |keeps? )?` +
        String.raw`(?:said|says|told me|tells me|thought|thinks|believed|believes|reckoned|reckons|felt|feels)(?= (?:that )?(?:i|we)\b)`,
      oneOf([
        String.raw`said|says|say|saying|told me|tells me|telling me|tell me|suggested|suggests`,
        String.raw`suggesting|recommended|recommends|advised|advises|advising|insisted|insists`,
        String.raw`claims?|thinks?|reckons?`,
      ]) + String.raw` (?:that )?(?:i|we) (?:should|could|ought|need|must|might|have to)`,
      String.raw`(?:i've been|i was|i've|i have|i had been) (?:told|advised|encouraged|warned) ` +
        String.raw`(?:to|that (?:i|we) (?:should|could|ought|need|must|might|have to))`,
      String.raw`i've heard|i heard`,
      String.raw`i read (?:that|somewhere|online)`,
      String.raw`the advice (?:i got |online )?(?:is|was)`,
      String.raw`people (?:say|tell|keep saying)`,
      String.raw`(?:a|my) (?:friend|mentor|colleague|coworker|peer) (?:said|told|suggested|says)`,
    ]) +
    String.raw`\b`,
);

/** What the scope rules need about one sentence, each part computed once and only when asked for. */
interface Scope {
  negation?: { clauseStarts: number[]; cues: [number, number][]; wordStarts: number[] };
  irrealis?: { contrastStarts: number[]; cues: [number, number][] };
  quoted?: [number, number][];
}

// Sentences are checked many times each (once per candidate phrase).
const scopes = new WeakMap<Sentence, Scope>();

function scopeOf(s: Sentence): Scope {
  let scope = scopes.get(s);
  if (!scope) {
    scope = {};
    scopes.set(s, scope);
  }
  return scope;
}

// Idioms are blanked on the whole sentence: "don't want to just sit" reaches past any one phrase.
function blanked(text: string): string {
  return text.replace(POSITIVE_IDIOMS, (m) => ' '.repeat(m.length));
}

// Every negation cue contains one of these: most sentences have none, and need no more work.
const MAY_NEGATE = /n't|not|no|never|nothing|none|nobody|neither|nor|without|cannot|hardly|rather than|instead of|far from|zero interest|last thing/;
const NO_NEGATION = { clauseStarts: [0], cues: [], wordStarts: [] };

function negationOf(s: Sentence): NonNullable<Scope['negation']> {
  const scope = scopeOf(s);
  if (!scope.negation) {
    const cues = MAY_NEGATE.test(s.text) ? spans(blanked(s.text), NEGATION_CUE) : [];
    scope.negation = cues.length === 0 ? NO_NEGATION : { clauseStarts: starts(s.text, CLAUSE_BOUNDARY), cues, wordStarts: wordStarts(s.text) };
  }
  return scope.negation;
}

// Both kinds in one pass, behind a cheap look for the words every one of them contains.
const IRREAL = union(HYPOTHETICAL, REPORTED);
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const MAY_BE_IRREAL = new RegExp(
  [
    String.raw`if |imagine|pretend|not that|saying|trying to|implying|suggest`,
    String.raw`want (?:this|it|that|you|to)`,
    String.raw`mean |people|said|says|say |told|tell|recommend|advis|insist|claim|think`,
    String.raw`thought|reckon|believ|felt|feel|heard|read |advice|wrong|bad |hypothetical`,
    String.raw`theory|encouraged|warned`,
  ].join('|'),
);

function irrealisOf(s: Sentence): NonNullable<Scope['irrealis']> {
  const scope = scopeOf(s);
  if (!scope.irrealis) {
    const cues = MAY_BE_IRREAL.test(s.text) ? spans(s.text, IRREAL) : [];
    scope.irrealis = { contrastStarts: cues.length === 0 ? [0] : starts(s.text, CONTRAST_BOUNDARY), cues };
  }
  return scope.irrealis;
}

function wordStarts(text: string): number[] {
  const out: number[] = [];
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13);
    if (!space && !inWord) out.push(i);
    inWord = !space;
  }
  return out;
}

function spans(text: string, pattern: RegExp): [number, number][] {
  const out: [number, number][] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return out;
}

function starts(text: string, boundary: RegExp): number[] {
  return [0, ...spans(text, boundary).map(([, end]) => end)];
}

/** The start of the unit (clause or contrast) that contains `at`: the last boundary at or before it. */
function unitStart(boundaries: readonly number[], at: number): number {
  return boundaries[lastAtOrBefore(boundaries, (b) => b, at)] ?? 0;
}

// Cues are found left to right and never overlap, so their starts and ends both ascend: the one
// ending last at or before `at` starts last too, and is the only one that can lie inside `at`'s
// unit if any does.
function nearestCueBefore(cues: readonly [number, number][], from: number, at: number): [number, number] | undefined {
  const cue = cues[lastAtOrBefore(cues, ([, end]) => end, at)];
  return cue && cue[0] >= from ? cue : undefined;
}

/** A negation cue governs `at`: within its clause, at most `reach` words before it. */
export function negatedAt(s: Sentence, at: number, reach = 7): boolean {
  const scope = negationOf(s);
  if (scope.cues.length === 0) return false;
  // The nearest cue has the fewest words between it and `at`: if it is out of reach, all are.
  const cue = nearestCueBefore(scope.cues, unitStart(scope.clauseStarts, at), at);
  return cue !== undefined && wordsBetween(scope.wordStarts, cue[1], at) <= reach;
}

/** Words starting in [from, to). */
function wordsBetween(wordStarts: readonly number[], from: number, to: number): number {
  return lastAtOrBefore(wordStarts, (w) => w, to - 1) - lastAtOrBefore(wordStarts, (w) => w, from - 1);
}

/** `at` is under a hypothetical or a disclaimer, or reports what someone else said. */
export function irrealisAt(s: Sentence, at: number): boolean {
  const scope = irrealisOf(s);
  if (scope.cues.length === 0) return false;
  return nearestCueBefore(scope.cues, unitStart(scope.contrastStarts, at), at) !== undefined;
}

/** `at` is inside quotation marks: a phrase mentioned, not said. */
export function quotedAt(s: Sentence, at: number): boolean {
  const scope = scopeOf(s);
  scope.quoted ??= quotedSpans(s.text);
  // Quotes do not overlap: only the last one opening before `at` can hold it.
  const quote = scope.quoted[lastAtOrBefore(scope.quoted, ([open]) => open, at - 1)];
  return quote !== undefined && at < quote[1];
}

function quotedSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (open < 0) open = i;
      else {
        out.push([open, i]);
        open = -1;
      }
    } else if (ch === "'") {
      const before = text[i - 1] ?? ' ';
      const after = text[i + 1] ?? ' ';
      // An apostrophe sits between letters ("don't", "Sam's"); a quote mark opens after a space
      // and closes before one.
      if (open < 0 && /[\s(]/.test(before) && /[a-z]/.test(after)) open = i;
      else if (open >= 0 && /[a-z.!?,]/.test(before) && /[\s.,!?;:)]/.test(after)) {
        out.push([open, i]);
        open = -1;
      }
    }
  }
  // An unclosed quote runs to the end of the sentence.
  if (open >= 0) out.push([open, text.length]);
  return out;
}

/** The writer asserts what is at `at`: not negated, hypothetical, reported or quoted. */
export function assertedAt(s: Sentence, at: number): boolean {
  return !negatedAt(s, at) && !irrealisAt(s, at) && !quotedAt(s, at);
}
