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
const MIN_SENTENCE = 24;

/**
 * What must not appear: each forbidden string whole, and each of its sentences on its own, since
 * a model echoing one sentence of a multi-sentence fact or situation leaks just as much.
 */
const NEEDLE_CACHE_LIMIT = 256;
const needleCache = new Map<string, string[]>();

function needlesOf(forbidden: readonly string[]): string[] {
  // The same brief comes back every turn of a session: fold and split it once.
  const key = forbidden.join('\u0000');
  const cached = needleCache.get(key);
  if (cached) return cached;
  const needles = new Set<string>();
  for (const f of forbidden) {
    const whole = fold(f.trim());
    if (whole.length >= 8) needles.add(whole);
    for (const sentence of whole.split(/(?<=[.!?])\s+/)) if (sentence.length >= MIN_SENTENCE) needles.add(sentence);
  }
  if (needleCache.size >= NEEDLE_CACHE_LIMIT) needleCache.clear();
  const list = [...needles];
  needleCache.set(key, list);
  return list;
}

export function createLeakGuard(forbidden: readonly string[]): LeakGuard {
  const needles = needlesOf(forbidden);
  const longest = needles.reduce((max, n) => Math.max(max, n.length), 0);
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
      // Hold back the longest tail that is a prefix of some forbidden string.
      let hold = 0;
      for (const n of needles) {
        const first = n.charCodeAt(0);
        for (let p = Math.max(0, folded.length - (n.length - 1)); p < folded.length - hold; p++) {
          if (folded.charCodeAt(p) === first && n.startsWith(folded.slice(p))) {
            hold = folded.length - p;
            break;
          }
        }
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
  return needlesOf(forbidden).some((n) => folded.includes(n));
}
