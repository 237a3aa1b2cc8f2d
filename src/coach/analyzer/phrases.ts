import { oneOf } from './pattern.js';

/**
 * Cuts the short phrase a frame points at ("the flaky-test triage", "promoted to senior in the
 * next cycle") out of the words that follow it: up to the end of the clause, a time or purpose
 * adjunct, or a word limit. Works on folded text; callers slice the original at the same offsets.
 */

// Words that end an object phrase: adjuncts of time, purpose, condition, and new clauses.
const PHRASE_STOP = new Set([
  'this',
  'next',
  'by',
  'before',
  'until',
  'till',
  'so',
  'because',
  'since',
  'while',
  'if',
  'and',
  'but',
  'or',
  'today',
  'tomorrow',
  'tonight',
  'now',
  'asap',
  'when',
  'which',
  'that',
  'as',
  'starting',
  'right',
  'once',
  'whenever',
  'though',
  'although',
  'then',
  'too',
  'also',
  'again',
  'instead',
  'unless',
  'immediately',
  'soon',
  'later',
  'going',
  'for',
  'off',
  'from',
  'during',
  'after',
  'over',
  'within',
  'first',
  'myself',
  'yourself',
  'anyway',
  'please',
  'still',
  'already',
  'eventually',
  'someday',
  'you',
  'i',
  'we',
  'who',
  'tmrw',
]);
// Stop words that may still sit inside a phrase when they come first ("this migration", "next quarter's launch").
const LEADING_OK = new Set(['this', 'next', 'that', 'first', 'over', 'right', 'for']);
// A phrase made only of these names nothing: "take it", "do whatever", "help with anything".
const EMPTY_HEADS = new Set([
  'it',
  'that',
  'this',
  'them',
  'those',
  'these',
  'something',
  'anything',
  'everything',
  'whatever',
  'stuff',
  'things',
  'more',
  'some',
  'one',
  'what',
  'whichever',
  'any',
  'all',
  'lot',
  'a',
  'an',
  'the',
  'you',
  'me',
  'him',
  'her',
  'us',
  'out',
  'up',
  'on',
  'in',
  'with',
  'there',
  'here',
  'else',
  "whatever's",
  'care',
  'help',
  'more work',
  'work',
  'tasks',
  'load',
  'needed',
  'necessary',
  'possible',
  'can',
  'on it',
]);

/** Stops for a goal: only new clauses end it, so "promoted to senior in the next cycle" stays whole. */
export const GOAL_STOPS: ReadonlySet<string> = new Set([
  'so',
  'because',
  'since',
  'while',
  'if',
  'and',
  'but',
  'or',
  'which',
  'though',
  'although',
  'unless',
  'whatever',
  'then',
  'too',
  'also',
  'as',
  'what',
  'how',
  'where',
  'when',
  'before',
  'please',
  'anyway',
  'instead',
  'whether',
  'given',
  'once',
  "doesn't",
  "isn't",
  "won't",
  "wasn't",
  'does',
  "i'll",
  "i'd",
  "i'm",
  'i',
  'we',
  'you',
]);

/** The phrase starting at `from` in `text` (folded): [start, end) offsets, or null if it names nothing. */
export function phraseAfter(text: string, from: number, maxWords = 8, stops: ReadonlySet<string> = PHRASE_STOP): { start: number; end: number } | null {
  // Character loops, not regexes: this runs for every candidate phrase.
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const start = i;
  let end = start;
  let words = 0;
  while (words < maxWords && i < text.length && !isBreak(text.charCodeAt(i))) {
    let j = i;
    while (j < text.length && !isSpace(text.charCodeAt(j)) && !isBreak(text.charCodeAt(j))) j++;
    if (j === i) break;
    const word = text.slice(i, j).replace(/^'+|'+$/g, '');
    if (stops.has(word) && !(words === 0 && LEADING_OK.has(word))) break;
    if (word === 'to' && words > 0 && PURPOSE.test(text.slice(i, i + 12))) break;
    words++;
    i = j;
    end = i;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  }
  if (words === 0) return null;
  const phrase = text.slice(start, end).replace(/\s+/g, ' ');
  if (EMPTY_HEADS.has(phrase) || EMPTY_START.test(phrase)) return null;
  // "on the table migration", "somehow with the inventory": the object starts after the glue.
  const glue = GLUE.exec(text.slice(start, end));
  return glue && glue[0].length < end - start ? { start: start + glue[0].length, end } : { start, end };
}

// A pronoun, alone or with a particle ("that on", "it up"), names nothing.
// So does a bare time: "I can do it Saturday".
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const EMPTY_START = new RegExp(
  String.raw`^` +
    oneOf([
      String.raw`(?:it|them|something|anything|whatever|everything|stuff)\b`,
      String.raw`(?:that|this|these|those) (?:on|up|over|off|out|in)$`,
      String.raw`(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|weekends?)$`,
    ]),
);
// Adverbs and prepositions between a verb and its object.
const GLUE = /^(?:(?:somehow|maybe|just|also|really|out|on|with|for|to|at|about|over)\s+)+/;

// "take the rota to help you": a purpose clause ends the object.
const PURPOSE = /^to (?:help|make|free|give|get|build|show|prove|learn|support|see|keep|unblock|reduce|save|let)\b/;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160;
}

// Punctuation and line breaks end a phrase: , . ; : ! ? ( ) " and newline.
function isBreak(c: number): boolean {
  return c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41 || c === 34 || c === 10;
}
