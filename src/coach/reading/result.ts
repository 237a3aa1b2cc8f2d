/**
 * A change the user reports in numbers: "we went from like 47 quarantined tests down to 9", "212 down
 * to 140", "pass rate went from 71% to 96%". The persona notices it in the user's own figures.
 */
export interface Result {
  from: string;
  to: string;
  /** Whether the figure went down (fewer tickets) or up (a higher pass rate). */
  down: boolean;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)*\s?%?)`;
/** A "from … to …" is a result when something moved: "went from", "dropped from", "brought it from". */
const MOVED =
  /\b(?:went|gone|go|goes|dropped|drop|fell|fallen|rose|risen|came|brought|got|cut|reduced|moved|jumped|climbed|improved|halved|down|up)\b[^.!?]{0,40}$/i;
const FILLER = String.raw`(?:like|about|around|roughly|approx(?:imately)?|nearly|almost|over|under)\s+`;
const CHANGE = new RegExp(
  [
    String.raw`\bfrom\s+(?:${FILLER})?${NUMBER}(?:\s+[a-z][a-z'-]*){0,3}?\s+(?:down\s+|up\s+)?to\s+(?:${FILLER})?${NUMBER}`,
    String.raw`\b${NUMBER}(?:\s+[a-z][a-z'-]*){0,2}?\s+(?:down|up)\s+to\s+(?:${FILLER})?${NUMBER}`,
  ].join('|'),
  'i',
);

const value = (figure: string) => Number(figure.replace(/[,%\s]/g, ''));

/** The first change in numbers the text reports, or undefined. */
export function resultOf(text: string): Result | undefined {
  const found = CHANGE.exec(text);
  if (!found) return undefined;
  const from = (found[1] ?? found[3])?.trim();
  const to = (found[2] ?? found[4])?.trim();
  if (!from || !to || Number.isNaN(value(from)) || Number.isNaN(value(to)) || value(from) === value(to)) return undefined;
  if (found[1] !== undefined && !/\b(?:down|up)\s+to\b/i.test(found[0]) && !MOVED.test(text.slice(0, found.index))) return undefined;
  // "from 9am to 5pm" is a time, not a result.
  if (/^\s*(?:am|pm|o'?clock|:)/i.test(text.slice(found.index + found[0].length))) return undefined;
  return { from, to, down: value(to) < value(from) };
}
