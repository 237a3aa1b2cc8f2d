import type { OfflineHandlers } from '../llm/offline-chat-model.js';

/**
 * The offline engine's answer to each prompt id. The draft critique and the role-play personas
 * register here as they land; a prompt without a handler fails loudly rather than answering nonsense.
 */
export const OFFLINE_HANDLERS: OfflineHandlers = {};
