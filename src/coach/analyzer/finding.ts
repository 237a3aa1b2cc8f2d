import { quoteOf, type Doc } from './doc.js';
import type { Sentence } from './sentences.js';

/** One check's verdict: present or not, with the user's own words that show it. */
export interface Finding {
  present: boolean;
  /** Verbatim quotes, each a substring of the input. */
  evidence: string[];
  /** Found by the learned reader alone, not by the frames (`learned/`). */
  learned?: true;
}

// A critique shows a few quotes per check; more repeats the point.
const MAX_QUOTES = 3;

/** The finding shown by these sentences: present when at least one quote survives the substring check. */
export function findingOf(doc: Doc, sentences: readonly Sentence[]): Finding {
  const evidence: string[] = [];
  // A frame lists a sentence once per phrase it finds there: each is quoted once.
  for (const s of new Set(sentences)) {
    const quote = quoteOf(doc, s);
    // Offsets come from the same string, so this never fails; the check keeps the guarantee explicit
    // (searched from the sentence's own place, where it is found at once).
    if (quote !== '' && doc.raw.indexOf(quote, s.start) >= 0 && !evidence.includes(quote)) evidence.push(quote);
    if (evidence.length === MAX_QUOTES) break;
  }
  return { present: evidence.length > 0, evidence };
}
