import { transcriptJson } from '../../src/coach/roleplay/running-summary.js';

type Turn = { role: 'user' | 'persona'; text: string; error?: string };

/** One line of a transcript as the evals' prompts read it: who said it, and what. */
export type TranscriptLine = { role: 'user' | 'persona'; text: string };

/** The lines a judge or the model user reads: every turn the app produced, in order (a failed reply said nothing). */
export function transcriptLines(turns: readonly Turn[]): TranscriptLine[] {
  return turns.filter((t) => !t.error).map(({ role, text }) => ({ role, text }));
}

/**
 * A transcript as the body of a data block: the app's own JSON lines (`transcriptJson`), each line
 * one JSON string with the request's marker taken out, so no turn can end itself, close the block
 * or start a line of the other side, as it could in `Name: text` lines.
 */
export function transcriptData(lines: readonly TranscriptLine[], marker: string): string {
  return transcriptJson(
    lines.map((l) => ({ role: l.role, content: l.text })),
    marker,
  );
}
