import type { ChatStreamEvent } from '../../llm/chat-model.js';
import { readTurnOffline } from '../reading/read-turn.js';
import { CRITIQUE_PROMPT } from '../critique/critique-prompt.js';
import { EngineCritiqueSchema } from '../critique/critique-schema.js';
import { offlineCritique } from '../critique/offline-critique.js';
import type { CoachEngine } from '../engine.js';
import { offlineHint } from '../roleplay/hint.js';
import { readEntryOffline } from '../loop/read-entry.js';
import { offlinePersonaReply } from '../roleplay/offline-persona.js';
import { offlineSummary } from '../roleplay/running-summary.js';

export const OFFLINE_MODEL = 'offline';
const identity = { provider: 'offline', model: OFFLINE_MODEL } as const;

/**
 * The built-in engine: the rubric analyzer and the scripted personas, in-process. No network, and
 * the same input always gets the same answer.
 */
export function createOfflineEngine(): CoachEngine {
  return {
    ...identity,
    async critique(input) {
      const goal = input.context.goal;
      // Checked like any engine's answer, so the offline engine cannot drift from the shape.
      const opts = { ...(goal && { goal }), ...(input.purpose !== undefined && { purpose: input.purpose }), ...(input.budget && { budget: input.budget }) };
      const { unread, ...answer } = offlineCritique(input.text, input.mode, opts);
      const value = EngineCritiqueSchema.parse(answer);
      // The offline analyzer answers the same prompt a model does, so critiques record its id.
      return { ...identity, value, prompt: { id: CRITIQUE_PROMPT.id, version: CRITIQUE_PROMPT.version }, ...(unread && { unread }) };
    },
    async readTurn({ text, mode, previous, turn, budget }) {
      return readTurnOffline(text, mode, previous, turn, undefined, budget);
    },
    async *personaReply(turn, opts): AsyncIterable<ChatStreamEvent> {
      const whole = offlinePersonaReply(turn);
      // Word-sized pieces when streamed, so clients see the same event flow as from a model.
      const pieces = opts.stream ? (whole.match(/\S+\s*|\s+/g) ?? []) : [whole];
      for (const piece of pieces) {
        opts.signal?.throwIfAborted();
        yield { type: 'delta', text: piece };
      }
      yield { type: 'done', text: whole, usage: null, ...identity };
    },
    async hint(input) {
      return offlineHint(input);
    },
    async readEntry(input) {
      return readEntryOffline(input);
    },
    async summary(input) {
      return offlineSummary(input);
    },
  };
}
