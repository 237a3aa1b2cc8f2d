/**
 * Text that is not ours (what the user wrote, a model's summary of it) reaches a model only as
 * data: between markers such as `<<<MESSAGE-{{marker}}` and `MESSAGE-{{marker}}>>>`, where the
 * marker is drawn afresh for each request. The text cannot close its block or pass for one of
 * our notes: it cannot know the marker, and it is stripped of the marker and of the bracket runs
 * markers are made of before it is placed.
 */

/** 64 random bits as hex: a new one for every request, so no earlier reply or prompt gives it away. */
export function newMarker(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Three or more angle brackets in a row: what opens and closes a block, whatever its label.
const BRACKET_RUN = /<{3,}|>{3,}/g;

/**
 * `text` made safe to place between markers. The marker goes first, then bracket runs become a
 * space: a space can neither join two halves of a marker nor extend a run.
 */
export function asData(text: string, marker: string): string {
  return text.split(marker).join('').replace(BRACKET_RUN, ' ');
}

/** At most `max` characters (whole code points), with an ellipsis when cut. */
export function capped(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
