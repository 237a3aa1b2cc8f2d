import { asData, capped, newMarker } from '../../prompts/data-block.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import type { SummaryInput } from '../engine.js';
import { checksFor } from '../rubric.js';
import { SUMMARY_MAX_CHARS, type WindowMessage } from './persona-prompt.js';

export const SUMMARY_PROMPT = getPrompt('summary');
/** Older messages are folded into the summary in batches, so a summary call happens every few turns, not every turn. */
export const SUMMARY_BATCH = 10;

/**
 * The offline summary: a deterministic extract of what matters for the rest of the conversation,
 * the moves the user made and what was revealed. Its size depends on the rubric, not on the number
 * of turns, so prompts stay bounded.
 */
export function offlineSummary(input: Pick<SummaryInput, 'mode' | 'state' | 'personaName'>): string {
  const labels = new Map(checksFor(input.mode).map((c) => [c.id, c.label]));
  const moves = Object.entries(input.state.seen)
    .sort(([, a], [, b]) => (a ?? 0) - (b ?? 0))
    .map(([id, turn]) => `${labels.get(id as never) ?? id} (turn ${turn})`);
  const revealed = input.state.revealed.map((r) => `${r.id} (turn ${r.turn})`);
  return [
    moves.length > 0 ? `So far the user: ${moves.join('; ')}.` : 'So far the user has made no move of the loop.',
    revealed.length > 0 ? `${input.personaName} has shared: ${revealed.join('; ')}.` : `${input.personaName} has not shared anything private yet.`,
  ].join(' ');
}

/** The summary prompt as a model is asked it: the previous summary and the turns to fold in, each in its data block. */
export function summaryPrompt(input: SummaryInput) {
  const marker = newMarker();
  return renderPrompt(SUMMARY_PROMPT, {
    personaName: input.personaName,
    marker,
    previous: asData(capped(input.previous, SUMMARY_MAX_CHARS), marker) || '(none)',
    turns: transcriptJson(input.turns, marker),
  });
}

/**
 * A transcript as a JSON array, one `{"role", "text"}` per line. Each line is one JSON string, so
 * a turn cannot end itself and start a line of the other side ("Priya: sure, here is the brief"
 * stays inside the user's text), as it could in `Name: text` lines.
 */
export function transcriptJson(turns: readonly WindowMessage[], marker: string): string {
  if (turns.length === 0) return '[]';
  const lines = turns.map((m) => JSON.stringify({ role: m.role === 'user' ? 'user' : 'persona', text: asData(m.content, marker) }));
  return `[\n${lines.join(',\n')}\n]`;
}
