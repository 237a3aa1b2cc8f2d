import { createLlmEngine } from '../coach/engines/llm-engine.js';
import { createOfflineEngine } from '../coach/engines/offline-engine.js';
import type { CoachEngine } from '../coach/engine.js';
import type { Config } from '../config.js';
import type { ChatModel } from '../llm/chat-model.js';
import { createOpenAIChatModel } from '../llm/openai-chat-model.js';

/** The chat model the config names, or null when the offline engine needs none. The Node entry passes a faster `fetch`. */
export function createChatModel(config: Config, transport: { fetch?: typeof fetch } = {}): ChatModel | null {
  if (config.provider === 'offline') return null;
  return createOpenAIChatModel({
    // parseConfig guarantees a key whenever the provider is openai.
    apiKey: config.openai.apiKey ?? '',
    baseURL: config.openai.baseURL,
    model: config.model,
    timeoutMs: config.modelTimeoutMs,
    maxRetries: config.modelRetries,
    ...(transport.fetch && { fetch: transport.fetch }),
  });
}

/** The engine the config asks for; every entry point calls this. */
export function createEngine(config: Config, transport: { fetch?: typeof fetch } = {}): CoachEngine {
  const model = createChatModel(config, transport);
  return model ? createLlmEngine(model) : createOfflineEngine();
}
