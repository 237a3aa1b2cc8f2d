import type { Doc } from './doc.js';
import type { Sentence } from './sentences.js';

// Capitalised words that are not people: pronouns, openers, days, months, greetings.
const NOT_NAMES = new Set([
  'i', "i'm", "i'd", "i'll", "i've", 'the', 'this', 'that', 'these', 'those', 'we', 'you', 'he', 'she', 'they', 'it',
  'my', 'our', 'your', 'their', 'his', 'her', 'hi', 'hey', 'hello', 'dear', 'thanks', 'thank', 'also', 'so', 'but',
  'and', 'if', 'when', 'while', 'since', 'because', 'honestly', 'frankly', 'just', 'sorry', 'please', 'ok', 'okay',
  'yes', 'no', 'not', 'what', 'how', 'why', 'where', 'who', 'which', 'is', 'are', 'can', 'could', 'would', 'will',
  'should', 'do', 'does', 'did', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'morning', 'afternoon', 'evening', 'regards', 'best', 'cheers', 'quick', 'update', 'first', 'second',
  'then', 'now', 'today', 'tomorrow', 'yesterday', 'last', 'next', 'as', 'at', 'in', 'on', 'for', 'to', 'after',
  'before', 'once', 'all', 'any', 'some', 'there', 'here', 'a', 'an', 'let', "let's", 'great', 'good', 'well',
]);

// What follows a name at the start of a sentence: a possessive or a verb of doing or failing.
const ACTS_AS_SUBJECT = /^(?:'s\b|’s\b|\s+(?:has|had|was|is|keeps|kept|never|always|didn't|didn’t|doesn't|doesn’t|won't|can't|said|told|left|broke|missed|sent|forgot|dropped|screwed|messed|sat|did|asked|still|just)\b)/;

/**
 * The sentence with people's names masked as "zz…" (same length, so offsets hold): patterns can
 * then treat a named colleague ("Marcus keeps breaking the build") like "they". Names are read
 * from capitals in the original text, which folding has lost.
 */
export function withNamesMasked(doc: Doc, s: Sentence): Sentence {
  const cached = masked.get(s);
  if (cached) return cached;
  const result = mask(doc, s);
  masked.set(s, result);
  return result;
}

// Several frames look for culprits and wishers in the same sentence: masked once.
const masked = new WeakMap<Sentence, Sentence>();

function mask(doc: Doc, s: Sentence): Sentence {
  const raw = doc.raw.slice(s.start, s.end);
  // Most sentences have no capital after the first word: nothing to mask but a sentence-initial name.
  if (!/[^\p{L}'’]\p{Lu}\p{Ll}/u.test(raw.slice(1)) && !/^\p{Lu}\p{Ll}+(?:'s|’s|\s+(?:has|had|was|is|keeps|kept|never|always|didn|doesn|won|can't|said|told|left|broke|missed|sent|forgot|dropped|screwed|messed|sat|did|asked|still|just)\b)/u.test(raw)) return s;
  let text = s.text;
  for (const m of raw.matchAll(/(?<![\p{L}'’])\p{Lu}\p{Ll}+(?![\p{L}])/gu)) {
    const word = m[0];
    if (NOT_NAMES.has(word.toLowerCase()) || m.index === undefined) continue;
    // Every sentence starts with a capital: there, only a word acting as a subject reads as a name.
    if (raw.slice(0, m.index).trim() === '' && !ACTS_AS_SUBJECT.test(raw.slice(m.index + word.length))) continue;
    text = text.slice(0, m.index) + 'z'.repeat(word.length) + text.slice(m.index + word.length);
  }
  return text === s.text ? s : { ...s, text };
}

/** Matches a masked name in folded text. */
export const MASKED_NAME = String.raw`\bzz+\b`;
