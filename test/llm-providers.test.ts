/**
 * The model client against the providers people run (issue 16), one scripted-server mode each:
 * what they refuse, how they wrap JSON, how reasoning models write, how their streams differ, and
 * how they fail. Every case goes through the real SDK over a real socket.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, ModelBadReplyError, ModelConfigError, ModelTimeoutError } from '../src/errors';
import type { ChatModel, ChatRequest, ChatStreamEvent } from '../src/llm/chat-model';
import { createEndpointMemory, type EndpointMemory } from '../src/llm/endpoint-memory';
import { createNodeHttpFetch } from '../src/llm/node-http-fetch';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model';
import { redact } from '../src/llm/provider-errors';
import { jsonSchemaFormat, parseJsonReply } from '../src/llm/structured-output';
import { createThinkFilter, visibleText } from '../src/llm/think-filter';
import { startScriptedOpenAI, type RecordedRequest, type ScriptedOpenAI } from './support/scripted-openai-server';

const API_KEY = 'sk-test-Zq81fWx0c4Lr2mNp7TyVb9';
const MODEL = 'provider-test';
const ask: ChatRequest = { messages: [{ role: 'user', content: 'Answer in JSON: how was my draft?' }], temperature: 0.2, maxTokens: 300 };
const Feedback = z.object({ score: z.number().int().min(1).max(5), tips: z.array(z.string()) });
const structuredAsk = { ...ask, schema: Feedback, schemaName: 'feedback' };
const FEEDBACK = { score: 4, tips: ['Name the outcome.'] };
const THINK = 'The user wants a score. PRIVATE-REASONING-42 says be kind.';

let server: ScriptedOpenAI;
let memory: EndpointMemory;
beforeEach(async () => {
  server = await startScriptedOpenAI();
  memory = createEndpointMemory();
});
afterEach(async () => {
  await server.close();
});

function model(overrides: { timeoutMs?: number; maxRetries?: number; model?: string; fetch?: typeof fetch; baseURL?: string } = {}): ChatModel {
  return createOpenAIChatModel({
    apiKey: API_KEY,
    baseURL: overrides.baseURL ?? server.baseURL,
    model: overrides.model ?? MODEL,
    timeoutMs: overrides.timeoutMs ?? 2_000,
    maxRetries: overrides.maxRetries ?? 0,
    memory,
    ...(overrides.fetch && { fetch: overrides.fetch }),
  });
}

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const seen: ChatStreamEvent[] = [];
  for await (const e of events) seen.push(e);
  return seen;
}

/** The events a stream gave before it failed, and its error. */
async function collectUntilFailure(events: AsyncIterable<ChatStreamEvent>): Promise<{ seen: ChatStreamEvent[]; err: unknown }> {
  const seen: ChatStreamEvent[] = [];
  try {
    for await (const e of events) seen.push(e);
  } catch (err) {
    return { seen, err };
  }
  return expect.fail('expected the stream to fail');
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

const deltasOf = (events: ChatStreamEvent[]) => events.flatMap((e) => (e.type === 'delta' ? [e.text] : []));
const doneOf = (events: ChatStreamEvent[]) => events.find((e) => e.type === 'done');
const formatOf = (r: RecordedRequest | undefined) => (r?.body?.response_format as { type?: string } | undefined)?.type ?? 'none';
const formatsSent = () => server.requests.map(formatOf);

describe('structured output that degrades', () => {
  it('asks with a strict JSON schema whose objects are all closed', () => {
    const Nested = z.object({ items: z.array(z.object({ id: z.string(), ok: z.boolean() })), note: z.string() });
    const format = jsonSchemaFormat(Nested);
    expect(format.strict).toBe(true);
    expect(format.schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { items: { items: { type: 'object', additionalProperties: false, required: ['id', 'ok'] } } },
    });
    expect(format.schema).not.toHaveProperty('$schema');
    // Strict mode wants every property required: a schema with an optional one is sent unstrict, not refused.
    expect(jsonSchemaFormat(z.object({ a: z.string(), b: z.string().optional() })).strict).toBe(false);
  });

  it('falls back to JSON mode when json_schema is refused, and remembers it: one failed call, not one per request', async () => {
    server.quirks = { refuse: ['json_schema'] };
    server.enqueue({ kind: 'json', value: FEEDBACK }, { kind: 'json', value: FEEDBACK });

    expect((await model().structured(structuredAsk)).value).toEqual(FEEDBACK);
    expect((await model().structured(structuredAsk)).value).toEqual(FEEDBACK);

    expect(formatsSent()).toEqual(['json_schema', 'json_object', 'json_object']);
  });

  it('falls back to no response_format when JSON mode is refused too, the prompt still asking for JSON', async () => {
    server.quirks = { refuse: ['json_schema', 'json_object'] };
    server.enqueue({ kind: 'json', value: FEEDBACK }, { kind: 'json', value: FEEDBACK });

    expect((await model().structured(structuredAsk)).value).toEqual(FEEDBACK);
    expect((await model().structured(structuredAsk)).value).toEqual(FEEDBACK);

    expect(formatsSent()).toEqual(['json_schema', 'json_object', 'none', 'none']);
    expect(server.requests.at(-1)?.body?.messages).toEqual(structuredAsk.messages);
  });

  it('remembers per endpoint: another model on the same server is asked afresh', async () => {
    server.quirks = { refuse: ['json_schema'] };
    server.enqueue({ kind: 'json', value: FEEDBACK });
    await model().structured(structuredAsk);
    server.quirks = {};
    server.enqueue({ kind: 'json', value: FEEDBACK });
    await model({ model: 'another-model' }).structured(structuredAsk);
    expect(formatsSent()).toEqual(['json_schema', 'json_object', 'json_schema']);
  });

  it("falls back too when a 400 names only the schema keyword it lacks (Gemini's compatible endpoint)", async () => {
    const message = 'Invalid JSON payload received. Unknown name "additionalProperties" at \'generation_config.response_schema\': Cannot find field.';
    server.enqueue({ kind: 'status', status: 400, body: [{ error: { code: 400, message, status: 'INVALID_ARGUMENT' } }] }, { kind: 'json', value: FEEDBACK });
    expect((await model().structured(structuredAsk)).value).toEqual(FEEDBACK);
    expect(formatsSent()).toEqual(['json_schema', 'json_object']);
  });

  it('reads JSON in a code fence', async () => {
    server.enqueue({ kind: 'json', value: FEEDBACK, wrap: 'fence' });
    expect((await model().structured(structuredAsk)).value).toEqual(FEEDBACK);
  });

  it('reads the JSON object out of the prose around it, braces in the prose aside', async () => {
    server.enqueue({ kind: 'json', value: FEEDBACK, wrap: 'prose' });
    expect((await model().structured(structuredAsk)).value).toEqual(FEEDBACK);
    expect(parseJsonReply(Feedback, 'feedback', 'Use {name} here. {"score": 2, "tips": ["a } in a string"]} Done {ok}')).toEqual({
      score: 2,
      tips: ['a } in a string'],
    });
  });

  it('reads JSON after a <think> block, even one with braces in it', async () => {
    server.enqueue({ kind: 'json', value: FEEDBACK, think: `${THINK} Maybe {"score": 1}?` });
    expect((await model().structured(structuredAsk)).value).toEqual(FEEDBACK);
  });

  it('still rejects a reply with no JSON in it, or JSON of the wrong shape, as a bad reply', async () => {
    server.enqueue({ kind: 'text', text: 'Sure! It was great.' }, { kind: 'json', value: { score: 9 }, wrap: 'prose' });
    expect(await failure(model().structured(structuredAsk))).toMatchObject({ status: 502, retryable: true, message: expect.stringMatching(/not valid JSON/) });
    expect(await failure(model().structured(structuredAsk))).toMatchObject({ status: 502, message: expect.stringMatching(/did not match/) });
  });
});

describe('refused parameters', () => {
  it('retries once without stream_options, and streams without it from then on', async () => {
    server.quirks = { refuse: ['stream_options'] };
    server.enqueue({ kind: 'text', text: 'First answer here.' }, { kind: 'text', text: 'Second answer here.' });

    const first = await collect(model().stream(ask));
    const second = await collect(model().stream(ask));

    expect(doneOf(first)).toMatchObject({ text: 'First answer here.', usage: null });
    expect(doneOf(second)).toMatchObject({ text: 'Second answer here.' });
    expect(server.requests.map((r) => 'stream_options' in (r.body ?? {}))).toEqual([true, false, false]);
  });

  it("finds the refused field in vLLM's error shape too (a top-level message)", async () => {
    const message = "[{'type': 'extra_forbidden', 'loc': ('body', 'stream_options'), 'msg': 'Extra inputs are not permitted'}]";
    server.enqueue(
      { kind: 'status', status: 400, body: { object: 'error', message, type: 'BadRequestError', param: null, code: 400 } },
      { kind: 'text', text: 'Fine.' },
    );
    expect(doneOf(await collect(model().stream(ask)))).toMatchObject({ text: 'Fine.' });
    expect(server.requests.map((r) => 'stream_options' in (r.body ?? {}))).toEqual([true, false]);
  });

  it('retries once without temperature, remembered by every call to the endpoint (complete, stream, structured)', async () => {
    server.quirks = { refuse: ['temperature'] };
    server.enqueue({ kind: 'text', text: 'One.' }, { kind: 'text', text: 'Two words.' }, { kind: 'json', value: FEEDBACK });

    expect((await model().complete(ask)).text).toBe('One.');
    // A second model object on the same endpoint (the classifier beside the persona) learns too.
    expect(doneOf(await collect(model().stream(ask)))).toMatchObject({ text: 'Two words.' });
    expect((await model().structured(structuredAsk)).value).toEqual(FEEDBACK);

    expect(server.requests.map((r) => r.body?.temperature)).toEqual([0.2, undefined, undefined, undefined]);
  });

  it('sends max_tokens to other servers and max_completion_tokens to OpenAI, and switches when one is refused', async () => {
    server.quirks = { refuse: ['max_tokens'] };
    server.enqueue({ kind: 'text', text: 'ok' });
    await model().complete(ask);
    expect(server.requests.map((r) => [r.body?.max_tokens, r.body?.max_completion_tokens])).toEqual([
      [300, undefined],
      [undefined, 300],
    ]);

    const sent: unknown[] = [];
    const openai = model({
      baseURL: 'https://api.openai.com/v1',
      // Never leaves the process: records what OpenAI itself would be sent.
      fetch: async (_url, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return new Response('{"choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}', {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await openai.complete(ask);
    expect(sent[0]).toMatchObject({ max_completion_tokens: 300 });
    expect(sent[0]).not.toHaveProperty('max_tokens');
  });

  it('fails, without looping, when the 400 names nothing it can drop', async () => {
    server.enqueue({ kind: 'status', status: 400, body: { error: { message: "'messages' is too long", type: 'invalid_request_error', code: null } } });
    const err = await failure(model({ maxRetries: 2 }).complete(ask));
    expect(err).toBeInstanceOf(ModelConfigError);
    expect(err).toMatchObject({ retryable: false, message: expect.stringContaining("'messages' is too long") });
    expect(server.requests).toHaveLength(1);
  });
});

describe('chat shape', () => {
  it('merges consecutive messages of one role, so servers whose templates need alternating roles take the request', async () => {
    server.quirks = { alternateRoles: true };
    server.enqueue({ kind: 'text', text: 'Fine.' }, { kind: 'text', text: 'Fine again.' });
    const messages: ChatRequest['messages'] = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'A note first.' },
      { role: 'user', content: 'Then the question?' },
      { role: 'assistant', content: 'An answer.' },
      { role: 'assistant', content: 'And more.' },
      { role: 'user', content: 'Thanks.' },
    ];
    expect((await model().complete({ messages })).text).toBe('Fine.');
    expect(doneOf(await collect(model().stream({ messages })))).toMatchObject({ text: 'Fine again.' });
    for (const request of server.requests) {
      expect(request.body?.messages).toEqual([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'A note first.\n\nThen the question?' },
        { role: 'assistant', content: 'An answer.\n\nAnd more.' },
        { role: 'user', content: 'Thanks.' },
      ]);
    }
  });

  it('is refused by such a server when a conversation starts with the assistant (the persona prompt never does)', async () => {
    server.quirks = { alternateRoles: true };
    const err = await failure(
      model().complete({
        messages: [
          { role: 'assistant', content: 'Hi.' },
          { role: 'user', content: 'Hello.' },
        ],
      }),
    );
    expect(err).toBeInstanceOf(ModelConfigError);
    expect((err as AppError).message).toMatch(/roles must alternate/);
  });
});

describe('reasoning models', () => {
  it('removes an inline <think> block from a whole reply', async () => {
    server.enqueue({ kind: 'text', text: 'Lead with the outcome.', think: THINK });
    const result = await model().complete(ask);
    expect(result.text).toBe('Lead with the outcome.');
  });

  it('never emits any of a streamed <think> block, tags split across chunks', async () => {
    server.enqueue({ kind: 'text', text: 'Lead with the outcome, then ask.', think: THINK });
    const events = await collect(model().stream(ask));
    const deltas = deltasOf(events);
    expect(deltas.join('')).toBe('Lead with the outcome, then ask.');
    expect(doneOf(events)).toMatchObject({ text: 'Lead with the outcome, then ask.' });
    expect(JSON.stringify(events)).not.toMatch(/think|PRIVATE-REASONING/);
  });

  it('filters <think> however the text is cut into pieces', () => {
    const text = 'Before <think>hidden <b> stuff</think>\n\nAfter <thin and <Think>more</THINK> end';
    for (let size = 1; size <= 12; size++) {
      const filter = createThinkFilter();
      let out = '';
      for (let i = 0; i < text.length; i += size) out += filter.push(text.slice(i, i + size));
      out += filter.end();
      expect(out, `pieces of ${size}`).toBe('Before After <thin and end');
    }
    expect(visibleText('<think>never closed, cut off')).toBe('');
    expect(visibleText('no tags < here >')).toBe('no tags < here >');
  });

  it.each(['reasoning_content', 'reasoning'] as const)('ignores a %s field, streamed and not', async (field) => {
    const reasoning = { field, text: THINK };
    server.enqueue({ kind: 'text', text: 'Plain answer.', reasoning }, { kind: 'text', text: 'Streamed answer.', reasoning });
    expect((await model().complete(ask)).text).toBe('Plain answer.');
    const events = await collect(model().stream(ask));
    expect(doneOf(events)).toMatchObject({ text: 'Streamed answer.' });
    expect(JSON.stringify(events)).not.toContain('PRIVATE-REASONING');
  });

  it('fails a reply cut off at the token limit (finish_reason "length"), retryable, never as a complete answer', async () => {
    server.enqueue(
      { kind: 'text', text: 'Half an', finishReason: 'length' },
      { kind: 'text', text: 'Half a stream', finishReason: 'length' },
      { kind: 'json', value: FEEDBACK, finishReason: 'length' },
    );
    const whole = await failure(model().complete(ask));
    expect(whole).toBeInstanceOf(ModelBadReplyError);
    expect(whole).toMatchObject({ status: 502, retryable: true, message: expect.stringContaining('token limit') });

    const { seen, err } = await collectUntilFailure(model().stream(ask));
    expect(err).toMatchObject({ retryable: true, details: { finishReason: 'length' } });
    expect(doneOf(seen)).toBeUndefined();

    expect(await failure(model().structured(structuredAsk))).toMatchObject({ retryable: true, details: { finishReason: 'length' } });
  });
});

describe('streams that differ from OpenAI', () => {
  it.each([
    ['Azure: an empty choices chunk with prompt_filter_results first', { azure: true }],
    ['chunks with delta: null and content: null', { nullDeltas: true }],
    ['closed without [DONE]', { end: 'close' as const }],
    ['left open without [DONE]', { end: 'hold' as const }],
  ])('%s: the whole answer, without waiting out a timeout', async (_name, quirks) => {
    server.enqueue({ kind: 'text', text: 'An answer in several words.', ...quirks });
    const started = Date.now();
    const events = await collect(model({ timeoutMs: 5_000 }).stream(ask));
    expect(deltasOf(events).join('')).toBe('An answer in several words.');
    expect(doneOf(events)).toMatchObject({ text: 'An answer in several words.', usage: expect.objectContaining({ completionTokens: expect.any(Number) }) });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('times out a stream whose first token never comes: 504, retryable', async () => {
    server.enqueue({ kind: 'stall' }, { kind: 'stall' });
    const err = await failure(collect(model({ timeoutMs: 300 }).stream(ask)));
    expect(err).toBeInstanceOf(ModelTimeoutError);
    expect(err).toMatchObject({ status: 504, retryable: true });
    expect(await failure(model({ timeoutMs: 300 }).complete(ask))).toMatchObject({ status: 504, retryable: true });
  });
});

describe('errors an operator can act on', () => {
  it("carries a 401's own message with the key it echoed redacted, not retryable, streamed or not", async () => {
    server.enqueue({ kind: 'bad-key' }, { kind: 'bad-key' });
    for (const err of [await failure(model({ maxRetries: 2 }).complete(ask)), await failure(collect(model({ maxRetries: 2 }).stream(ask)))]) {
      expect(err).toBeInstanceOf(ModelConfigError);
      expect(err).toMatchObject({ retryable: false, message: expect.stringMatching(/OPENAI_API_KEY.*Incorrect API key provided: \[redacted\]/) });
      expect(JSON.stringify({ message: (err as Error).message, details: (err as AppError).details })).not.toContain(API_KEY.slice(8));
    }
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 403, 404])('makes a provider %i not retryable, with its message', async (status) => {
    server.enqueue(
      { kind: 'status', status, body: { error: { message: `provider says ${status}`, type: 'invalid_request_error', code: null } } },
      { kind: 'status', status, body: { error: { message: `provider says ${status}`, type: 'invalid_request_error', code: null } } },
    );
    for (const err of [await failure(model({ maxRetries: 2 }).complete(ask)), await failure(collect(model({ maxRetries: 2 }).stream(ask)))]) {
      expect(err).toBeInstanceOf(ModelConfigError);
      expect(err).toMatchObject({ retryable: false, message: expect.stringContaining(`The provider said: "provider says ${status}"`) });
    }
  });

  it('reads the message from the error shapes other servers use', async () => {
    server.enqueue(
      // vLLM
      { kind: 'status', status: 400, body: { object: 'error', message: 'vLLM: prompt too long', type: 'BadRequestError', param: null, code: 400 } },
      // FastAPI validation
      { kind: 'status', status: 422, body: { detail: [{ loc: ['body', 'messages'], msg: 'field required' }] } },
      // TGI
      { kind: 'status', status: 400, body: { error: 'TGI: input validation error', error_type: 'validation' } },
      // A proxy's page
      { kind: 'status', status: 502, body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' },
    );
    const messages = [];
    for (let i = 0; i < 4; i++) messages.push(((await failure(model().complete(ask))) as Error).message);
    expect(messages[0]).toContain('vLLM: prompt too long');
    expect(messages[1]).toContain('field required');
    expect(messages[2]).toContain('TGI: input validation error');
    expect(messages[3]).toContain('502 Bad Gateway');
  });

  it('carries the message of an error inside a stream; a status it names decides retryable', async () => {
    server.enqueue(
      { kind: 'stream-error', text: 'Partial answer', error: { message: 'upstream overloaded, try later', type: 'server_error' } },
      { kind: 'stream-error', text: 'Partial', error: { message: `No auth credentials found for ${API_KEY}`, code: 401 } },
    );
    const overloaded = await collectUntilFailure(model().stream(ask));
    expect(overloaded.err).toMatchObject({ retryable: true, message: expect.stringContaining('upstream overloaded, try later') });
    expect(deltasOf(overloaded.seen).join('')).toBe('Partial answer');

    const denied = await collectUntilFailure(model().stream(ask));
    expect(denied.err).toBeInstanceOf(ModelConfigError);
    expect(denied.err).toMatchObject({ retryable: false, message: expect.stringContaining('No auth credentials found for [redacted]') });
  });

  it('reads an error a proxy sends with a 200 as the error it is', async () => {
    server.enqueue({
      kind: 'raw',
      handler: (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"error":{"message":"Key limit exceeded","code":403}}'),
    });
    expect(await failure(model().complete(ask))).toMatchObject({ retryable: false, message: expect.stringContaining('Key limit exceeded') });
  });

  it('says to check OPENAI_BASE_URL when a 200 is an HTML page, streamed or not', async () => {
    server.enqueue({ kind: 'html' }, { kind: 'html' });
    for (const err of [await failure(model().complete(ask)), await failure(collect(model().stream(ask)))]) {
      expect(err).toBeInstanceOf(ModelConfigError);
      expect(err).toMatchObject({ retryable: false, message: expect.stringMatching(/HTML page \("Sign in - Example Proxy"\).*OPENAI_BASE_URL/) });
    }
  });

  it('says to check OPENAI_BASE_URL when a 200 is not JSON', async () => {
    server.enqueue({ kind: 'malformed' });
    expect(await failure(model().complete(ask))).toMatchObject({ status: 502, message: expect.stringContaining('OPENAI_BASE_URL') });
  });

  it('redacts the key, whole, cut or masked, and nothing else', () => {
    expect(redact(`Incorrect API key provided: ${API_KEY}.`, API_KEY)).toBe('Incorrect API key provided: [redacted].');
    expect(redact('Incorrect API key provided: sk-test-******************TyVb9.', API_KEY)).toBe('Incorrect API key provided: [redacted].');
    expect(redact('key Zq81fWx0c4Lr was revoked', API_KEY)).toBe('key [redacted] was revoked');
    expect(redact('The model gpt-4.1-mini does not exist', API_KEY)).toBe('The model gpt-4.1-mini does not exist');
  });
});

describe('as the app runs it', () => {
  it('remembers refusals for the whole process when no memory is given: every model on the endpoint learns', async () => {
    server.quirks = { refuse: ['json_schema'] };
    server.enqueue({ kind: 'json', value: FEEDBACK }, { kind: 'json', value: FEEDBACK });
    // A model name no other test uses, so the process's memory starts empty for it.
    const processWide = () =>
      createOpenAIChatModel({ apiKey: API_KEY, baseURL: server.baseURL, model: 'process-memory-model', timeoutMs: 2_000, maxRetries: 0 });
    await processWide().structured(structuredAsk);
    await processWide().structured(structuredAsk);
    expect(formatsSent()).toEqual(['json_schema', 'json_object', 'json_object']);
  });

  it("works the same over the Node entry's node:http transport", async () => {
    const node = () => model({ timeoutMs: 2_000, fetch: createNodeHttpFetch() });
    server.enqueue(
      { kind: 'text', text: 'Held open answer.', think: THINK, end: 'hold' },
      { kind: 'bad-key' },
      { kind: 'html' },
      { kind: 'raw', handler: (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('OK') },
      { kind: 'stall' },
    );
    expect(doneOf(await collect(node().stream(ask)))).toMatchObject({ text: 'Held open answer.' });
    expect(await failure(node().complete(ask))).toMatchObject({ retryable: false, message: expect.stringContaining('[redacted]') });
    expect(await failure(node().complete(ask))).toMatchObject({ retryable: false, message: expect.stringContaining('OPENAI_BASE_URL') });
    expect(await failure(node().complete(ask))).toMatchObject({
      retryable: false,
      message: expect.stringMatching(/not JSON \(text\/plain\).*OPENAI_BASE_URL/),
    });
    expect(await failure(collect(model({ timeoutMs: 300, fetch: createNodeHttpFetch() }).stream(ask)))).toBeInstanceOf(ModelTimeoutError);
  });
});

it('each scripted refusal says which field it refuses', async () => {
  server.quirks = { refuse: ['json_schema', 'stream_options', 'temperature', 'max_completion_tokens'] };
  const post = (body: object) => fetch(`${server.baseURL}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [], ...body }) });
  const said = async (body: object) => ((await (await post(body)).json()) as { error: { message: string } }).error.message;
  expect(await said({ response_format: { type: 'json_schema' } })).toMatch(/'response_format' of type 'json_schema'/);
  expect(await said({ stream: true, stream_options: { include_usage: true } })).toMatch(/stream_options/);
  expect(await said({ temperature: 0 })).toMatch(/'temperature'/);
  expect(await said({ max_completion_tokens: 5 })).toMatch(/'max_completion_tokens'/);
  expect(formatOf(server.requests[0])).toBe('json_schema');
  expect(server.pending()).toBe(0);
});
