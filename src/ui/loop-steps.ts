import { CHECKS_BY_MODE, type Mode } from '../coach/rubric.js';

/** The Magic Loop in the words the pages use, keyed like `LOOP_STEPS` in coach/progress.ts. */
export const LOOP_STEP_TEXT = {
  '1': { title: 'Do your current job well', short: 'Do the job well', detail: 'Ask how your manager sees your work, and act on what you hear.' },
  '2': { title: 'Ask your boss how you can help', short: 'Offer help', detail: 'Find out what matters most to them right now.' },
  '3': { title: 'Do whatever they say', short: 'Deliver', detail: 'Commit plainly, even to the unglamorous work, and deliver.' },
  '4': {
    title: 'Align your goals with their needs',
    short: 'Align goals',
    detail: '“Is there some way I could help you that would also help me reach my goal?”',
  },
  '5': { title: 'Repeat', short: 'Repeat', detail: 'Check back, report what you delivered, and go round again.' },
  advanced: { title: 'Advanced mode', short: 'Advanced', detail: 'See what needs doing, do it, and keep your leader informed.' },
} as const;

export type LoopStepKey = keyof typeof LOOP_STEP_TEXT;
export const FIVE_STEPS = ['1', '2', '3', '4', '5'] as const;

/** The sides of the loop as the pages name them: the user talking to their manager, or being the manager. */
export const SIDE_TEXT = { employee: 'Talking to your manager', manager: 'As the manager' } as const;

/**
 * A step's title on a side. The manager's side is scored by the manager's moves, each of which
 * plays one step (the rubric's mapping), so its steps are named by those moves.
 */
export function stepTitle(side: Mode, step: LoopStepKey): string {
  if (side === 'employee') return LOOP_STEP_TEXT[step].title;
  const moves = CHECKS_BY_MODE.manager.filter((c) => c.kind === 'move' && String(c.step) === step).map((c) => c.label);
  const text = moves.join(', ') || LOOP_STEP_TEXT[step].title;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
