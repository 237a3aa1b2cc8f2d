import type { CheckId, Mode } from '../../rubric.js';
import { quoteOf, type Doc } from '../doc.js';
import type { Finding } from '../finding.js';
import { checkProbabilities, type LearnedReader } from './learned-reader.js';
import { wordTokens } from './word-features.js';

/**
 * The moves the learned reader finds in a text that the hand-written frames did not, among the
 * checks it reads (the pitfalls, and the moves where it did not help leave one writer out, are the
 * frames' alone: who acts, negation and quoting decide them). A check is present when the text's p
 * is above the check's threshold and so is the p of its most telling sentence (read on its own),
 * which is then its quote: a verbatim slice of the text. A text shorter than any the reader was
 * fitted on gets nothing from it. The design and its measurements: evals/reader-experiment/README.md,
 * "Adopting it".
 */
export function learnedFindings(reader: LearnedReader, doc: Doc, mode: Mode, found: ReadonlySet<CheckId>): Partial<Record<CheckId, Finding>> {
  const out: Partial<Record<CheckId, Finding>> = {};
  if (doc.sentences.length === 0 || wordTokens(doc.raw).length < reader.fewestWords) return out;
  const m = reader.modes[mode];
  const text = checkProbabilities(reader, mode, doc.raw);
  let sentences: Float64Array[] | undefined;
  m.checks.forEach((id, k) => {
    if (found.has(id) || !(text[k]! > m.threshold[k]!)) return;
    sentences ??= doc.sentences.map((s) => checkProbabilities(reader, mode, doc.raw.slice(s.start, s.end)));
    let best = 0;
    for (let i = 1; i < sentences.length; i++) if (sentences[i]![k]! > sentences[best]![k]!) best = i;
    if (!(sentences[best]![k]! > m.threshold[k]!)) return;
    const quote = quoteOf(doc, doc.sentences[best]!);
    if (quote !== '') out[id] = { present: true, evidence: [quote], learned: true };
  });
  return out;
}
