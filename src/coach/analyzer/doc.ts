import { foldText } from './fold.js';
import { splitSentences, type Sentence } from './sentences.js';

/** A text ready for the checks: the original (for quotes), its folded copy (for patterns), its sentences. */
export interface Doc {
  raw: string;
  folded: string;
  sentences: Sentence[];
}

export function readDoc(raw: string): Doc {
  const folded = foldText(raw);
  return { raw, folded, sentences: splitSentences(raw, folded) };
}

/** The sentence as the user wrote it: a verbatim slice, so always a substring of the input. */
export function quoteOf(doc: Doc, sentence: Sentence): string {
  return doc.raw.slice(sentence.start, sentence.end).trim();
}

/** A verbatim slice of the input at sentence-relative offsets, with edge spaces and punctuation trimmed. */
export function phraseOf(doc: Doc, sentence: Sentence, from: number, to: number): string | undefined {
  const text = doc.raw.slice(sentence.start + from, sentence.start + to);
  const trimmed = text.replace(/^[\s"'([{,;:\-\u2013\u2014]+|[\s"')\]},;:.!?\-\u2013\u2014]+$/gu, '');
  return trimmed === '' ? undefined : trimmed;
}
