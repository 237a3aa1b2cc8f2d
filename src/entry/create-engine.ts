import { createLlmEngine } from '../coach/engines/llm-engine.js';
import { createOfflineEngine } from '../coach/engines/offline-engine.js';
import type { CoachEngine } from '../coach/engine.js';
import type { Config } from '../config.js';
import type { ChatModel } from '../llm/chat-model.js';
import { createOpenAIChatModel } from '../llm/openai-chat-model.js';

/** How long a turn waits for its reading before it falls back to the analyzer's. */
export const CLASSIFIER_TIMEOUT_MS = 8_000;

/** The jobs a model does; each may be a different model (`config.models`). */
export type ModelJob = keyof Config['models'];

/** The chat model the config names for `job`, or null when the offline engine needs none. The Node entry passes a faster `fetch`. */
export function createChatModel(config: Config, transport: { fetch?: typeof fetch } = {}, job: ModelJob = 'persona'): ChatModel | null {
  if (config.provider === 'offline') return null;
  const classifier = job === 'classifier';
  if (classifier && config.models.classifier === 'off') return null;
  const timeoutMs =
    // A reading that is slow or fails is replaced by the analyzer's, so it gets one short try.
    classifier ? Math.min(config.modelTimeoutMs, CLASSIFIER_TIMEOUT_MS) : job === 'critique' ? config.critiqueTimeoutMs : config.modelTimeoutMs;
  return createOpenAIChatModel({
    // parseConfig guarantees a key whenever the provider is openai.
    apiKey: config.openai.apiKey ?? '',
    baseURL: config.openai.baseURL,
    model: config.models[job],
    timeoutMs,
    ...(job === 'critique' && { timeoutSetting: 'LOOP_COACH_CRITIQUE_TIMEOUT_MS' }),
    maxRetries: classifier ? 0 : config.modelRetries,
    ...(transport.fetch && { fetch: transport.fetch }),
  });
}

/** The engine the config asks for; every entry point calls this. */
export function createEngine(config: Config, transport: { fetch?: typeof fetch } = {}): CoachEngine {
  const persona = createChatModel(config, transport);
  if (!persona) return createOfflineEngine();
  const classifier = createChatModel(config, transport, 'classifier');
  return createLlmEngine(persona, {
    ...(classifier && { classifier }),
    critic: createChatModel(config, transport, 'critique') ?? persona,
    coach: createChatModel(config, transport, 'hint') ?? persona,
  });
}
