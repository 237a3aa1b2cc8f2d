import type { PromptRef } from '../llm/chat-model.js';
import { PROMPTS } from './generated.js';

export type PromptId = keyof typeof PROMPTS;
export type Prompt = (typeof PROMPTS)[PromptId];

export function getPrompt(id: PromptId): Prompt {
  return PROMPTS[id];
}

/**
 * Fills `{{name}}` placeholders. A placeholder without a value, or a value the prompt never uses,
 * is a bug in the caller, so both throw instead of sending a half-built prompt to a model.
 */
export function renderPrompt(prompt: Pick<Prompt, 'id' | 'version' | 'text'>, vars: Record<string, string>): { text: string; ref: PromptRef } {
  const used = new Set<string>();
  const text = prompt.text.replace(/\{\{\s*([a-zA-Z][\w]*)\s*\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`prompt ${prompt.id}: no value for {{${name}}}`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(vars).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`prompt ${prompt.id}: unused variables ${unused.join(', ')}`);
  return { text, ref: { id: prompt.id, version: prompt.version, vars } };
}
