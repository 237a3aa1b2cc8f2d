import type { ChatMessage } from './chat-model.js';

/**
 * Messages in the shape the strictest chat templates accept. Many open models' templates (Mistral,
 * Gemma, Llama 2 behind vLLM or llama.cpp) and DeepSeek's reasoner refuse a conversation whose
 * roles do not alternate ("Conversation roles must alternate user/assistant/user/assistant"), so
 * consecutive messages of one role become one message, their texts a blank line apart. Callers
 * start the conversation with a user message; this keeps what they send in that order.
 */
export function alternatingRoles(messages: readonly ChatMessage[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const m of messages) {
    const last = out.at(-1);
    if (last?.role === m.role) out[out.length - 1] = { role: m.role, content: `${last.content}\n\n${m.content}` };
    else out.push({ role: m.role, content: m.content });
  }
  return out;
}
