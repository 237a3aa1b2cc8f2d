import { z } from '@hono/zod-openapi';
import type { CheckId } from '../rubric.js';
import { findWhen, resolveWhen } from './due-dates.js';
import { StoredCommitmentSchema, type EntryKind, type EntryReading } from './entry-reading-schema.js';

const DAY_MS = 86_400_000;

/** An entry as the loop reads it: its reading with the user's corrections applied. */
export interface LoopEntry {
  id: string;
  kind: EntryKind;
  /** Epoch ms. */
  at: number;
  text: string;
  reading: EntryReading;
}

/** Help or delivery by the user, in their words: what earns the goal conversation (step 4). */
const HELP_CHECKS: readonly CheckId[] = ['offers_help', 'commits_to_task', 'keeps_leader_informed'];

/** A commitment as every view shows it: named across the relationship, an open one past its date `overdue`. */
export const CommitmentSchema = StoredCommitmentSchema.extend({
  /** `<entry id>.<c1…>`: what `PATCH /api/relationships/{id}/commitments/{commitmentId}` takes. */
  id: z.string(),
  entryId: z.string(),
  status: z.enum(['open', 'done', 'overdue']),
}).openapi('Commitment');
export type Commitment = z.infer<typeof CommitmentSchema>;

const StepSchema = z.object({ done: z.boolean(), evidence: z.array(z.string()).openapi({ description: 'The entries that show it, oldest first' }) });

export const LoopStateSchema = z
  .object({
    entries: z.number().int(),
    lastConversationAt: z.iso.datetime().nullable(),
    steps: z.object({
      /** Feedback received: you know how your work is seen (step 1). */
      perceptionKnown: StepSchema,
      /** You offered help, took work on, or delivered (steps 2-3). */
      helpOffered: StepSchema,
      /** You named a concrete goal (step 4). */
      goalStated: StepSchema,
      /** You tied your goal to what they need (step 4). */
      goalLinked: StepSchema,
      /** You asked what it would take and they engaged with it (step 4). */
      whatItTakesKnown: StepSchema,
    }),
    commitments: z.object({ open: z.number().int(), done: z.number().int(), overdue: z.number().int(), items: z.array(CommitmentSchema) }),
    /** The loop step to work on next. */
    nextStep: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    nextCheckIn: z
      .object({
        date: z.iso.date(),
        /** `agreed`: a date set in a conversation; `cadence`: your one-on-ones' usual gap; `default`: two weeks after the last entry. */
        basis: z.enum(['agreed', 'cadence', 'default']),
      })
      .nullable(),
  })
  .openapi('LoopState');
export type LoopState = z.infer<typeof LoopStateSchema>;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayOf = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const has = (entry: LoopEntry, ids: readonly CheckId[]) => entry.reading.checks.some((c) => ids.includes(c.id));

/** An entry in which the user helped or delivered: a move of steps 2-3, or a promise of their own. */
export const helpedIn = (entry: LoopEntry) => has(entry, HELP_CHECKS) || entry.reading.commitments.some((c) => c.owner === 'me');

/** Every commitment of the relationship, oldest first, as of `now`. */
export function commitmentsOf(entries: readonly LoopEntry[], now: number): Commitment[] {
  const today = iso(now);
  return entries.flatMap((e) =>
    e.reading.commitments.map((c) => ({
      ...c,
      id: `${e.id}.${c.id}`,
      entryId: e.id,
      status: c.status === 'open' && c.due !== null && c.due < today ? ('overdue' as const) : c.status,
    })),
  );
}

const FOLLOW_UP =
  /\b(?:check (?:in|back)|catch up|follow up|meet(?: up)?|talk|sync|touch base|reconvene|pick (?:this|it|that) up|revisit|next (?:1:1|one-on-one|1-1))\b/i;

/**
 * When the next check-in is: a date agreed in the latest conversation that set one (and is still
 * ahead of it); else the usual gap between one-on-ones after the last one; else two weeks after
 * the last entry. A date already past moves on by the same gap until it is today or later.
 */
function nextCheckIn(entries: readonly LoopEntry[], now: number): LoopState['nextCheckIn'] {
  const last = entries.at(-1);
  if (!last) return null;
  for (const entry of [...entries].reverse()) {
    const agreed = entry.text
      .split(/(?<=[.!?\n])/)
      .filter((s) => FOLLOW_UP.test(s))
      .flatMap((s) => findWhen(s).map((w) => resolveWhen(w.phrase, entry.at)))
      .find((d): d is string => d !== null && d > iso(entry.at));
    if (agreed && agreed >= iso(now)) return { date: agreed, basis: 'agreed' };
    if (agreed) break;
  }
  const meetings = entries.filter((e) => e.kind === 'one-on-one');
  const gaps = meetings.slice(1).map((m, i) => dayOf(m.at) - dayOf((meetings[i] as LoopEntry).at));
  const sorted = gaps.filter((g) => g > 0).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const basis = median !== undefined ? 'cadence' : 'default';
  const gap = median !== undefined ? Math.min(28, Math.max(7, Math.round(median / DAY_MS))) * DAY_MS : 14 * DAY_MS;
  let date = dayOf((median !== undefined ? (meetings.at(-1) as LoopEntry) : last).at) + gap;
  while (date < dayOf(now)) date += gap;
  return { date: iso(date), basis };
}

/**
 * Where the loop stands with one person, from the entries (oldest first, corrections applied):
 * which steps are done and in which entries, the commitments on both sides, the step to work on
 * next and the next check-in.
 */
export function loopState(entries: readonly LoopEntry[], now: number): LoopState {
  const where = (test: (e: LoopEntry) => boolean) => {
    const evidence = entries.filter(test).map((e) => e.id);
    return { done: evidence.length > 0, evidence };
  };
  const steps = {
    perceptionKnown: where((e) => e.reading.feedback.length > 0),
    helpOffered: where(helpedIn),
    goalStated: where((e) => has(e, ['states_goal', 'links_goal_to_needs'])),
    goalLinked: where((e) => has(e, ['links_goal_to_needs'])),
    whatItTakesKnown: where((e) => has(e, ['asks_what_it_takes']) && e.reading.goalEngaged === true),
  };
  const items = commitmentsOf(entries, now);
  const mine = items.filter((c) => c.owner === 'me');
  const count = (status: Commitment['status']) => items.filter((c) => c.status === status).length;
  let nextStep: LoopState['nextStep'];
  if (!steps.helpOffered.done) nextStep = steps.perceptionKnown.done ? 2 : 1;
  else if (mine.some((c) => c.status !== 'done')) nextStep = 3;
  else if (!steps.goalLinked.done || !steps.whatItTakesKnown.done) nextStep = 4;
  else nextStep = 5;
  const last = entries.at(-1);
  return {
    entries: entries.length,
    lastConversationAt: last ? new Date(last.at).toISOString() : null,
    steps,
    commitments: { open: count('open'), done: count('done'), overdue: count('overdue'), items },
    nextStep,
    nextCheckIn: nextCheckIn(entries, now),
  };
}
