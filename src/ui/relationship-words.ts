import type { EntryKind, Relation } from '../coach/loop/entry-reading-schema.js';
import type { Commitment, LoopState } from '../coach/loop/loop-state.js';
import { spokenDate } from '../coach/loop/plan.js';
import { dayText } from '../coach/scenarios/partner.js';
import { FIVE_STEPS, LOOP_STEP_TEXT } from './loop-steps.js';

// The relationship pages' words for the loop's data: who someone is to the user, what an entry
// records, whose a commitment is and when it is due, and where each step of the loop stands.

export const RELATION_TEXT: Record<Relation, string> = {
  manager: 'Your manager',
  'skip-level': "Your manager's manager",
  report: 'Reports to you',
  other: 'Someone else you work with',
};

export const KIND_TEXT: Record<EntryKind, string> = { 'one-on-one': 'One-on-one', message: 'Message', note: 'Note' };

/** Why the next check-in is on its date. */
const BASIS_TEXT: Record<NonNullable<LoopState['nextCheckIn']>['basis'], string> = {
  agreed: 'the date you agreed',
  cadence: 'your usual gap between one-on-ones',
  default: 'two weeks after your last entry',
};

/** An entry as lists and headings name it: "One-on-one, 3 Nov 2026". */
export const entryTitle = (entry: { kind: EntryKind; at: Date | number | string }) =>
  `${KIND_TEXT[entry.kind]}, ${dayText(typeof entry.at === 'number' ? new Date(entry.at) : entry.at)}`;

export const nextCheckInText = (next: LoopState['nextCheckIn']) => (next ? `${spokenDate(next.date)} (${BASIS_TEXT[next.basis]})` : null);

/** Who promised it: "You" or the person's name. */
export const ownerText = (c: Pick<Commitment, 'owner'>, name: string) => (c.owner === 'me' ? 'You' : name);

/** When it is due, in words, with the words it was set by: "due Friday 6 November (“by Friday”)". */
export function dueText(c: Pick<Commitment, 'due' | 'when'>): string {
  if (c.due) return `due ${spokenDate(c.due)}${c.when ? ` (“${c.when}”)` : ''}`;
  return c.when ? `“${c.when}”` : 'no date';
}

export const STATUS_TEXT: Record<Commitment['status'], string> = { open: 'open', done: 'done', overdue: 'late' };

export type StepState = 'done' | 'next' | 'not-yet';
export const STEP_STATE_TEXT: Record<StepState, string> = { done: 'done', next: 'next', 'not-yet': 'not yet' };

export interface RelationshipStep {
  step: (typeof FIVE_STEPS)[number];
  state: StepState;
  /** What shows it, or what to do, in a sentence. */
  detail: string;
  /** The entries that show it. */
  evidence: readonly string[];
}

const yesNo = (done: boolean) => (done ? 'yes' : 'not yet');

/**
 * Where each of the five steps stands with one person, from the loop state: the step to work on
 * next (`nextStep`), the steps its entries show done, and the rest not yet.
 */
export function relationshipSteps(state: LoopState): RelationshipStep[] {
  const { steps } = state;
  const mine = state.commitments.items.filter((c) => c.owner === 'me');
  const open = mine.filter((c) => c.status !== 'done');
  const late = open.filter((c) => c.status === 'overdue').length;
  const goal = [steps.goalStated, steps.goalLinked, steps.whatItTakesKnown];
  const shown: Record<RelationshipStep['step'], { done: boolean; detail: string; evidence: readonly string[] }> = {
    '1': {
      done: steps.perceptionKnown.done,
      detail: steps.perceptionKnown.done ? 'They told you how they see your work.' : 'Ask how they see your work.',
      evidence: steps.perceptionKnown.evidence,
    },
    '2': {
      done: steps.helpOffered.done,
      detail: steps.helpOffered.done ? 'You offered help or took work on.' : 'Offer help with what matters most to them.',
      evidence: steps.helpOffered.evidence,
    },
    '3': {
      done: steps.helpOffered.done && open.length === 0,
      detail:
        open.length > 0
          ? `${open.length} of your commitments still open${late > 0 ? `, ${late} late` : ''}.`
          : steps.helpOffered.done
            ? 'Everything you committed to is delivered.'
            : 'Deliver what you take on.',
      evidence: [...new Set(mine.filter((c) => c.status === 'done').map((c) => c.entryId))],
    },
    '4': {
      done: steps.goalLinked.done && steps.whatItTakesKnown.done,
      detail:
        `Goal named: ${yesNo(steps.goalStated.done)}; linked to what they need: ${yesNo(steps.goalLinked.done)}; ` +
        `they engaged with what it would take: ${yesNo(steps.whatItTakesKnown.done)}.`,
      evidence: [...new Set(goal.flatMap((s) => s.evidence))],
    },
    '5': { done: false, detail: 'Report back on what you delivered, and go round again.', evidence: [] },
  };
  return FIVE_STEPS.map((step) => {
    const { done, detail, evidence } = shown[step];
    const isNext = String(state.nextStep) === step;
    return { step, state: isNext ? 'next' : done ? 'done' : 'not-yet', detail, evidence };
  });
}

/** A step as the relationship pages name it: "Step 2 · Ask your boss how you can help". */
export const stepName = (step: (typeof FIVE_STEPS)[number]) => `Step ${step} · ${LOOP_STEP_TEXT[step].title}`;
