import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelTimeoutError, ModelUnavailableError } from '../src/errors.js';
import { createNodeHttpFetch } from '../src/llm/node-http-fetch.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { startScriptedOpenAI, type ScriptedOpenAI } from './support/scripted-openai-server.js';

// The Node entry gives the SDK this transport; the SDK must behave exactly as with Node's fetch.
let server: ScriptedOpenAI;
beforeAll(async () => {
  server = await startScriptedOpenAI();
});
afterAll(() => server.close());

const model = (timeoutMs = 2_000, maxRetries = 1) =>
  createOpenAIChatModel({ apiKey: 'k', baseURL: server.baseURL, model: 'm', timeoutMs, maxRetries, fetch: createNodeHttpFetch() });

describe('node:http fetch for the SDK', () => {
  it('carries plain and streamed completions, headers and bodies', async () => {
    server.enqueue({ kind: 'text', text: 'plain reply' }, { kind: 'text', text: 'one two three four' });
    expect((await model().complete({ messages: [{ role: 'user', content: 'hi' }] })).text).toBe('plain reply');
    const request = server.requests.at(-1);
    expect(request?.headers.authorization).toBe('Bearer k');
    expect(request?.body?.messages).toEqual([{ role: 'user', content: 'hi' }]);
    const pieces: string[] = [];
    for await (const e of model().stream({ messages: [{ role: 'user', content: 'go' }] })) if (e.type === 'delta') pieces.push(e.text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('one two three four');
  });

  it('lets the SDK read retry-after and retry, and maps exhaustion', async () => {
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } }, { kind: 'text', text: 'after retry' });
    expect((await model().complete({ messages: [{ role: 'user', content: 'x' }] })).text).toBe('after retry');
    server.enqueue({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    await expect(model(2_000, 1).complete({ messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(ModelUnavailableError);
  });

  it('aborts a hung request at the timeout', async () => {
    server.enqueue({ kind: 'hang' });
    await expect(model(200, 0).complete({ messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(ModelTimeoutError);
  });
});
