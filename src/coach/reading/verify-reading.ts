import { CHECKS_BY_MODE, type Mode } from '../rubric.js';
import { NOT_CREDITED_WHEN_GRUDGING } from './acts.js';
import type { TurnReading } from './reading-schema.js';
import type { ModelReading } from './turn-reading-prompt.js';

/**
 * A model's reading as we store it: only the mode's checks, each kept only with quotes that are
 * in the user's line character for character (a check left without one is not present), and
 * grudging agreement given no credit as help or a commitment, whatever the model said.
 */
export function verifyReading(reading: ModelReading, text: string, mode: Mode): TurnReading & { quotesDropped: number } {
  const allowed = new Set<string>(CHECKS_BY_MODE[mode].map((c) => c.id));
  const grudging = reading.acts.includes('grudging');
  let quotesDropped = 0;
  const checks: TurnReading['checks'] = [];
  for (const check of reading.checks) {
    if (!allowed.has(check.id) || (grudging && NOT_CREDITED_WHEN_GRUDGING.includes(check.id))) continue;
    const evidence = [...new Set(check.evidence.map((q) => q.trim()).filter((q) => q !== '' && text.includes(q)))];
    quotesDropped += check.evidence.length - evidence.length;
    if (evidence.length > 0 && !checks.some((c) => c.id === check.id)) checks.push({ id: check.id, evidence });
  }
  return { acts: [...new Set(reading.acts)], checks, tone: reading.tone, source: 'model', quotesDropped };
}
