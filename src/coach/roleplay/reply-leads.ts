/**
 * The few words a reply starts with when the turn ended on a time or on "is that right?": any
 * persona says them, so they live here rather than in every persona's lines. `{when}` is the
 * user's own time phrase, seen from the persona's side.
 */
export const LEADS = {
  when: ['{When} works.', '{When} is fine by me.', 'Yes, {when}.', '{When}, then.'],
  /** A time asked about before the last question ("closing date's the end of the month, isn't it?"): confirmed in passing. */
  whenEarlier: ['Yes, {when}.'],
  /** Before a goodbye, the time is confirmed, not discussed. */
  whenFarewell: ['{When}, then.', '{When} it is.'],
  /** "Does that work? / Deal? / OK?": agreed plainly (not "Broadly, yes", which round 24's reviewers read as a dodge). */
  check: ['Yes, that works.', 'Yes, fine by me.', 'Yes, good.', 'Yes, that works for me.'],
  /** "Is that right? / Am I missing something?": confirmed. */
  checkRight: ["Yes, that's right.", 'Yes, fair.', "That's right.", 'Yes, more or less.'],
  /** Whether the work counts toward the asker's goal: a guarded yes, then what the persona would want to see. */
  counts: ['It could, yes.', 'It can count, yes.', 'It would help, yes.'],
  /** A yes/no about the persona's own call that its lines do not answer: guarded, never a promise. */
  depends: ['Honestly? It depends on how the next few weeks go.', "Not a straight yes yet. Let's see how the first piece lands, then ask me again."],
  /** A commitment the persona heard before answering the question that ended the turn. */
  thanks: ['Thank you.', 'Good, thanks.', 'Appreciated.'],
  /** Work reported done, thanked before the fact it earned: not "Good, thanks.", which there reads as an answer to "how are you?". */
  reportThanks: ['Thank you.', 'Appreciated.'],
} as const;

/** Practical questions no line of the persona's world answers, named in the asker's words (`{Echo}`): one sentence after the echo. */
export const OPEN_LEADS = {
  count: [
    "{Echo} I'd have to check the exact number, and I'll send it to you today.",
    "{Echo} I don't have the figure in front of me, but you'll have it by tomorrow.",
  ],
  duration: [
    "{Echo} Longer than it should, honestly; I've never timed it properly.",
    "{Echo} More than I'd like. I'll keep a note this week and tell you properly.",
  ],
  where: ["{Echo} I'll send you where to find it straight after this.", "{Echo} I'll show you after this, so remind me if I forget."],
  date: ["{Echo} I don't have the date to hand, so I'll confirm it this week.", "{Echo} I'll check and send you the dates today."],
  meet: ["Let's say two weeks from now, and I'll send an invite.", "Same time in a fortnight; I'll put it in."],
  anything: ['No, that covers it.', "Nothing to add, that's the plan.", "No, that's everything."],
  fragment: ['Yes, {echo}.', 'Yes, {echo}, that one.'],
  pick: ['{Echo}, mainly.', '{Echo}, first.'],
  reasked: [
    "Fair, I dodged that. {Echo} I don't have a straight answer yet; give me till Friday and you'll have one.",
    "You're right, I skipped it. {Echo} I'll find out properly and come back to you today.",
  ],
} as const;

/** A result the user reported, noticed in their own figures. */
export const RESULT_LEADS = {
  down: ["{from} down to {to}, that's real progress.", 'From {from} to {to}, good work.'],
  up: ["{from} up to {to}, that's real progress.", 'From {from} to {to}, good work.'],
} as const;

export function fillResult(template: string, result: { from: string; to: string }): string {
  const filled = template.replace('{from}', result.from).replace('{to}', result.to);
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

export function fillEcho(template: string, echo: string): string {
  return template.replace('{Echo}', echo).replace('{echo}', echo);
}

const DAY_OR_MONTH =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)\b/g;

export function fillWhen(template: string, said: string): string {
  // "see you thursday" is agreed as "Thursday".
  const when = said.replace(DAY_OR_MONTH, (w) => w.charAt(0).toUpperCase() + w.slice(1));
  const capital = when.charAt(0).toUpperCase() + when.slice(1);
  return template.replace('{When}', capital).replace('{when}', when);
}
