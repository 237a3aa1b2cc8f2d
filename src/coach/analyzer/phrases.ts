/**
 * Cuts the short phrase a frame points at ("the flaky-test triage", "promoted to senior in the
 * next cycle") out of the words that follow it: up to the end of the clause, a time or purpose
 * adjunct, or a word limit. Works on folded text; callers slice the original at the same offsets.
 */

// Words that end an object phrase: adjuncts of time, purpose, condition, and new clauses.
const PHRASE_STOP = new Set([
  'this', 'next', 'by', 'before', 'until', 'till', 'so', 'because', 'since', 'while', 'if', 'and', 'but',
  'or', 'today', 'tomorrow', 'tonight', 'now', 'asap', 'when', 'which', 'that', 'as', 'starting',
  'right', 'once', 'whenever', 'though', 'although', 'then', 'too', 'also', 'again', 'instead', 'unless',
  'immediately', 'soon', 'later', 'going', 'for', 'off', 'from', 'during', 'after', 'over', 'within',
  'first', 'myself', 'yourself', 'anyway', 'please', 'still', 'already', 'eventually', 'someday',
]);
// Stop words that may still sit inside a phrase when they come first ("this migration", "next quarter's launch").
const LEADING_OK = new Set(['this', 'next', 'that', 'first', 'over', 'right', 'for']);
// A phrase made only of these names nothing: "take it", "do whatever", "help with anything".
const EMPTY_HEADS = new Set([
  'it', 'that', 'this', 'them', 'those', 'these', 'something', 'anything', 'everything', 'whatever', 'stuff',
  'things', 'more', 'some', 'one', 'what', 'whichever', 'any', 'all', 'lot', 'a', 'an', 'the', 'you', 'me',
  'him', 'her', 'us', 'out', 'up', 'on', 'in', 'with', 'there', 'here', 'else', 'whatever\'s', 'care',
  'help', 'more work', 'work', 'tasks', 'load', 'needed', 'necessary', 'possible', 'can', 'on it',
]);
const PUNCTUATION = /[,.;:!?()\n"]/;

/** Stops for a goal: only new clauses end it, so "promoted to senior in the next cycle" stays whole. */
export const GOAL_STOPS: ReadonlySet<string> = new Set([
  'so', 'because', 'since', 'while', 'if', 'and', 'but', 'or', 'which', 'though', 'although', 'unless',
  'whatever', 'then', 'too', 'also', 'as', 'what', 'how', 'where', 'when', 'before', 'please', 'anyway',
  'instead', 'whether', 'given', 'once',
]);

/** The phrase starting at `from` in `text` (folded): [start, end) offsets, or null if it names nothing. */
export function phraseAfter(
  text: string,
  from: number,
  maxWords = 8,
  stops: ReadonlySet<string> = PHRASE_STOP,
): { start: number; end: number } | null {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  const start = i;
  let end = start;
  let words = 0;
  const wordRe = /[^\s,.;:!?()"]+/y;
  while (words < maxWords && i < text.length) {
    if (PUNCTUATION.test(text[i] ?? '')) break;
    wordRe.lastIndex = i;
    const m = wordRe.exec(text);
    if (!m) break;
    const word = m[0].replace(/^'+|'+$/g, '');
    if (stops.has(word) && !(words === 0 && LEADING_OK.has(word))) break;
    if (word === 'to' && words > 0 && /^to (?:help|make|free|give|get|build|show|prove|learn|support|see|keep|unblock|reduce|save|let)\b/.test(text.slice(i))) break;
    words++;
    i += m[0].length;
    end = i;
    while (i < text.length && /[ \t]/.test(text[i] ?? '')) i++;
  }
  if (words === 0) return null;
  const phrase = text.slice(start, end).replace(/\s+/g, ' ');
  if (EMPTY_HEADS.has(phrase) || /^(?:it|them|something|anything|whatever|everything|stuff)\b/.test(phrase)) return null;
  return { start, end };
}
