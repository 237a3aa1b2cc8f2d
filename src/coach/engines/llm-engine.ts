import { AppError, ModelBadReplyError } from '../../errors.js';
import type { ChatMessage, ChatModel, ChatStreamEvent } from '../../llm/chat-model.js';
import { readTurnOffline } from '../reading/read-turn.js';
import { ModelReadingSchema, readTurnPrompt } from '../reading/turn-reading-prompt.js';
import { verifyReading } from '../reading/verify-reading.js';
import { critiquePrompt } from '../critique/critique-prompt.js';
import { EngineCritiqueSchema } from '../critique/critique-schema.js';
import type { CoachEngine } from '../engine.js';
import { ModelEntryReadingSchema, readEntryPrompt } from '../loop/entry-reading-prompt.js';
import { readEntryOffline } from '../loop/read-entry.js';
import { verifyEntryReading } from '../loop/verify-entry-reading.js';
import { hintPrompt } from '../roleplay/hint.js';
import { personaPrompt } from '../roleplay/persona-prompt.js';
import { summaryPrompt } from '../roleplay/running-summary.js';

const REPAIR = 'Your previous answer could not be used: it was not valid JSON of the required shape. Answer again with only the JSON object, nothing else.';

/**
 * The coach on chat models: each task is its versioned prompt, rendered and sent to its model.
 * `model` plays the persona and folds the running summary; `critic` critiques and `coach` gives
 * hints (both `model` unless given). With a `classifier`, each user turn is read by a
 * classification call on it (JSON schema, quotes verified); when that call fails or times out the
 * analyzer's reading is used and the turn goes on.
 */
export function createLlmEngine(model: ChatModel, opts: { classifier?: ChatModel; critic?: ChatModel; coach?: ChatModel } = {}): CoachEngine {
  const { classifier, critic = model, coach = model } = opts;
  return {
    provider: model.provider,
    model: model.model,
    async critique(input) {
      const { text, ref } = critiquePrompt(input);
      const messages: ChatMessage[] = [{ role: 'user', content: text }];
      const ask = (msgs: ChatMessage[]) =>
        critic.structured({
          messages: msgs,
          prompt: ref,
          schema: EngineCritiqueSchema,
          schemaName: 'critique',
          temperature: 0,
          ...(input.signal && { signal: input.signal }),
        });
      let reply;
      try {
        reply = await ask(messages);
      } catch (err) {
        if (!(err instanceof ModelBadReplyError)) throw err;
        // One repair attempt: models that slip out of JSON usually comply when told so.
        reply = await ask([...messages, { role: 'user', content: REPAIR }]);
      }
      return { provider: reply.provider, model: reply.model, value: reply.value, prompt: { id: ref.id, version: ref.version } };
    },
    async readTurn({ text, mode, previous, turn, budget }) {
      if (!classifier) return readTurnOffline(text, mode, previous, turn, undefined, budget);
      const { text: prompt, ref } = readTurnPrompt({ text, mode, previous });
      try {
        const reply = await classifier.structured({
          messages: [{ role: 'user', content: prompt }],
          prompt: ref,
          schema: ModelReadingSchema,
          schemaName: 'turn_reading',
          temperature: 0,
          maxTokens: 400,
        });
        const { quotesDropped: _dropped, ...reading } = verifyReading(reply.value, text, mode);
        return reading;
      } catch (err) {
        // Any failure of the reading call (status, timeout, bad JSON) falls back; only a bug propagates.
        if (!(err instanceof AppError)) throw err;
        return readTurnOffline(text, mode, previous, turn, undefined, budget);
      }
    },
    async *personaReply(turn, opts): AsyncIterable<ChatStreamEvent> {
      const prompt = personaPrompt(turn);
      const req = { messages: prompt.messages, prompt: prompt.ref, temperature: 0.7, maxTokens: 400, ...(opts.signal && { signal: opts.signal }) };
      if (opts.stream) {
        yield* model.stream(req);
        return;
      }
      const result = await model.complete(req);
      yield { type: 'delta', text: result.text };
      yield { type: 'done', text: result.text, usage: result.usage, provider: result.provider, model: result.model };
    },
    async readEntry(input) {
      const { text, ref } = readEntryPrompt(input);
      try {
        const reply = await critic.structured({
          messages: [{ role: 'user', content: text }],
          prompt: ref,
          schema: ModelEntryReadingSchema,
          schemaName: 'entry_reading',
          temperature: 0,
          ...(input.signal && { signal: input.signal }),
        });
        const { quotesDropped: _dropped, ...reading } = verifyEntryReading(reply.value, input);
        return reading;
      } catch (err) {
        // As with a turn's reading: a failed call (status, timeout, bad JSON) falls back to the analyzer's; only a bug propagates.
        if (!(err instanceof AppError)) throw err;
        return readEntryOffline(input);
      }
    },
    async hint(input) {
      const { text, ref } = hintPrompt(input);
      const result = await coach.complete({ messages: [{ role: 'user', content: text }], prompt: ref, maxTokens: 200 });
      return result.text.trim();
    },
    async summary(input) {
      const { text, ref } = summaryPrompt(input);
      const result = await model.complete({
        messages: [{ role: 'user', content: text }],
        prompt: ref,
        maxTokens: 300,
        ...(input.signal && { signal: input.signal }),
      });
      return result.text.trim();
    },
  };
}
