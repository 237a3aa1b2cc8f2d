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

const fold = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');

export function createLeakGuard(forbidden: readonly string[]): LeakGuard {
  const needles = forbidden.map((f) => fold(f.trim())).filter((f) => f.length >= 8);
  let text = '';
  let released = 0;
  return {
    push(piece) {
      text += piece;
      const folded = fold(text);
      if (needles.some((n) => folded.includes(n))) return { release: '', leak: true };
      // Hold back the longest tail that is a prefix of some forbidden string.
      let hold = 0;
      for (const n of needles) {
        for (let k = Math.min(n.length - 1, folded.length); k > hold; k--) {
          if (n.startsWith(folded.slice(folded.length - k))) {
            hold = k;
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
  return forbidden.some((f) => f.trim().length >= 8 && folded.includes(fold(f.trim())));
}
