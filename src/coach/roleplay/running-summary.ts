import type { ChatModel } from '../../llm/chat-model.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import { checksFor, type Mode } from '../rubric.js';
import type { WindowMessage } from './persona-prompt.js';
import type { RoleplayState } from './turn-state.js';

export const SUMMARY_PROMPT = getPrompt('summary');
/** Older messages are folded into the summary in batches, so a summary call happens every few turns, not every turn. */
export const SUMMARY_BATCH = 10;

export interface SummaryData {
  mode: Mode;
  state: RoleplayState;
  personaName: string;
}

/**
 * The offline summary: a deterministic extract of what matters for the rest of the conversation,
 * the moves the user made and what was revealed. Its size depends on the rubric, not on the number
 * of turns, so prompts stay bounded.
 */
export function offlineSummary(data: SummaryData): string {
  const labels = new Map(checksFor(data.mode).map((c) => [c.id, c.label]));
  const moves = Object.entries(data.state.seen)
    .sort(([, a], [, b]) => (a ?? 0) - (b ?? 0))
    .map(([id, turn]) => `${labels.get(id as never) ?? id} (turn ${turn})`);
  const revealed = data.state.revealed.map((r) => `${r.id} (turn ${r.turn})`);
  return [
    moves.length > 0 ? `So far the user: ${moves.join('; ')}.` : 'So far the user has made no move of the loop.',
    revealed.length > 0 ? `${data.personaName} has shared: ${revealed.join('; ')}.` : `${data.personaName} has not shared anything private yet.`,
  ].join(' ');
}

/** Folds older messages into the running summary, with the model (or the offline extract). */
export async function foldSummary(
  model: ChatModel,
  input: { previous: string; turns: readonly WindowMessage[]; personaName: string; data: SummaryData; signal?: AbortSignal },
): Promise<string> {
  const { text, ref } = renderPrompt(
    SUMMARY_PROMPT,
    {
      personaName: input.personaName,
      previous: input.previous || '(none)',
      turns: input.turns.map((m) => `${m.role === 'user' ? 'User' : input.personaName}: ${m.content}`).join('\n'),
    },
    input.data,
  );
  const result = await model.complete({
    messages: [{ role: 'user', content: text }],
    prompt: ref,
    maxTokens: 300,
    ...(input.signal && { signal: input.signal }),
  });
  return result.text.trim();
}
