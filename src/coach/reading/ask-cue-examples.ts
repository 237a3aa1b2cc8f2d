import type { AskCueId } from './ask-cues.js';

/** What each ask cue must match, and what it must not: the vocabulary's own tests (kept out of the runtime bundle). */
export const ASK_CUE_EXAMPLES: Record<AskCueId, { examples: readonly string[]; counterexamples: readonly string[] }> = {
  when: {
    examples: [
      'Is Friday 9am okay?',
      'Can we do ten minutes on the 21st?',
      'Monday the 24th, thirty minutes.',
      'Thursday after handover.',
      'by end of the week',
    ],
    counterexamples: [
      'We sat down last week and it went fine.',
      'I send a progress update every Friday.',
      'We were at 11.5 in August.',
      'The backlog is huge.',
    ],
  },
  proposes_time: {
    examples: [
      "Let's say Monday.",
      "I'll pop something in your calendar for the 12th.",
      'First one Monday then.',
      'How about Thursday?',
      'Then let us meet next Tuesday at eight.',
    ],
    counterexamples: [
      'Monday was awful.',
      'We merged the last PR on Tuesday, and the alerts went from 15 a week to zero since then.',
      'The audit is on the 12th.',
      "If I find anything big before then I'll just ping you, don't want you finding out on the 30th",
    ],
  },
  check: {
    examples: [
      'Would that timeline suit you?',
      'Is OK?',
      'Sound useful?',
      'Does that sound right?',
      'Am I wrong?',
      'Deal?',
      'Does that work for you?',
      'So, yes or no on the budget deal?',
      'Is that fair?',
      'Slack for anything in between. Works?',
      'Half an hour, same room. Sound alright?',
      'Every second Monday before the store opens, okay with you?',
      'After that, every fortnight until the interview. Does that suit you?',
    ],
    counterexamples: ['What would it take?', 'Which numbers matter most?', 'Did you have a good weekend?', 'Are you okay with the new rota, honestly?'],
  },
  open: {
    examples: ['What keeps you up at night?', 'Which stores worry you?', 'Is there one thing I could take off you?', 'Who decides?'],
    counterexamples: ['Do you want the deal?', 'Can I lead the design?'],
  },
  diary: {
    examples: ['Is this a bad time, should we reschedule?', 'Are you free on Thursday?', "How's your week looking?", 'When suits you?'],
    counterexamples: ['How was your weekend?', 'What are you free to tell me?'],
  },
  people: {
    examples: ['Who else should I talk to?', 'Who decides on promotions?', 'Which team owns the rota?'],
    counterexamples: ['What worries you most?', 'When is the audit?'],
  },
  numbers: {
    examples: ['Which numbers are you watching most?', 'What do the metrics say?', 'Is it the budget or the rota?'],
    counterexamples: ['What keeps you up at night?', 'Who should I ask?'],
  },
  timeline: {
    examples: ['When is the audit?', 'Six weeks until what?', "What's the deadline?", 'How long have we got?'],
    counterexamples: ['Which numbers matter?', 'Who decides?'],
  },
  focus: {
    examples: [
      "What's the biggest thing on your plate?",
      'What keeps you up at night?',
      "What's head office going to grill you about?",
      'What are you working on?',
    ],
    counterexamples: ['When is the audit?', 'Who decides?', 'Is Friday okay?'],
  },
};
