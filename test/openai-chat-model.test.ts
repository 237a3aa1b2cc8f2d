import type { ServerResponse } from 'node:http';
import { APIUserAbortError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelBadReplyError, ModelConfigError, ModelTimeoutError, ModelUnavailableError } from '../src/errors';
import type { ChatModel, ChatRequest, ChatStreamEvent } from '../src/llm/chat-model';
import { createOpenAIChatModel, OPENAI_DEFAULT_BASE_URL } from '../src/llm/openai-chat-model';
import { startScriptedOpenAI, type ScriptedOpenAI } from './support/scripted-openai-server';

const API_KEY = 'sk-test-do-not-leak';
const MODEL = 'gpt-test-mini';
const ask: ChatRequest = {
  messages: [
    { role: 'system', content: 'You are a coach.' },
    { role: 'user', content: 'How do I ask for a raise?' },
  ],
};

let server: ScriptedOpenAI;
beforeEach(async () => {
  server = await startScriptedOpenAI();
});
afterEach(async () => {
  await server.close();
});

function model(overrides: { timeoutMs?: number; maxRetries?: number } = {}): ChatModel {
  return createOpenAIChatModel({
    apiKey: API_KEY,
    baseURL: server.baseURL,
    model: MODEL,
    timeoutMs: overrides.timeoutMs ?? 2_000,
    maxRetries: overrides.maxRetries ?? 0,
  });
}

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const seen: ChatStreamEvent[] = [];
  for await (const e of events) seen.push(e);
  return seen;
}

/** Awaits a rejection and hands back the error for several assertions. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

/** A streaming response that sends one content chunk, then lets `then` decide its fate. */
function oneChunkThen(then: (res: ServerResponse) => void) {
  return {
    kind: 'raw' as const,
    handler: (_req: unknown, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = { id: 'c', object: 'chat.completion.chunk', created: 0, model: MODEL };
      res.write(`data: ${JSON.stringify({ ...chunk, choices: [{ index: 0, delta: { content: 'Start ' }, finish_reason: null }] })}\n\n`);
      then(res);
    },
  };
}

describe('complete', () => {
  it('returns the text and usage, and sends model, messages and the bearer key', async () => {
    server.enqueue({ kind: 'text', text: 'Lead with your impact.', usage: { prompt_tokens: 12, completion_tokens: 5 } });

    const result = await model().complete({ ...ask, temperature: 0.2, maxTokens: 300 });

    expect(result).toEqual({
      provider: 'openai',
      model: MODEL,
      text: 'Lead with your impact.',
      usage: { promptTokens: 12, completionTokens: 5 },
    });
    const [req] = server.requests;
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    // Not OpenAI's own endpoint, so the token limit goes as max_tokens, the name other servers know.
    expect(req?.body).toMatchObject({ model: MODEL, messages: ask.messages, temperature: 0.2, max_tokens: 300 });
    expect(req?.body?.stream).toBeFalsy();
  });

  it('leaves temperature and token limits out unless asked', async () => {
    server.enqueue({ kind: 'text', text: 'ok' });
    await model().complete(ask);
    const body = server.requests[0]?.body ?? {};
    expect(Object.keys(body)).not.toContain('temperature');
    expect(Object.keys(body)).not.toContain('max_tokens');
    expect(Object.keys(body)).not.toContain('max_completion_tokens');
  });

  it('treats an empty answer as a bad reply', async () => {
    server.enqueue({ kind: 'text', text: '' });
    expect(await failure(model().complete(ask))).toBeInstanceOf(ModelBadReplyError);
  });

  it('uses the official base URL when none is given, whatever OPENAI_BASE_URL says', async () => {
    const previous = process.env.OPENAI_BASE_URL;
    process.env.OPENAI_BASE_URL = server.baseURL;
    const urls: string[] = [];
    try {
      const offline = createOpenAIChatModel({
        apiKey: API_KEY,
        model: MODEL,
        timeoutMs: 1_000,
        maxRetries: 0,
        // Never leaves the process: records where the SDK would have gone.
        fetch: async (url) => {
          urls.push(String(url));
          return new Response('{}', { status: 401, headers: { 'content-type': 'application/json' } });
        },
      });
      await failure(offline.complete(ask));
    } finally {
      if (previous === undefined) delete process.env.OPENAI_BASE_URL;
      else process.env.OPENAI_BASE_URL = previous;
    }
    expect(urls).toEqual([`${OPENAI_DEFAULT_BASE_URL}/chat/completions`]);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an empty API key up front', () => {
    expect(() => createOpenAIChatModel({ apiKey: '', model: MODEL, timeoutMs: 1_000, maxRetries: 0 })).toThrow(ModelConfigError);
  });
});

describe('stream', () => {
  it('yields several deltas in order, then one done with the whole text and usage', async () => {
    const text = 'Ask for the meeting first, then bring your evidence.';
    server.enqueue({ kind: 'text', text, usage: { prompt_tokens: 20, completion_tokens: 11 } });

    const events = await collect(model().stream(ask));

    const deltas = events.filter((e) => e.type === 'delta').map((e) => e.text);
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join('')).toBe(text);
    expect(events.at(-1)).toEqual({
      type: 'done',
      text,
      usage: { promptTokens: 20, completionTokens: 11 },
      provider: 'openai',
      model: MODEL,
    });
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('fails with a typed error, not a hang, when the connection dies mid-stream', async () => {
    server.enqueue(oneChunkThen((res) => setTimeout(() => res.socket?.destroy(), 20)));

    const seen: ChatStreamEvent[] = [];
    const err = await failure(
      (async () => {
        for await (const e of model().stream(ask)) seen.push(e);
      })(),
    );

    expect(err).toBeInstanceOf(ModelBadReplyError);
    expect(seen).toEqual([{ type: 'delta', text: 'Start ' }]);
  });

  it('times out a stream that stalls after the headers', async () => {
    server.enqueue(oneChunkThen(() => {})); // never writes again

    const err = await failure(collect(model({ timeoutMs: 300 }).stream(ask)));

    expect(err).toBeInstanceOf(ModelTimeoutError);
  });

  it('does not pass off a stream cut short as a finished answer', async () => {
    server.enqueue(oneChunkThen((res) => res.end()));
    expect(await failure(collect(model().stream(ask)))).toBeInstanceOf(ModelBadReplyError);
  });

  it('reports the caller aborting mid-stream as an abort, not as a done', async () => {
    server.enqueue({ kind: 'text', text: 'one two three four five', delayMs: 50 });
    const controller = new AbortController();
    const seen: ChatStreamEvent[] = [];

    const err = await failure(
      (async () => {
        for await (const e of model().stream({ ...ask, signal: controller.signal })) {
          seen.push(e);
          if (e.type === 'delta') controller.abort();
        }
      })(),
    );

    expect(err).toBeInstanceOf(APIUserAbortError);
    expect(seen.some((e) => e.type === 'done')).toBe(false);
  });
});

describe('structured', () => {
  const Feedback = z.object({ score: z.number().int().min(1).max(5), tips: z.array(z.string()) });
  const structuredAsk = { ...ask, schema: Feedback, schemaName: 'draft_feedback' };

  it('parses and checks the reply, and sends the JSON schema', async () => {
    server.enqueue({ kind: 'json', value: { score: 4, tips: ['Name the outcome.'] } });

    const result = await model().structured(structuredAsk);

    expect(result.value).toEqual({ score: 4, tips: ['Name the outcome.'] });
    expect(result.usage).not.toBeNull();
    expect(server.requests[0]?.body?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'draft_feedback',
        strict: true,
        schema: { type: 'object', properties: { score: { type: 'integer' } }, required: ['score', 'tips'], additionalProperties: false },
      },
    });
  });

  it('rejects a reply that is not JSON as a bad reply', async () => {
    server.enqueue({ kind: 'text', text: 'Sure! Here is your feedback.' });

    const err = await failure(model().structured(structuredAsk));

    expect(err).toBeInstanceOf(ModelBadReplyError);
    expect(err).toMatchObject({ status: 502, retryable: true, message: expect.stringMatching(/not valid JSON/) });
  });

  it('rejects JSON of the wrong shape, naming the paths but not the reply', async () => {
    server.enqueue({ kind: 'json', value: { score: 9, tips: 'secret-reply-text' } });

    const err = await failure(model().structured(structuredAsk));

    expect(err).toBeInstanceOf(ModelBadReplyError);
    expect(err).toMatchObject({ status: 502, message: expect.stringMatching(/did not match/) });
    const { details } = err as ModelBadReplyError;
    expect(details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'score' }), expect.objectContaining({ path: 'tips' })]));
    expect(JSON.stringify(details)).not.toContain('secret-reply-text');
  });
});

describe('provider failures', () => {
  it('retries a 429 transparently, honouring retry-after-ms', async () => {
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } }, { kind: 'text', text: 'Worth the wait.' });

    const result = await model({ maxRetries: 2 }).complete(ask);

    expect(result.text).toBe('Worth the wait.');
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on 429s after maxRetries with a retryable 503', async () => {
    const tooMany = { kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } } as const;
    server.enqueue(tooMany, tooMany, tooMany);

    const err = await failure(model({ maxRetries: 1 }).complete(ask));

    expect(err).toBeInstanceOf(ModelUnavailableError);
    expect(err).toMatchObject({ status: 503, retryable: true, retryAfterSeconds: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('carries retry-after seconds on to the caller', async () => {
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    expect(await failure(model({ maxRetries: 0 }).complete(ask))).toMatchObject({ retryAfterSeconds: 7 });
  });

  it('retries a 500, then reports the provider unavailable', async () => {
    // retry-after-ms only keeps the suite fast; without it the SDK backs off ~0.5 s.
    const broken = { kind: 'status', status: 500, headers: { 'retry-after-ms': '10' } } as const;
    server.enqueue(broken, broken);

    const err = await failure(model({ maxRetries: 1 }).complete(ask));

    expect(err).toBeInstanceOf(ModelUnavailableError);
    expect(err).toMatchObject({ status: 503, retryable: true });
    expect(server.requests).toHaveLength(2);
  });

  it('times out a provider that never answers', async () => {
    server.enqueue({ kind: 'hang' });

    const err = await failure(model({ timeoutMs: 300, maxRetries: 0 }).complete(ask));

    expect(err).toBeInstanceOf(ModelTimeoutError);
    expect(err).toMatchObject({ status: 504, retryable: true });
  });

  it('reports a body that is not JSON as a bad reply', async () => {
    server.enqueue({ kind: 'malformed' });

    const err = await failure(model().complete(ask));

    expect(err).toBeInstanceOf(ModelBadReplyError);
    expect((err as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('reports a 401 as a configuration problem, without retrying or leaking the key', async () => {
    server.enqueue({ kind: 'status', status: 401 });

    const err = await failure(model({ maxRetries: 2 }).complete(ask));

    expect(err).toBeInstanceOf(ModelConfigError);
    expect(err).toMatchObject({ status: 502, retryable: false, message: expect.stringContaining('OPENAI_API_KEY') });
    expect((err as Error).message).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a 404 as a configuration problem naming the model', async () => {
    server.enqueue({ kind: 'status', status: 404 });

    const err = await failure(model().complete(ask));

    expect(err).toBeInstanceOf(ModelConfigError);
    expect((err as Error).message).toContain(MODEL);
    expect((err as Error).message).toContain('LOOP_COACH_MODEL');
  });

  it('maps failures before the stream starts too', async () => {
    server.enqueue({ kind: 'status', status: 401 });
    expect(await failure(collect(model().stream(ask)))).toBeInstanceOf(ModelConfigError);
  });
});
