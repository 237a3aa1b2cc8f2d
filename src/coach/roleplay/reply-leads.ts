/**
 * The few words a reply starts with when the turn ended on a time or on "is that right?": any
 * persona says them, so they live here rather than in every persona's lines. `{when}` is the
 * user's own time phrase, seen from the persona's side.
 */
export const LEADS = {
  when: ['{When} works.', '{When} is fine by me.', 'Yes, {when}.', '{When}, then.'],
  /** Before a goodbye, the time is confirmed, not discussed. */
  whenFarewell: ['{When}, then.', '{When} it is.'],
  check: ['Broadly, yes.', "That's about right.", 'Yes, fair.', 'More or less, yes.'],
  /** A commitment the persona heard before answering the question that ended the turn. */
  thanks: ['Thank you.', 'Good, thanks.', 'Appreciated.'],
} as const;

export function fillWhen(template: string, when: string): string {
  const capital = when.charAt(0).toUpperCase() + when.slice(1);
  return template.replace('{When}', capital).replace('{when}', when);
}
