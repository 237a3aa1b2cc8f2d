import { analyze } from '../analyzer/index.js';
import { ASK_CHECKS } from '../critique/order-check.js';
import type { Purpose } from '../critique/purpose.js';
import type { Mode } from '../rubric.js';
import type { Relation } from './entry-reading-schema.js';
import { fillPhrase, LOOP_PHRASES } from './loop-phrases.js';
import type { Commitment, LoopEntry, LoopState } from './loop-state.js';
import type { StopLooping } from './stop-looping.js';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as a message says it: "Friday 6 November". */
export function spokenDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** What the plan is made from: the relationship as the user described it, and where the loop stands. */
export interface PlanInput {
  name: string;
  relation: Relation;
  yourGoal: string | null;
  knownPriorities: readonly string[];
  entries: readonly LoopEntry[];
  state: LoopState;
  stopLooping: StopLooping;
  now: number;
}

/** The next conversation, prepared: what to report, ask and offer, whether the step-4 ask is due, and a draft. */
export interface PreparedConversation {
  report: string[];
  ask: string[];
  offer: string[];
  step4: { time: boolean; reason: string };
  draft: { text: string; mode: Mode; purpose: Purpose | null };
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** The date to ask for an answer by: the next check-in, or two weeks on. */
export const askByDate = (state: LoopState, now: number) => state.nextCheckIn?.date ?? new Date(now + 14 * DAY_MS).toISOString().slice(0, 10);

/**
 * The user's commitments worth reporting: every one still open or late, and those done in the
 * last three conversations (older deliveries have been reported already).
 */
function toReport(input: PlanInput): Commitment[] {
  const recent = new Set(input.entries.slice(-3).map((e) => e.id));
  return input.state.commitments.items.filter((c) => c.owner === 'me' && (c.status !== 'done' || recent.has(c.entryId)));
}

/**
 * Prepares the next conversation with one person. The step-4 ask (the goal, linked to what they
 * need, and what it would take) is due only once help is on record with them, and the draft makes
 * it only then: a draft without it is checked again by the analyzer, and any optional line of the
 * user's own words that reads as an ask is left out. After a stop-looping warning the ask is made
 * once more, explicitly and with a date. A report's plan is the manager's side: ask about their goals.
 */
export function prepareConversation(input: PlanInput): PreparedConversation {
  const { name, state } = input;
  const P = LOOP_PHRASES;
  const askBy = spokenDate(askByDate(state, input.now));
  if (input.relation === 'report') {
    return {
      report: [],
      ask: [fillPhrase(P.plan.askReportGoals, { name })],
      offer: [fillPhrase(P.plan.offerOpen, { name })],
      step4: { time: false, reason: fillPhrase(P.step4.report, { name }) },
      draft: { text: [fillPhrase(P.draft.greeting, { name: firstName(name) }), P.draft.managerAsk].join('\n\n'), mode: 'manager', purpose: null },
    };
  }

  const helped = state.steps.helpOffered.done;
  const known = state.steps.whatItTakesKnown.done;
  const goal = input.yourGoal?.trim() || null;
  // Help first, delivered: a late commitment of the user's is step 3 still.
  const late = state.commitments.items.some((c) => c.owner === 'me' && c.status === 'overdue');
  const step4Time = helped && !known && !late && goal !== null;
  const reason = !helped ? P.step4.notYet : known ? P.step4.known : late ? P.step4.late : goal === null ? P.step4.noGoal : P.step4.now;
  const step4 = { time: step4Time, reason: fillPhrase(reason, { name }) };

  const reporting = toReport(input);
  const report = reporting.map((c) => {
    const due = c.due ? spokenDate(c.due) : '';
    if (c.status === 'done') return fillPhrase(P.plan.reportDone, { text: c.text });
    if (c.status === 'overdue') return fillPhrase(P.plan.reportOverdue, { text: c.text, due });
    return c.due ? fillPhrase(P.plan.reportOpen, { text: c.text, due }) : fillPhrase(P.plan.reportUndated, { text: c.text });
  });
  if (report.length === 0) report.push(P.plan.reportNothing);

  const ask: string[] = [];
  if (!state.steps.perceptionKnown.done) ask.push(P.plan.askPerception);
  if (!helped) ask.push(P.plan.askHelp);
  for (const c of state.commitments.items.filter((x) => x.owner === 'them' && x.status !== 'done').slice(-2)) {
    ask.push(fillPhrase(P.plan.askTheirs, { name: firstName(name), text: c.text }));
  }
  if (input.stopLooping.warning && goal !== null) ask.push(fillPhrase(P.plan.askOnceMore, { goal, askBy }));
  else if (step4Time && goal !== null) ask.push(fillPhrase(P.plan.askGoal, { goal }));
  else if (helped && !known && goal === null) ask.push(P.plan.askSetGoal);

  const latestNeeds = [...input.entries].reverse().find((e) => e.reading.needs.length > 0)?.reading.needs ?? [];
  const offer = [
    ...input.knownPriorities.slice(0, 2).map((priority) => fillPhrase(P.plan.offerPriority, { priority })),
    ...latestNeeds.slice(0, 2).map((need) => fillPhrase(P.plan.offerNeed, { need })),
  ];
  if (offer.length === 0) offer.push(fillPhrase(P.plan.offerOpen, { name: firstName(name) }));

  return { report, ask, offer, step4, draft: draftFor(input, reporting, step4Time, goal, askBy) };
}

function draftFor(input: PlanInput, reporting: readonly Commitment[], step4Time: boolean, goal: string | null, askBy: string): PreparedConversation['draft'] {
  const { state } = input;
  const D = LOOP_PHRASES.draft;
  const greeting = fillPhrase(D.greeting, { name: firstName(input.name) });
  const updates = reporting.slice(0, 2).map((c) => {
    if (c.status === 'done') return fillPhrase(D.done, { text: c.text });
    if (!c.due) return fillPhrase(D.undated, { text: c.text });
    return fillPhrase(c.status === 'overdue' ? D.late : D.onTrack, { text: c.text, due: spokenDate(c.due) });
  });
  const followUp = state.nextCheckIn ? fillPhrase(D.followUpOn, { date: spokenDate(state.nextCheckIn.date) }) : D.followUp;

  let purpose: Purpose;
  let lines: string[];
  if (input.stopLooping.warning && goal !== null) {
    purpose = 4;
    lines = [...updates, fillPhrase(D.onceMore, { goal, askBy })];
  } else if (step4Time && goal !== null) {
    purpose = 4;
    lines = [...updates, fillPhrase(D.goal, { goal }), D.link, D.whatItTakes, followUp];
  } else {
    // No ask for the user here: report, offer the next piece of help, check back.
    purpose = updates.length > 0 ? 5 : 2;
    const priority = input.knownPriorities[0];
    const optional = [...(priority ? [fillPhrase(D.offerPriority, { priority })] : []), ...(!state.steps.perceptionKnown.done ? [D.feedback] : [])];
    // Each optional line carries the user's own words: one that reads as a step-4 ask is left out.
    const safe = optional.filter((line) => !ASK_CHECKS.some((id) => analyze(line, 'employee').checks[id]?.present));
    lines = [...updates, D.offer, ...safe, followUp];
  }
  return { text: [greeting, lines.join(' ')].join('\n\n'), mode: 'employee', purpose };
}
