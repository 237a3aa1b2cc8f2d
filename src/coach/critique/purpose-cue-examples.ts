import type { PURPOSE_CUES } from './purpose.js';

/** What each purpose cue must match, and what it must not: the vocabulary's own tests (kept out of the runtime bundle). */
export const PURPOSE_CUE_EXAMPLES: Record<keyof typeof PURPOSE_CUES, { examples: readonly string[]; counterexamples: readonly string[] }> = {
  delivered: {
    examples: [
      'The audit you asked for is done.',
      'onboarding v2 shipped Tuesday',
      'Closing the loop: supplier onboarding is now 5 days.',
      'the report is submitted',
    ],
    counterexamples: ["I'll have it done by Friday?", 'Could you tell me how the launch is going?'],
  },
  informed: {
    examples: [
      'FYI: the export failed overnight.',
      'Quick update on something I handled.',
      'Nothing needed from you.',
      'Heads-up, the vendor changed their API.',
    ],
    counterexamples: ['Could you update me on the budget?', 'What do you need from me?'],
  },
  acted: {
    examples: ["I've patched the job and backfilled the data.", 'I set up a backup supplier.', 'I fixed the config.'],
    counterexamples: ['Could you fix the config?', 'I will look into it.'],
  },
  next: {
    examples: ["What's next on your list?", 'Ready for round two.', 'What would be most useful now?'],
    counterexamples: ['Next week works.', 'I did the next batch.'],
  },
};
