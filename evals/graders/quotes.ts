import { fail, pass, type Grade } from './grade.js';

/**
 * Quote grounding, checked again here rather than trusted from the engine: every quote shown must
 * appear in the text character for character, and quotes the engine gave that were dropped for
 * not appearing count against it too.
 */
export function gradeQuotes(text: string, evidence: Record<string, readonly string[]>, dropped: number): Grade & { grounded: number; ungrounded: number } {
  const shown = Object.entries(evidence).flatMap(([id, quotes]) => quotes.map((q) => ({ id, q })));
  const bad = shown.filter(({ q }) => q.length === 0 || !text.includes(q));
  const grounded = shown.length - bad.length;
  const ungrounded = bad.length + dropped;
  if (ungrounded === 0) return { ...pass('quotes'), grounded, ungrounded };
  const detail = [
    ...bad.map(({ id, q }) => `${id}: "${q}" is not in the text`),
    ...(dropped > 0 ? [`${dropped} quote(s) dropped by the engine as not in the text`] : []),
  ].join('; ');
  return { ...fail('quotes', detail), grounded, ungrounded };
}
