import { oneOf } from './alternation.js';

/** A piece of the input, by offsets into the original text (and the folded copy, which has the same length). */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** The folded sentence (`foldText(raw).slice(start, end)`): what the patterns read. */
  text: string;
  /** Ends in "?" or reads as one without it ("could you let me know...", "wondering if..."). */
  question: boolean;
}

// Words whose trailing "." is not a full stop. Single letters (initials, "e.g." pieces) are handled apart.
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'inc',
  'ltd',
  'jr',
  'sr',
  'approx',
  'dept',
  'est',
  'st',
  'fig',
  'a.m',
  'p.m',
  'u.s',
  'cf',
  'ca',
  'esp',
  'approx',
  'avg',
  'wk',
  'mgr',
]);

const BULLET = /^(?:[-*\u2022\u00b7\u25aa\u2023\u25e6+]|\d{1,2}[.)]|\(?[a-h]\)|\[[ x]?\])\s+/;
// Chat drafts often drop the "?": these openings still ask.
/** Who a question opening with a modal asks about (the text is folded to lower case, so a name is not among them). */
const ASKED_OF = String.raw`(?:i|u|you|we|they|he|she|it|that|this|there|the|a|an|my|your|ur|our|their|his|her|anyone|anybody|someone|somebody|everyone|one)`;
// new RegExp rather than literals only so they can span lines; not re(), which would change their spaces or flags.
const ASKING_OPENING = new RegExp(
  String.raw`^(?:(?:so|and|also|but|ok|okay|hey|hi|oh|well|quick question)[,:]?\s+)*` +
    oneOf([
      oneOf([String.raw`what|how|where|when|which|who|why|is there|are there|is it|would it|could it`, String.raw`am i|are you|any`]) + String.raw`\b`,
      // A modal asks only with someone after it: "could I take it?", not "would help us both" or "should be fine".
      oneOf([String.raw`can|could|would`, String.raw`will(?! do\b)`, String.raw`should`, String.raw`do(?! let)`, String.raw`does|did|may|might|shall`]) +
        String.raw`\s+${ASKED_OF}\b`,
      String.raw`(?:i was|i'm|i am|just) (?:wondering|curious)\b`,
      String.raw`(?:please )?(?:let me know|lmk|tell me|advise)\b`,
    ]),
);
const ASKING_INSIDE = new RegExp(
  String.raw`\b` +
    oneOf([
      String.raw`i was wondering|i'm wondering`,
      String.raw`wondering (?:if|whether|what|how)`,
      String.raw`i'm curious (?:about|what|how|whether|if)`,
      String.raw`could you (?:let me know|tell me)`,
      String.raw`can you (?:let me know|tell me)`,
      String.raw`would love to (?:know|hear|understand)`,
      String.raw`i'd love to (?:know|hear|understand)`,
      String.raw`i'd like to (?:know|understand|hear)`,
      String.raw`curious (?:what|how|whether|if)`,
    ]) +
    String.raw`\b`,
);

const MAY_ASK_INSIDE = /wonder|curious|let me know|tell me|love to|like to/;

/**
 * Splits a text into sentences, keeping offsets. Lines are units (bullets, greetings and
 * sign-offs stand alone) unless a line is hard-wrapped mid-sentence; quoted reply lines ("> ...")
 * and "On ... wrote:" headers are dropped because only the user's own words count.
 */
export function splitSentences(raw: string, folded: string): Sentence[] {
  const sentences: Sentence[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  const flush = (): void => {
    if (blockStart >= 0) splitBlock(raw, folded, blockStart, blockEnd, sentences);
    blockStart = -1;
  };

  let lineStart = 0;
  while (lineStart <= folded.length) {
    let lineEnd = folded.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = folded.length;
    const line = folded.slice(lineStart, lineEnd);
    const indent = line.length - line.trimStart().length;
    const content = line.trim();

    if (content === '' || content.startsWith('>') || /^on .{3,100} wrote:$/.test(content)) {
      flush();
    } else {
      const bullet = BULLET.exec(content);
      const start = lineStart + indent + (bullet ? bullet[0].length : 0);
      const end = lineStart + indent + content.length;
      // The block's last character (blocks end where a trimmed line ends): read alone, since a
      // block of many hard-wrapped lines is long.
      const previousEnd = blockStart >= 0 ? folded[blockEnd - 1] : undefined;
      // A hard-wrapped line continues the sentence: the previous line has no closing
      // punctuation and this one starts in lower case (read from the original text).
      const continues = !bullet && previousEnd !== undefined && !'.!?:;,)'.includes(previousEnd) && /^\p{Ll}/u.test(raw.slice(start, start + 1));
      if (continues) {
        blockEnd = end;
      } else {
        flush();
        blockStart = start;
        blockEnd = end;
      }
    }
    lineStart = lineEnd + 1;
  }
  flush();
  return sentences;
}

function splitBlock(raw: string, folded: string, start: number, end: number, out: Sentence[]): void {
  const block = folded.slice(start, end);
  let from = 0;
  for (let at = 0; at < block.length;) {
    const stop = terminatorAt(block, at);
    if (!stop) break;
    at = stop.end;
    if (!stop.ends || (stop.end - stop.start === 1 && block[stop.start] === '.' && isAbbreviation(block, stop.start, raw, start + stop.end))) continue;
    push(raw, folded, start + from, start + stop.end, out);
    from = stop.end;
  }
  push(raw, folded, start + from, end, out);
}

/**
 * The next run of . ! ? from `at` (an ellipsis folds to "."), with the quotes or brackets closing
 * it: it ends a sentence when whitespace or the end follows. "3.5", "example.com" and "?!x" do not
 * end one. Read by hand, once per character: a regex retried at every dot of a long run of dots
 * ("....x") backtracks over the whole run each time.
 */
function terminatorAt(block: string, at: number): { start: number; end: number; ends: boolean } | undefined {
  let start = at;
  while (start < block.length && !isTerminator(block.charCodeAt(start))) start++;
  if (start === block.length) return undefined;
  let end = start;
  while (end < block.length && isTerminator(block.charCodeAt(end))) end++;
  while (end < block.length && isCloser(block.charCodeAt(end))) end++;
  return { start, end, ends: end === block.length || /\s/.test(block[end] as string) };
}

// . ! ?
function isTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

// " ' ) ]
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93;
}

function isAbbreviation(block: string, dot: number, raw: string, after: number): boolean {
  // The word before the dot (letters and inner dots, as in "e.g"), read backwards by hand: this
  // runs at every full stop.
  let from = dot;
  while (from > 0 && from > dot - 12 && isWordOrDot(block.charCodeAt(from - 1))) from--;
  while (from < dot && block.charCodeAt(from) === 46) from++;
  const word = block.slice(from, dot);
  if (word === '' || !/^[a-z]/.test(word)) return false;
  if (word.length === 1 && word !== 'i' && word !== 'a') return true;
  if (!ABBREVIATIONS.has(word)) return false;
  // "...by 5 p.m. Then" or "...and so on, etc. Next" still end there: a capital follows.
  const next = /\S/.exec(raw.slice(after, after + 4))?.[0] ?? '';
  return !(/\p{Lu}/u.test(next) && (word === 'etc' || word === 'a.m' || word === 'p.m'));
}

function push(raw: string, folded: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && isSpace(folded.charCodeAt(start))) start++;
  while (end > start && isSpace(folded.charCodeAt(end - 1))) end--;
  const text = folded.slice(start, end);
  // Runs of punctuation or emoji alone ("...", ":)") say nothing.
  if (!/[a-z0-9]/.test(text) && !/\p{L}/u.test(raw.slice(start, end))) return;
  out.push({ start, end, text, question: isQuestion(text) });
}

function isQuestion(text: string): boolean {
  return text.includes('?') || ASKING_OPENING.test(text) || (MAY_ASK_INSIDE.test(text) && ASKING_INSIDE.test(text));
}

function isWordOrDot(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160;
}
