import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ModelBadReplyError } from '../src/errors.js';
import { createOfflineChatModel } from '../src/llm/offline-chat-model.js';

const model = createOfflineChatModel({
  echo: (prompt) => `You said: ${prompt.vars.text}`,
  count: (prompt) => ({ words: (prompt.vars.text ?? '').split(/\s+/).filter(Boolean).length }),
});
const ref = (id: string, text: string) => ({ id, version: 1, vars: { text } });

describe('offline chat model', () => {
  it('answers by prompt id, deterministically, labelled offline', async () => {
    const req = { messages: [{ role: 'user' as const, content: 'x' }], prompt: ref('echo', 'hello there') };
    const a = await model.complete(req);
    expect(a).toEqual({ text: 'You said: hello there', usage: null, provider: 'offline', model: 'offline' });
    expect(await model.complete(req)).toEqual(a);
  });

  it('streams word-sized deltas that add up to the whole reply', async () => {
    const events = [];
    for await (const e of model.stream({ messages: [], prompt: ref('echo', 'one two three') })) events.push(e);
    const deltas = events.filter((e) => e.type === 'delta');
    expect(deltas.length).toBeGreaterThan(2);
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', text: 'You said: one two three', provider: 'offline' });
    expect(deltas.map((d) => d.text).join('')).toBe('You said: one two three');
  });

  it('checks structured answers against the schema', async () => {
    const ok = await model.structured({ messages: [], prompt: ref('count', 'a b c'), schema: z.object({ words: z.number() }), schemaName: 'count' });
    expect(ok.value).toEqual({ words: 3 });
    await expect(
      model.structured({ messages: [], prompt: ref('count', 'a'), schema: z.object({ words: z.string() }), schemaName: 'count' }),
    ).rejects.toBeInstanceOf(ModelBadReplyError);
  });

  it('fails loudly for a prompt it has no handler for', async () => {
    await expect(model.complete({ messages: [], prompt: ref('nope', '') })).rejects.toThrow(/no handler for prompt "nope"/);
  });
});
