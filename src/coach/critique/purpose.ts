import { z } from '@hono/zod-openapi';
import type { CheckId, Mode } from '../rubric.js';
import { checkProbabilities, type LearnedReader } from '../analyzer/learned/learned-reader.js';
import { SHIPPED_READER } from '../analyzer/learned/shipped-reader.js';
import { likeliestPurpose, type LearnedPurpose } from './learned-purpose/learned-purpose.js';
import type { PURPOSE_CLASSES } from './learned-purpose/purpose-model.js';
import { SHIPPED_PURPOSE } from './learned-purpose/shipped-purpose.js';

/** What a message to one's manager is for: a step of the loop, or advanced mode (the rubric's Scoring table). */
export const PURPOSES = [1, 2, 3, 4, 5, 'advanced'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PurposeSchema = z
  .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal('advanced')])
  .openapi({ description: 'What the message is for: a step of the loop (1-5) or "advanced"; employee mode only' });

export const CritiquePurposeSchema = z
  .object({
    /** null in manager mode, which has one purpose. */
    step: PurposeSchema.nullable(),
    source: z.enum(['given', 'detected']),
  })
  .openapi('CritiquePurpose');
export type CritiquePurpose = z.infer<typeof CritiquePurposeSchema>;

/** The moves that count for each purpose, and those that are a bonus there, never required (rubric, Scoring). */
export const PURPOSE_MOVES: Record<Purpose | 'manager', { counts: readonly CheckId[]; bonus: readonly CheckId[] }> = {
  1: { counts: ['asks_for_feedback'], bonus: ['commits_to_task', 'proposes_follow_up'] },
  2: { counts: ['offers_help'], bonus: ['proposes_follow_up'] },
  3: { counts: ['commits_to_task'], bonus: ['proposes_follow_up'] },
  4: { counts: ['states_goal', 'links_goal_to_needs', 'asks_what_it_takes'], bonus: ['offers_help', 'proposes_follow_up'] },
  5: { counts: ['commits_to_task', 'offers_help', 'proposes_follow_up'], bonus: ['states_goal', 'asks_what_it_takes'] },
  advanced: { counts: ['keeps_leader_informed'], bonus: ['offers_help', 'proposes_follow_up'] },
  manager: { counts: ['asks_about_goals', 'clarifies_expectations', 'names_stretch_work', 'offers_partnership', 'proposes_follow_up'], bonus: [] },
};

export const movesFor = (mode: Mode, step: Purpose | null) => PURPOSE_MOVES[mode === 'manager' || step === null ? 'manager' : step];

/** What to do next in the loop once a message of this purpose is sent: said once, apart from the score and fixes. */
export const NEXT_STEP: Record<Purpose | 'manager', string> = {
  1: 'Act on what they tell you, visibly, and then ask how you can help them (step 2).',
  2: 'Do whatever they name, plainly and on time, and tell them when it is done (step 3).',
  3: 'Deliver it and report back; once you have helped, you have earned the goal conversation (step 4).',
  4: 'Do what they said it would take, and check back on the date you agreed (step 5).',
  5: 'Start the next loop: ask again how you can help, and keep your goal in view.',
  advanced: 'Keep them informed like this after each thing you fix, and link it to your goal when the time is right.',
  manager: 'Follow up on the date you set, and keep your side of the deal visibly.',
};

export const nextStepFor = (mode: Mode, step: Purpose | null): string => NEXT_STEP[mode === 'manager' || step === null ? 'manager' : step];

/**
 * The words that say what a message is for, beside the checks (vocabulary as data, held to its
 * examples in test/critique-purpose.test.ts): a report of work delivered (step 5), a note about
 * something the writer fixed on their own (advanced), asking what comes next (an offer of help).
 * The learned detector reads them as signals; the offline critique credits reports with them.
 */
export const PURPOSE_CUES = {
  delivered: [
    String.raw`\b(?:is|are|was|were|now|has been|have been|got)\s+(?:all\s+|now\s+)?`,
    String.raw`(?:done|finished|complete|completed|live|submitted|signed off|approved|wrapped(?: up)?|closed)\b`,
    String.raw`|\b(?:i|we)(?:'ve| have)?\s+(?:shipped|delivered|finished|completed|submitted|wrapped up|closed out|handed over)\b`,
    String.raw`|\b(?:shipped|went live|went out|launched|landed)\b(?! by| next| on \w+day\?)`,
    String.raw`|\bclosing the loop\b|\bas promised\b|\bwe(?:'ve| have) hit\b|\bit'?s (?:done|finished|live)\b`,
  ].join(''),
  informed: [
    String.raw`\b(?:fyi|heads[- ]up|quick update|short update|an update on|update on something|for your awareness|just so you know|wanted you to know`,
    String.raw`|no action needed|nothing (?:needed|required) from you|nothing for you to do|no need to do anything)\b`,
  ].join(''),
  acted: [
    String.raw`\bi(?:'ve| have)? (?:fixed|set up|sorted|handled|patched|moved|rerouted|switched|arranged|rebuilt|resolved`,
    String.raw`|got (?:their|the) \w+ together|worked it through|put in place|added|changed)\b`,
  ].join(''),
  next: [
    String.raw`\bwhat(?:'s| is) (?:next|top of your list|on your plate|the next)\b|\bready for (?:round two|the next|more)\b`,
    String.raw`|\bwhat (?:would|could) (?:be )?(?:most )?useful\b`,
  ].join(''),
} as const;
const CUE = Object.fromEntries(Object.entries(PURPOSE_CUES).map(([k, v]) => [k, new RegExp(v, 'i')])) as Record<keyof typeof PURPOSE_CUES, RegExp>;

/** Whether a text shows a purpose cue: for the vocabulary's own tests. */
export const showsPurposeCue = (text: string, cue: keyof typeof PURPOSE_CUES) => CUE[cue].test(text);

/**
 * What the learned detector reads besides the words: the checks present (`c:`) and the purpose cues
 * that fire (`q:`). One definition for training (scripts/train-purpose.ts) and detecting.
 */
export function purposeSignals(present: ReadonlySet<CheckId>, text: string, reader: LearnedReader = SHIPPED_READER): string[] {
  const cues = (Object.keys(CUE) as Array<keyof typeof CUE>).filter((cue) => CUE[cue].test(text));
  const leaning = leaningMoves(reader, text, present);
  return [...[...present].sort().map((id) => `c:${id}`), ...leaning.map((id) => `c:~${id}`), ...cues.map((cue) => `q:${cue}`)];
}

/**
 * The learned reader's p, for the whole text, that a check is there, above which a check no frame
 * found still says what the message tries to do (`c:~id`): a weak draft often gestures at its move
 * ("what's my CSAT this month?") without making it. Chosen leave one writer out over the tuning
 * purpose sets, each fold's reader fitted without the writer left out (evals/README.md, "Purpose detection").
 */
export const LEANING_P = 0.5;

/** Checks of the employee mode not present whose p the reader puts above `LEANING_P`, sorted. */
export function leaningMoves(reader: LearnedReader, text: string, present: ReadonlySet<CheckId>): CheckId[] {
  const m = reader.modes.employee;
  const p = checkProbabilities(reader, 'employee', text);
  return m.checks.filter((id, k) => !present.has(id) && p[k]! > LEANING_P).sort();
}

const AS_PURPOSE: Record<(typeof PURPOSE_CLASSES)[number], Purpose> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, advanced: 'advanced' };

/** Checks that say what a message is for when present: every employee move, and the pitfalls of an ask for oneself. */
const TELLING: readonly CheckId[] = [...new Set<CheckId>([...PURPOSES.flatMap((p) => PURPOSE_MOVES[p].counts), 'vague_goal', 'demanding'])];

/**
 * The purpose a message shows: the learned detector's (learned-purpose/, fitted by `npm run
 * train:purpose` on the tuning purpose sets) over its words, the checks present and the purpose
 * cues. It generalises to new writers better than the hand-written reading order of `cuePurpose`
 * (leave one writer out: evals/README.md, "Purpose detection"). `previous` is the last purpose with
 * the same manager, used when the message shows no move, no ask for oneself and no cue.
 */
export function detectPurpose(
  present: ReadonlySet<CheckId>,
  text: string,
  previous?: Purpose,
  model: LearnedPurpose = SHIPPED_PURPOSE,
  reader: LearnedReader = SHIPPED_READER,
): Purpose {
  const signals = purposeSignals(present, text, reader);
  if (previous !== undefined && !TELLING.some((id) => present.has(id)) && !signals.some((s) => s.startsWith('q:'))) return after(previous);
  return AS_PURPOSE[likeliestPurpose(model, text, signals)];
}

const after = (previous: Purpose): Purpose => (previous === 'advanced' || previous === 5 ? previous : ((previous + 1) as Purpose));

/**
 * The hand-written detector the learned one replaced, kept as its baseline in evals (the purpose
 * suite reports both, leave one writer out). Reading order follows how people write: a report of
 * their own fix is advanced mode; an ask for themselves is step 4 unless it follows a report of
 * delivered work with an offer or a check-in (step 5); then feedback, doing what was asked,
 * offering help.
 */
export function cuePurpose(present: ReadonlySet<CheckId>, text: string, previous?: Purpose): Purpose {
  const has = (...ids: CheckId[]) => ids.some((id) => present.has(id));
  // A vague or demanding ask for oneself is still the alignment ask, made badly.
  const ask = has('states_goal', 'links_goal_to_needs', 'asks_what_it_takes', 'vague_goal', 'demanding');
  if (has('keeps_leader_informed') || (!ask && CUE.informed.test(text) && CUE.acted.test(text))) return 'advanced';
  const delivered = CUE.delivered.test(text);
  // A report that leads into the alignment ask is the ask (step 4); one that leads into the next round of help is step 5.
  if (delivered && !has('links_goal_to_needs') && (has('offers_help', 'proposes_follow_up') || CUE.next.test(text))) return 5;
  if (ask) return 4;
  if (has('asks_for_feedback')) return 1;
  if (has('commits_to_task')) return 3;
  if (has('offers_help')) return 2;
  if (previous !== undefined) return after(previous);
  return 2;
}

/** The sentence of a text that shows a cue, verbatim, if any. */
export function sentenceWith(sentences: readonly string[], cue: keyof typeof PURPOSE_CUES): string | undefined {
  return sentences.find((s) => CUE[cue].test(s));
}
