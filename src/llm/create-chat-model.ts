import { OFFLINE_HANDLERS } from '../coach/offline-handlers.js';
import type { Config } from '../config.js';
import type { ChatModel } from './chat-model.js';
import { createOfflineChatModel } from './offline-chat-model.js';
import { createOpenAIChatModel } from './openai-chat-model.js';

/** The model the config asks for; both entry points call this. The Node entry passes a faster `fetch`. */
export function createChatModel(config: Config, transport: { fetch?: typeof fetch } = {}): ChatModel {
  if (config.provider === 'offline') return createOfflineChatModel(OFFLINE_HANDLERS);
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
