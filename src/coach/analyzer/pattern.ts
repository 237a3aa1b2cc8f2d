import type { Sentence } from './sentences.js';

/**
 * Compiles a pattern written for folded text. A plain space stands for any run of whitespace
 * (drafts wrap lines and double-space), so patterns read like the phrases they match; spaces are
 * therefore never written inside a character class. " *" and " ?" keep their usual meaning.
 */
export function re(source: string): RegExp {
  return new RegExp(
    source.replace(/ ([*?+])?/g, (_, q: string | undefined) => `\\s${q ?? '+'}`),
    'g',
  );
}

/** One group of alternatives, longest first so "take on" wins over "take". */
export function alt(words: readonly string[]): string {
  return `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
}

// Here too, where the frames import their pattern helpers; sentences.ts takes it from its own file.
export { oneOf } from './alternation.js';

/** A match inside one sentence; `index` is relative to the sentence text. */
export interface Hit {
  index: number;
  end: number;
  text: string;
  groups: readonly (string | undefined)[];
}

/** Every match of `pattern` in the sentence, in order. */
export function hitsIn(sentence: Sentence, pattern: RegExp): Hit[] {
  const found: Hit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(sentence.text); m; m = pattern.exec(sentence.text)) {
    found.push({ index: m.index, end: m.index + m[0].length, text: m[0], groups: m });
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

/** The first match that `accept` takes, scanning no further (most callers want one). */
export function firstHit(sentence: Sentence, pattern: RegExp, accept: (hit: Hit) => boolean = () => true): Hit | undefined {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(sentence.text); m; m = pattern.exec(sentence.text)) {
    const next = m[0].length === 0 ? pattern.lastIndex + 1 : pattern.lastIndex;
    const hit: Hit = { index: m.index, end: m.index + m[0].length, text: m[0], groups: m };
    if (accept(hit)) return hit;
    // `accept` may run other searches, even with this same pattern: resume where this one stopped.
    pattern.lastIndex = next;
  }
  return undefined;
}

export function anyHit(sentence: Sentence, pattern: RegExp, accept: (hit: Hit) => boolean = () => true): boolean {
  return firstHit(sentence, pattern, accept) !== undefined;
}

/**
 * A cheap first look: true when the text contains one of `words` (plain substrings). Frames test a
 * sentence with it before their full patterns, which are many times slower, so the words must be
 * ones every match of those patterns contains.
 */
export function anyOf(words: readonly string[]): (text: string) => boolean {
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  return (text) => pattern.test(text);
}

/**
 * One pattern matching wherever any of `patterns` does: a single pass tells whether a sentence
 * needs the (many) separate passes at all. Built from the patterns themselves, so it never
 * disagrees with them.
 */
export function union(...patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'g');
}

/**
 * The text after its last . ! or ?: all that a pattern ending in `[^.!?]*$` can reach. Tested on
 * this instead, a word need not be followed to the end from each of its occurrences.
 */
export function lastStretch(text: string): string {
  let from = text.length;
  while (from > 0 && !'.!?'.includes(text[from - 1] as string)) from--;
  return text.slice(from);
}

export function matches(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
