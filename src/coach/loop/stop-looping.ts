import { z } from '@hono/zod-openapi';
import type { Relation } from './entry-reading-schema.js';
import { fillPhrase, LOOP_PHRASES } from './loop-phrases.js';
import { helpedIn, type LoopEntry } from './loop-state.js';

export const StopLoopingSchema = z
  .object({
    warning: z.boolean(),
    /** The pattern as the entries show it, or why there is no warning; never a judgement of the person. */
    reason: z.string(),
    /** The entries of the one-sided loops (where help was given and where the goal was raised), oldest first. */
    evidence: z.array(z.string()),
    /** With a warning: the loop works in almost every case, except with truly exploitative managers. */
    caveat: z.string().nullable(),
    /** With a warning: ask once more with a date, involve a skip-level, consider moving. */
    options: z.array(z.string()),
  })
  .openapi('StopLooping');
export type StopLooping = z.infer<typeof StopLoopingSchema>;

/**
 * One loop: help given (in one or more entries), then the goal raised, engaged with or not.
 * Raising the goal with no help on record since it was last raised is no loop: the ask was not
 * earned, so the answer says nothing about reciprocity.
 */
interface Loop {
  entries: string[];
  raisedAt: number;
  engaged: boolean;
}

function loopsOf(entries: readonly LoopEntry[]): Loop[] {
  const loops: Loop[] = [];
  let helped: string[] = [];
  for (const entry of entries) {
    if (helpedIn(entry)) helped.push(entry.id);
    const answer = entry.reading.goalEngaged;
    if (answer === null) continue;
    if (helped.length > 0) loops.push({ entries: [...new Set([...helped, entry.id])], raisedAt: entry.at, engaged: answer });
    helped = [];
  }
  return loops;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The reciprocity check: a warning once `threshold` loops since the other person last engaged with
 * the user's goal were one-sided (the user helped or delivered, raised the goal, and it was not
 * engaged with). It describes that pattern with its entries as evidence, states the caveat, and
 * gives the options; a reciprocal history, a history too short to tell, and a report (the user is
 * their manager) give none. `askBy` is the date to name when asking once more.
 */
export function stopLooping(input: { name: string; relation: Relation; entries: readonly LoopEntry[]; threshold: number; askBy: string }): StopLooping {
  const { name, threshold } = input;
  const quiet = (reason: string): StopLooping => ({ warning: false, reason, evidence: [], caveat: null, options: [] });
  const phrases = LOOP_PHRASES.stopLooping;
  if (input.relation === 'report') return quiet(fillPhrase(phrases.report, { name }));
  const loops = loopsOf(input.entries);
  if (loops.length === 0) return quiet(fillPhrase(phrases.none, { name }));
  const lastEngaged = loops.findLastIndex((l) => l.engaged);
  const oneSided = loops.slice(lastEngaged + 1);
  if (oneSided.length >= threshold) {
    return {
      warning: true,
      reason: fillPhrase(phrases.warning, { count: String(oneSided.length), name, dates: oneSided.map((l) => day(l.raisedAt)).join(', ') }),
      evidence: [...new Set(oneSided.flatMap((l) => l.entries))],
      caveat: fillPhrase(phrases.caveat, { name }),
      options: [fillPhrase(phrases.options[0], { name, askBy: input.askBy }), fillPhrase(phrases.options[1], { name }), phrases.options[2]],
    };
  }
  if (oneSided.length === 0) return quiet(fillPhrase(phrases.reciprocal, { date: day((loops.at(-1) as Loop).raisedAt), name }));
  return quiet(fillPhrase(phrases.tooEarly, { count: String(oneSided.length), threshold: String(threshold), name }));
}
