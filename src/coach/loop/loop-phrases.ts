import { z } from 'zod';

/**
 * The words of the loop's advice, the plan's draft message, the stop-looping warning and the
 * rehearsal persona's lines, as data: edited here, checked by the schema below when the module
 * loads. `{slot}` is filled by `fillPhrase` with the user's own data (names, goals, commitments),
 * never with text a model wrote. A phrase that is a list is used in turn or in full, as named.
 */
const Text = z
  .string()
  .min(1)
  .refine((s) => s === s.trim() && !s.includes('\n'), 'must be one line with no edge spaces');
const Slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
/** A phrase whose slots are exactly these (each used at least once, no other). */
const phrase = (...slots: string[]) =>
  Text.refine(
    (s) => {
      const used = new Set(Slots(s));
      return slots.every((slot) => used.has(slot)) && [...used].every((u) => slots.includes(u));
    },
    `must use exactly the slots ${slots.map((s) => `{${s}}`).join(', ') || '(none)'}`,
  );

const LoopPhrasesSchema = z.strictObject({
  stopLooping: z.strictObject({
    warning: phrase('count', 'name', 'dates'),
    caveat: phrase('name'),
    options: z.tuple([phrase('name', 'askBy'), phrase('name'), phrase()]),
    report: phrase('name'),
    none: phrase('name'),
    tooEarly: phrase('count', 'threshold', 'name'),
    reciprocal: phrase('date', 'name'),
  }),
  step4: z.strictObject({
    report: phrase('name'),
    notYet: phrase('name'),
    late: phrase('name'),
    now: phrase('name'),
    noGoal: phrase('name'),
    known: phrase('name'),
  }),
  plan: z.strictObject({
    reportDone: phrase('text'),
    reportOpen: phrase('text', 'due'),
    reportUndated: phrase('text'),
    reportOverdue: phrase('text', 'due'),
    reportNothing: phrase(),
    askPerception: phrase(),
    askHelp: phrase(),
    askTheirs: phrase('name', 'text'),
    askGoal: phrase('goal'),
    askOnceMore: phrase('goal', 'askBy'),
    askSetGoal: phrase(),
    askReportGoals: phrase('name'),
    offerPriority: phrase('priority'),
    offerNeed: phrase('need'),
    offerOpen: phrase('name'),
  }),
  draft: z.strictObject({
    greeting: phrase('name'),
    done: phrase('text'),
    onTrack: phrase('text', 'due'),
    undated: phrase('text'),
    late: phrase('text', 'due'),
    offer: phrase(),
    offerPriority: phrase('priority'),
    feedback: phrase(),
    goal: phrase('goal'),
    link: phrase(),
    whatItTakes: phrase(),
    onceMore: phrase('goal', 'askBy'),
    followUp: phrase(),
    followUpOn: phrase('date'),
    managerAsk: phrase(),
  }),
  rehearsal: z.strictObject({
    opening: phrase('priority'),
    focus: z.array(phrase('priority')).min(2),
    priorities: phrase('priorities'),
  }),
});
type LoopPhrases = z.infer<typeof LoopPhrasesSchema>;

export const LOOP_PHRASES: LoopPhrases = LoopPhrasesSchema.parse({
  stopLooping: {
    warning:
      '{count} times since {name} last engaged with your goal, you helped or delivered, raised your goal, ' + 'and {name} did not engage with it ({dates}).',
    caveat:
      'The loop works in almost every case; the exception is a truly exploitative manager. ' +
      'This pattern is a reason to test where you stand, not a verdict on {name}.',
    options: [
      'Ask once more, explicitly and with a date: name your goal, recall what you have delivered, ' +
        'and ask {name} what it would take, agreeing on an answer by {askBy}.',
      "Involve a skip-level: ask {name}'s manager for a career conversation, and bring the record of what you have delivered.",
      'Consider moving: a team or a manager where help is returned. Keep delivering meanwhile, so you leave on a high.',
    ],
    report: '{name} reports to you: this check is about the people you work for.',
    none: 'No loop on record yet in which you helped and then raised your goal with {name}.',
    tooEarly: 'Too early to tell: {count} of {threshold} loops so far in which you helped, raised your goal and {name} did not engage with it.',
    reciprocal: 'Reciprocal: the last time you raised your goal after helping ({date}), {name} engaged with it.',
  },
  step4: {
    report: 'You manage {name}: start the loop from your side by asking about their goals (manager mode).',
    notYet: 'Not yet: no help is on record with {name}. Offer help and deliver it first; the goal conversation comes after.',
    late: 'Not yet: a commitment of yours to {name} is late. Deliver it (or agree a new date) first; then raise your goal.',
    now: 'Yes: help is on record with {name}, so link your goal to what they need and ask what it would take.',
    noGoal: 'Help is on record with {name}, so the goal conversation is earned; decide the concrete goal you want to raise first.',
    known: '{name} has told you what it would take: deliver it, and check back on the date you agree (step 5).',
  },
  plan: {
    reportDone: 'Done: {text}.',
    reportOpen: 'On track: {text} (due {due}).',
    reportUndated: 'Where it stands: {text}.',
    reportOverdue: 'Late: {text} was due {due}; say where it stands and when it will be done.',
    reportNothing: 'What you have delivered since you last spoke, in a sentence or two.',
    askPerception: 'How do they see your work right now, and what would they want you to do differently?',
    askHelp: 'What matters most to them right now, and how can you help?',
    askTheirs: '{name} said they would {text}: ask where it stands.',
    askGoal: 'Link your goal ({goal}) to what they need, and ask what it would take.',
    askOnceMore: 'Ask once more, explicitly and with a date: what would it take to reach {goal}, with an answer by {askBy}?',
    askSetGoal: 'Decide the concrete goal you want to raise (a role, a level, a skill, a project) and add it to this relationship.',
    askReportGoals: 'Ask {name} where they want to go in their career, and what would help them get there.',
    offerPriority: 'Offer to take a specific piece of {priority}.',
    offerNeed: 'They said: "{need}". Offer to take a specific piece of it.',
    offerOpen: 'Ask {name} what would help most this week, then offer to take one specific piece of it.',
  },
  draft: {
    greeting: 'Hi {name},',
    done: "I said I'd {text}, and it's done.",
    onTrack: "I said I'd {text} by {due}, and it's on track.",
    undated: "I said I'd {text}; it's in progress and I'll keep you posted.",
    late: "I said I'd {text} by {due}; I'm behind on it, and I'll send you a new date today.",
    offer: "What's the most useful thing I could take off your plate next?",
    offerPriority: 'I could take on part of {priority}, for example.',
    feedback: "And I'd value your view: how do you see my work right now, and what would you want me to do differently?",
    goal: "I'd also like to talk about my goal: {goal}.",
    link: 'Is there some way I could help you that would also help me reach that goal?',
    whatItTakes: 'What would you need to see from me to get there?',
    onceMore: "I'd like to come back to my goal: {goal}. What would it take to get there, and could we agree on that by {askBy}?",
    followUp: 'Could we check back on this at our next one-on-one?',
    followUpOn: 'Could we check back on this at our next one-on-one, on {date}?',
    managerAsk:
      "I'd like to use our next one-on-one to hear what you want from your career, so the work I give you fits where you want to go. " +
      'Could we check back on it every month?',
  },
  rehearsal: {
    opening: "{priority} is taking most of my week, so let's make this count. What did you want to talk about?",
    focus: ["Honestly, {priority} is what's on my mind right now.", 'Mostly {priority}. That, and keeping everything else afloat.'],
    priorities: 'What you care about right now, which the person you are talking to already knows: {priorities}.',
  },
});

/** A phrase with its slots filled; a slot without a value is a bug in the caller. */
export function fillPhrase(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`phrase "${template}": no value for {${name}}`);
    return value;
  });
}
