import type { z } from 'zod';

/**
 * The only surface the rest of Loop Coach sees of a language model: `openai-chat-model.ts` talks
 * to any OpenAI-compatible endpoint. It knows prompts only as ids and text, nothing of coaching.
 * Failures surface as the typed errors in `../errors.ts`.
 */
export const PROVIDERS = ['openai', 'offline'] as const;
export type Provider = (typeof PROVIDERS)[number];

export type ChatRole = 'system' | 'user' | 'assistant';
export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** Which prompt file produced the messages, for logs and recorded answers. */
export interface PromptRef {
  id: string;
  version: number;
  /** The variables the prompt was rendered with (a recorder masks per-session values such as the canary). */
  vars: Record<string, string>;
}

export interface ChatRequest {
  messages: ChatMessage[];
  prompt?: PromptRef;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export interface ModelIdentity {
  provider: Provider;
  model: string;
}

export interface ChatResult extends ModelIdentity {
  text: string;
  usage: Usage | null;
}

export type ChatStreamEvent = { type: 'delta'; text: string } | ({ type: 'done'; text: string; usage: Usage | null } & ModelIdentity);

export interface StructuredRequest<S extends z.ZodType> extends ChatRequest {
  schema: S;
  /** Schema name sent to the provider (letters, digits, `_`, `-`). */
  schemaName: string;
}

export interface StructuredResult<T> extends ModelIdentity {
  value: T;
  usage: Usage | null;
}

/**
 * Every text is the answer only: a reasoning model's thinking (`<think>` blocks, reasoning fields)
 * is never returned. A reply the model did not finish (cut off at its token limit) is a retryable
 * ModelBadReplyError, never a shorter answer.
 */
export interface ChatModel extends ModelIdentity {
  complete(req: ChatRequest): Promise<ChatResult>;
  /** Yields text deltas as they arrive, then exactly one `done` event with the whole text. */
  stream(req: ChatRequest): AsyncIterable<ChatStreamEvent>;
  /**
   * A reply parsed as JSON (out of a code fence or surrounding prose if need be) and checked
   * against `schema`; a reply that fails either is a ModelBadReplyError.
   */
  structured<S extends z.ZodType>(req: StructuredRequest<S>): Promise<StructuredResult<z.infer<S>>>;
}

/**
 * The longest one model call may take, retries included: each of `maxRetries + 1` attempts may
 * use `timeoutMs`, and each wait between them (a provider's retry-after is honoured only up to
 * `timeoutMs`) as long again. Locks held across a call are sized from this.
 */
export function callDeadlineMs(opts: { timeoutMs: number; maxRetries: number }): number {
  return opts.timeoutMs * (2 * opts.maxRetries + 1);
}
