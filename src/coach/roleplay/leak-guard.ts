/**
 * Keeps a persona's hidden brief out of what the user sees while a reply streams. Text is released
 * as soon as it cannot be the beginning of a forbidden string (the session's canary, a sentence of
 * the brief), so streaming starts at once and only the few characters that might begin a leak wait.
 */
export interface LeakGuard {
  /** Adds streamed text; returns what can be shown now, or `leak: true` once a forbidden string is complete. */
  push(text: string): { release: string; leak: boolean };
  /** The rest, at the end of the reply (nothing is forbidden at that point unless already leaked). */
  flush(): string;
}

/**
 * Case, curly quotes and line breaks do not hide a leak. Length-preserving (one UTF-16 unit in,
 * one out), so positions in the folded text are positions in the streamed text.
 */
const FOLD: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"' };
// Printable ASCII and spaces: lower-casing is one unit per unit, and nothing else needs folding.
const PLAIN = /^[\x20-\x7e]*$/;
const ASCII_SPACE = /[\t\n\v\f\r]/g;
function fold(s: string): string {
  const spaced = s.replace(ASCII_SPACE, ' ');
  if (PLAIN.test(spaced)) return spaced.toLowerCase();
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const unit = FOLD[ch] ?? (/\s/.test(ch) ? ' ' : lower.length === ch.length ? lower : ch);
    out += unit;
  }
  return out;
}

/** Shorter sentences ("Reviews are next week.") are things a persona may well say in its own words. */
export const MIN_SENTENCE = 24;
export const SENTENCE_BREAK = /(?<=[.!?])\s+/;

/**
 * What must not appear: each forbidden string whole, and each of its sentences on its own, since
 * a model echoing one sentence of a multi-sentence fact or situation leaks just as much.
 */
const NEEDLE_CACHE_LIMIT = 256;

interface Needles {
  list: string[];
  /** The needles by their first character, to find the tails that could begin one without trying each needle at each position. */
  byFirst: Map<number, string[]>;
  longest: number;
}

const needleCache = new Map<string, Needles>();

function needlesOf(forbidden: readonly string[]): Needles {
  // The same brief comes back every turn of a session: fold and split it once.
  const key = forbidden.join('\u0000');
  const cached = needleCache.get(key);
  if (cached) return cached;
  const needles = new Set<string>();
  for (const f of forbidden) {
    const whole = fold(f.trim());
    if (whole.length >= 8) needles.add(whole);
    for (const sentence of whole.split(SENTENCE_BREAK)) if (sentence.length >= MIN_SENTENCE) needles.add(sentence);
  }
  if (needleCache.size >= NEEDLE_CACHE_LIMIT) needleCache.clear();
  const list = [...needles];
  const byFirst = new Map<number, string[]>();
  for (const n of list) byFirst.set(n.charCodeAt(0), [...(byFirst.get(n.charCodeAt(0)) ?? []), n]);
  const found = { list, byFirst, longest: list.reduce((max, n) => Math.max(max, n.length), 0) };
  needleCache.set(key, found);
  return found;
}

/** Whether `text` from `at` to its end is a proper beginning of `needle`. */
function beginsNeedle(text: string, at: number, needle: string): boolean {
  if (text.length - at >= needle.length) return false;
  for (let i = at; i < text.length; i++) if (text.charCodeAt(i) !== needle.charCodeAt(i - at)) return false;
  return true;
}

export function createLeakGuard(forbidden: readonly string[]): LeakGuard {
  const { list: needles, byFirst, longest } = needlesOf(forbidden);
  let text = '';
  // Folding is one unit per unit, so the folded text grows piece by piece alongside the text.
  let folded = '';
  let released = 0;
  return {
    push(piece) {
      // A forbidden string completed by this piece ends inside it, so only the last stretch is searched.
      const searchFrom = Math.max(0, folded.length - longest + 1);
      text += piece;
      folded += fold(piece);
      const recent = folded.slice(searchFrom);
      if (needles.some((n) => recent.includes(n))) return { release: '', leak: true };
      // Hold back the longest tail that is the beginning of some forbidden string: the first
      // position, from the earliest a needle could still be running, where one begins.
      let hold = 0;
      for (let p = Math.max(0, folded.length - longest + 1); p < folded.length && hold === 0; p++) {
        if (byFirst.get(folded.charCodeAt(p))?.some((n) => beginsNeedle(folded, p, n))) hold = folded.length - p;
      }
      const upTo = Math.max(released, text.length - hold);
      const release = text.slice(released, upTo);
      released = upTo;
      return { release, leak: false };
    },
    flush() {
      const rest = text.slice(released);
      released = text.length;
      return rest;
    },
  };
}

/** Whether a whole reply contains a forbidden string (the non-streaming check). */
export function leaks(reply: string, forbidden: readonly string[]): boolean {
  const folded = fold(reply);
  return needlesOf(forbidden).list.some((n) => folded.includes(n));
}
