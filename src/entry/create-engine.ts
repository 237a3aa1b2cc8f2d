import { createLlmEngine } from '../coach/engines/llm-engine.js';
import { createOfflineEngine } from '../coach/engines/offline-engine.js';
import type { CoachEngine } from '../coach/engine.js';
import type { Config } from '../config.js';
import type { ChatModel } from '../llm/chat-model.js';
import { createOpenAIChatModel } from '../llm/openai-chat-model.js';

/** How long a turn waits for its reading before it falls back to the analyzer's. */
export const CLASSIFIER_TIMEOUT_MS = 8_000;

/** The chat model the config names, or null when the offline engine needs none. The Node entry passes a faster `fetch`. */
export function createChatModel(config: Config, transport: { fetch?: typeof fetch } = {}, role: 'persona' | 'classifier' = 'persona'): ChatModel | null {
  if (config.provider === 'offline') return null;
  const classifier = role === 'classifier';
  if (classifier && config.classifierModel === 'off') return null;
  return createOpenAIChatModel({
    // parseConfig guarantees a key whenever the provider is openai.
    apiKey: config.openai.apiKey ?? '',
    baseURL: config.openai.baseURL,
    model: classifier ? config.classifierModel : config.model,
    // A reading that is slow or fails is replaced by the analyzer's, so it gets one short try.
    timeoutMs: classifier ? Math.min(config.modelTimeoutMs, CLASSIFIER_TIMEOUT_MS) : config.modelTimeoutMs,
    maxRetries: classifier ? 0 : config.modelRetries,
    ...(transport.fetch && { fetch: transport.fetch }),
  });
}

/** The engine the config asks for; every entry point calls this. */
export function createEngine(config: Config, transport: { fetch?: typeof fetch } = {}): CoachEngine {
  const model = createChatModel(config, transport);
  const classifier = createChatModel(config, transport, 'classifier');
  return model ? createLlmEngine(model, { ...(classifier && { classifier }) }) : createOfflineEngine();
}
