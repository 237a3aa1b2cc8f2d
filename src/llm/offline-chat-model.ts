import type { z } from 'zod';
import { ModelBadReplyError } from '../errors.js';
import type { ChatModel, ChatRequest, ChatStreamEvent, PromptRef, StructuredRequest } from './chat-model.js';

/**
 * How the offline engine answers one prompt: real code working on the prompt's variables
 * (rubric analysis, a scripted persona), registered by prompt id. Returning a string answers
 * `complete`/`stream`; returning a value answers `structured`.
 */
export type OfflineHandler = (prompt: PromptRef, req: ChatRequest) => unknown;
export type OfflineHandlers = Readonly<Record<string, OfflineHandler>>;

export const OFFLINE_MODEL = 'offline';

/** The deterministic in-process engine: no network, same input gives the same output. */
export function createOfflineChatModel(handlers: OfflineHandlers): ChatModel {
  const answer = (req: ChatRequest): unknown => {
    const prompt = req.prompt;
    const handler = prompt && handlers[prompt.id];
    if (!prompt || !handler) {
      // A programming error, not a model fault: every prompt the app sends has an offline handler.
      throw new Error(`The offline engine has no handler for prompt ${prompt ? `"${prompt.id}"` : '(none given)'}.`);
    }
    return handler(prompt, req);
  };
  const text = (req: ChatRequest): string => {
    const value = answer(req);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };

  return {
    provider: 'offline',
    model: OFFLINE_MODEL,
    async complete(req) {
      return { text: text(req), usage: null, provider: 'offline', model: OFFLINE_MODEL };
    },
    async *stream(req): AsyncIterable<ChatStreamEvent> {
      const whole = text(req);
      // Word-sized pieces, so streaming clients see the same event flow as from a model.
      for (const piece of whole.match(/\S+\s*|\s+/g) ?? []) {
        req.signal?.throwIfAborted();
        yield { type: 'delta', text: piece };
      }
      yield { type: 'done', text: whole, usage: null, provider: 'offline', model: OFFLINE_MODEL };
    },
    async structured<S extends z.ZodType>(req: StructuredRequest<S>) {
      const parsed = req.schema.safeParse(answer(req));
      if (!parsed.success) {
        throw new ModelBadReplyError(`The offline engine's reply for "${req.prompt?.id}" does not match ${req.schemaName}.`);
      }
      return { value: parsed.data as z.infer<S>, usage: null, provider: 'offline' as const, model: OFFLINE_MODEL };
    },
  };
}
