import { createLlmEngine } from '../coach/engines/llm-engine.js';
import { createOfflineEngine } from '../coach/engines/offline-engine.js';
import type { CoachEngine } from '../coach/engine.js';
import type { Config } from '../config.js';
import { createOpenAIChatModel } from '../llm/openai-chat-model.js';

/** The engine the config asks for; every entry point calls this. The Node entry passes a faster `fetch`. */
export function createEngine(config: Config, transport: { fetch?: typeof fetch } = {}): CoachEngine {
  if (config.provider === 'offline') return createOfflineEngine();
  return createLlmEngine(
    createOpenAIChatModel({
      // parseConfig guarantees a key whenever the provider is openai.
      apiKey: config.openai.apiKey ?? '',
      baseURL: config.openai.baseURL,
      model: config.model,
      timeoutMs: config.modelTimeoutMs,
      maxRetries: config.modelRetries,
      ...(transport.fetch && { fetch: transport.fetch }),
    }),
  );
}
