import { CHECKS_BY_MODE } from '../rubric.js';
import { findWhen, resolveWhen } from './due-dates.js';
import type { EntryReading } from './entry-reading-schema.js';
import type { ModelEntryReading } from './entry-reading-prompt.js';
import { modeFor, type EntryInput } from './read-entry.js';
import { splitSpeakers } from './speakers.js';

const DAY_MS = 86_400_000;

/** The quote as it stands in the text: verbatim, or found again whatever its case; else undefined. */
function inText(text: string, quote: string): string | undefined {
  const q = quote.trim().replace(/^["'“”]+|["'“”]+$/g, '');
  if (q === '') return undefined;
  if (text.includes(q)) return q;
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  return at >= 0 ? text.slice(at, at + q.length) : undefined;
}

/**
 * A model's reading of an entry as we store it. Checks: only the mode's, each kept only with quotes
 * that are in the entry character for character and not wholly inside what the other person said
 * (by the labels and narration `splitSpeakers` reads), so their words never count as the user's.
 * Needs and feedback: quotes found in the entry. Dates: resolved by our code from the words that set
 * them, else the model's date if it is a real one near the entry's. Returns how many quotes were dropped.
 */
export function verifyEntryReading(reading: ModelEntryReading, input: EntryInput): EntryReading & { quotesDropped: number } {
  const { text } = input;
  const mode = modeFor(input.relation);
  const allowed = new Set<string>(CHECKS_BY_MODE[mode].map((c) => c.id));
  const segments = splitSpeakers(text, input.kind, input.name);
  const theirsOnly = (start: number, end: number) =>
    segments.some((s) => s.speaker === 'them' && s.start <= start && end <= s.end) &&
    !segments.some((s) => s.speaker === 'me' && s.start < end && start < s.end);
  let quotesDropped = 0;

  const checks: EntryReading['checks'] = [];
  for (const check of reading.checks) {
    if (!allowed.has(check.id) || checks.some((c) => c.id === check.id)) continue;
    const evidence = [
      ...new Set(
        check.evidence.flatMap((q) => {
          const found = text.includes(q.trim()) && q.trim() !== '' ? q.trim() : undefined;
          const at = found === undefined ? -1 : text.indexOf(found);
          return found !== undefined && !theirsOnly(at, at + found.length) ? [found] : [];
        }),
      ),
    ];
    quotesDropped += check.evidence.length - evidence.length;
    if (evidence.length > 0) checks.push({ id: check.id, evidence });
  }
  const quotes = (items: readonly string[]) => {
    const kept = [...new Set(items.flatMap((q) => inText(text, q) ?? []))];
    quotesDropped += items.length - kept.length;
    return kept;
  };

  const day = Math.floor(input.at / DAY_MS) * DAY_MS;
  // A date of the model's own: a real day, from the day before the conversation to about a year on.
  const plausible = (date: string | null): date is string => {
    if (date === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
    const ms = Date.parse(`${date}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(date) && ms >= day - DAY_MS && ms <= day + 400 * DAY_MS;
  };
  const commitments = reading.commitments
    .filter((c) => c.text.trim() !== '')
    .map((c, i) => {
      const when = c.when === null ? null : (inText(text, c.when) ?? null);
      // Words we can read decide the date (an event such as "before the offsite" is none); others leave it to the model.
      const readable = when !== null && findWhen(when).length > 0;
      const due = readable ? resolveWhen(when, input.at) : plausible(c.due) ? c.due : null;
      return { id: `c${i + 1}`, text: c.text.trim(), owner: c.owner, due, when, status: 'open' as const };
    });

  return {
    checks,
    needs: quotes(reading.needs),
    commitments,
    feedback: quotes(reading.feedback),
    goalEngaged: reading.goalEngaged,
    source: 'model',
    quotesDropped,
  };
}
