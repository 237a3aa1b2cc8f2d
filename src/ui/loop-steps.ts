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
