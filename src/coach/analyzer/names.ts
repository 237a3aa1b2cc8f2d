import type { Doc } from './doc.js';
import { oneOf } from './pattern.js';
import type { Sentence, Span } from './sentences.js';

// Capitalised words that are not people: pronouns, openers, days, months, greetings.
const NOT_NAMES = new Set([
  'i',
  "i'm",
  "i'd",
  "i'll",
  "i've",
  'the',
  'this',
  'that',
  'these',
  'those',
  'we',
  'you',
  'he',
  'she',
  'they',
  'it',
  'my',
  'our',
  'your',
  'their',
  'his',
  'her',
  'hi',
  'hey',
  'hello',
  'dear',
  'thanks',
  'thank',
  'also',
  'so',
  'but',
  'and',
  'if',
  'when',
  'while',
  'since',
  'because',
  'honestly',
  'frankly',
  'just',
  'sorry',
  'please',
  'ok',
  'okay',
  'yes',
  'no',
  'not',
  'what',
  'how',
  'why',
  'where',
  'who',
  'which',
  'is',
  'are',
  'can',
  'could',
  'would',
  'will',
  'should',
  'do',
  'does',
  'did',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'morning',
  'afternoon',
  'evening',
  'regards',
  'best',
  'cheers',
  'quick',
  'update',
  'first',
  'second',
  'then',
  'now',
  'today',
  'tomorrow',
  'yesterday',
  'last',
  'next',
  'as',
  'at',
  'in',
  'on',
  'for',
  'to',
  'after',
  'before',
  'once',
  'all',
  'any',
  'some',
  'there',
  'here',
  'a',
  'an',
  'let',
  "let's",
  'great',
  'good',
  'well',
]);

// What follows a name at the start of a sentence: a possessive or a verb of doing or failing.
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const ACTS_AS_SUBJECT = new RegExp(
  String.raw`^` +
    oneOf([
      String.raw`'s\b|’s\b`,
      String.raw`\s+` +
        oneOf([
          String.raw`has|had|was|is|keeps|kept|never|always|didn't|didn’t|doesn't|doesn’t|won't`,
          String.raw`can't|said|told|left|broke|missed|sent|forgot|dropped|screwed|messed|sat|did`,
          String.raw`asked|still|just`,
        ]) +
        String.raw`\b`,
    ]),
);

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
  // The spans to mask, applied in one pass at the end: rebuilding the text for each name would
  // copy a long sentence once per name in it.
  const hidden: Span[] = [];
  const hide = (at: number, length: number): void => {
    hidden.push({ start: at, end: at + length });
  };
  // Where the first word starts: a capital there is where every sentence starts.
  const first = raw.length - raw.trimStart().length;
  // Plain-ASCII sentences (most) take the faster non-Unicode patterns.
  const ascii = /^[\x00-\x7f]*$/.test(raw);
  const capitalised = ascii ? /(?<![A-Za-z'])[A-Z][a-z]+(?![A-Za-z])/g : /(?<![\p{L}'’])\p{Lu}\p{Ll}+(?![\p{L}])/gu;
  const laterCapital = ascii ? /[^A-Za-z'][A-Z][a-z]/ : /[^\p{L}'’]\p{Lu}\p{Ll}/u;
  // Most sentences have no capitalised word after the first: skip the name search there.
  if (laterCapital.test(raw.slice(1)) || ACTS_AS_SUBJECT.test(raw.replace(/^[^\s'’]+/, ''))) {
    for (const m of raw.matchAll(capitalised)) {
      const word = m[0];
      if (NOT_NAMES.has(word.toLowerCase()) || m.index === undefined) continue;
      // Every sentence starts with a capital: there, only a word acting as a subject reads as a name.
      if (m.index === first && !ACTS_AS_SUBJECT.test(raw.slice(m.index + word.length))) continue;
      hide(m.index, word.length);
    }
  }
  // Teams named by acronym ("IT won't listen", "QA missed it") are culprits too.
  if (/[A-Z]{2}/.test(raw)) {
    for (const m of raw.matchAll(ascii ? /(?<![A-Za-z'])[A-Z]{2,5}(?![A-Za-z])/g : /(?<![\p{L}'’])[A-Z]{2,5}(?![\p{L}])/gu)) {
      if (m.index !== undefined && !NOT_ACRONYM_TEAMS.has(m[0])) hide(m.index, m[0].length);
    }
  }
  if (hidden.length === 0) return s;
  const chars = s.text.split('');
  for (const { start, end } of hidden) chars.fill('z', start, end);
  const text = chars.join('');
  return text === s.text ? s : { ...s, text };
}

// Capitals that are not a team: shorthand, times, titles, grades.
const NOT_ACRONYM_TEAMS = new Set([
  'OK',
  'FYI',
  'ASAP',
  'AM',
  'PM',
  'EOD',
  'COB',
  'ETA',
  'TBD',
  'KPI',
  'KPIS',
  'PS',
  'NB',
  'TL',
  'DR',
  'ID',
  'UK',
  'US',
  'EU',
  'USA',
  'CV',
  'PR',
  'PRS',
  'API',
  'URL',
  'PDF',
  'VAT',
  'GDPR',
  'SLA',
  'FAQ',
  'TLDR',
  'AKA',
  'RSVP',
  'LOL',
  'OMG',
  'IMO',
  'BTW',
  'AND',
  'THE',
  'NOT',
  'MY',
  'IS',
  'NO',
  'SO',
  'TO',
  'DO',
  'ME',
  'WE',
  'OR',
  'ON',
  'IN',
  'AT',
  'BE',
  'IF',
  'UP',
  'OF',
  'BY',
  'AN',
  'AS',
  'HE',
]);

/** Matches a masked name in folded text. */
export const MASKED_NAME = String.raw`\bzz+\b`;
