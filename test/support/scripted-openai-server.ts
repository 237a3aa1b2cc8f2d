/**
 * A scripted OpenAI-compatible HTTP server for tests: real sockets, real SDK, no real model.
 * Each POST /v1/chat/completions takes the next script from the queue, so a test can play a
 * whole conversation (including failures) and then inspect every request that arrived.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/**
 * The parsed JSON body as the client sent it. Nothing is validated: every field is optional and
 * `undefined` stands for a body that was missing or not JSON.
 */
export interface RecordedBody {
  model?: string;
  messages?: Array<{ role?: string; content?: unknown }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: unknown;
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: RecordedBody | undefined;
}

/** Request features a provider may lack; `refuse` answers a request carrying one with a 400 naming it. */
export type RefusedFeature = 'json_schema' | 'json_object' | 'stream_options' | 'temperature' | 'max_tokens' | 'max_completion_tokens';

/**
 * How the providers people run depart from OpenAI's own API, as modes of this server: set for
 * every answer with `startScriptedOpenAI({ quirks })` or `server.quirks = …`, or on one `text` or
 * `json` script (its own fields win).
 */
export interface Quirks {
  /** Answered with a 400 naming the feature, as servers without it do; such a request uses no script. */
  refuse?: RefusedFeature[];
  /** `json` answers wrapped: in a ```json fence, or with a sentence before and after. */
  wrap?: 'fence' | 'prose';
  /** Reasoning written into the answer as `<think>…</think>` (DeepSeek-R1, Qwen3 served raw); streamed in 3-character pieces, so tags split across chunks. */
  think?: string;
  /** The think block goes on to restate the whole request, system prompt first, as reasoning models often do. */
  thinkRestatesPrompt?: boolean;
  /**
   * Roles must alternate user/assistant after at most one leading system message, starting with a
   * user message, as strict chat templates (Mistral, Gemma, DeepSeek's reasoner) demand: anything
   * else is a 400 that names no request field, and uses no script.
   */
  alternateRoles?: boolean;
  /** Reasoning in its own field beside the answer: `reasoning_content` (DeepSeek, vLLM) or `reasoning` (OpenRouter, Ollama). */
  reasoning?: { field: 'reasoning_content' | 'reasoning'; text: string };
  /** Azure OpenAI's stream: opens with a `choices: []` chunk carrying `prompt_filter_results`. */
  azure?: boolean;
  /** Chunks with `delta: null` and with `content: null` among the deltas. */
  nullDeltas?: boolean;
  /** How a stream ends: `[DONE]` (the default), closed without it, or left open without it. */
  end?: 'done' | 'close' | 'hold';
  /** The finish reason reported; `stop` unless set (`length`: cut off at the token limit). */
  finishReason?: string;
}

type Answer = Omit<Quirks, 'refuse'> & { usage?: WireUsage; delayMs?: number };

export type Script =
  /**
   * A normal answer: a `chat.completion`, or SSE chunks when the request has `stream: true`
   * (one delta per word, a finish chunk, a usage chunk if `stream_options.include_usage`, then
   * `[DONE]`). `delayMs` waits before each chunk when streaming, before the reply otherwise.
   * Usage defaults to a chars/4 estimate, like a real server always reporting some.
   */
  | ({ kind: 'text'; text: string } & Answer)
  /** Same as `text` with `content = JSON.stringify(value)`. */
  | ({ kind: 'json'; value: unknown } & Answer)
  /** An error status. `body` defaults to OpenAI's `{ error: { message, type, code } }`; a string body is sent as is. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** A 401 whose message echoes the key the request carried, as OpenAI's does (masked there, whole here). */
  | { kind: 'bad-key' }
  /** A stream that sends `text`, then an error event `{ error }` (OpenRouter-style, `code` may be a status). */
  | { kind: 'stream-error'; text: string; error: { message: string; code?: number | string; type?: string } }
  /** 200 with an HTML page, as a proxy or a web UI on the wrong base URL answers. */
  | { kind: 'html' }
  /** Headers sent (and, streaming, the opening role chunk), then nothing: the first token never comes. */
  | { kind: 'stall' }
  /** Read the request, never answer (the response is destroyed by `close()`). */
  | { kind: 'hang' }
  /** 200 with `content-type: application/json` and a body that is not JSON. */
  | { kind: 'malformed' }
  /** Anything else; the request body was already read, its parsed form is in `recorded.body`. */
  | { kind: 'raw'; handler: (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => void };

export interface ScriptedOpenAI {
  /** e.g. `http://127.0.0.1:PORT/v1`, ready for `new OpenAI({ baseURL })`. */
  baseURL: string;
  /** The provider this server plays, for every answer from now on. */
  quirks: Quirks;
  /** Scripts answer chat-completion requests in order, one each. */
  enqueue(...scripts: Script[]): void;
  /** Every request received, in arrival order, including ones that found the queue empty. */
  requests: RecordedRequest[];
  /** Scripts not yet used; handy to assert a test consumed what it planned. */
  pending(): number;
  /** Empties the queue, returning the scripts no request used. */
  discard(): Script[];
  /** Ends hung responses and open connections, then stops listening. */
  close(): Promise<void>;
}

/** OpenAI's path, Azure OpenAI's v1 API (`https://RESOURCE.openai.azure.com/openai/v1`) and OpenRouter's (`https://openrouter.ai/api/v1`). */
const CHAT_PATHS = ['/v1/chat/completions', '/openai/v1/chat/completions', '/api/v1/chat/completions'];

export async function startScriptedOpenAI(opts: { fallback?: Script; quirks?: Quirks } = {}): Promise<ScriptedOpenAI> {
  const queue: Script[] = [];
  const self = { quirks: opts.quirks ?? {} };
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  // Timers and writes outlive the test otherwise: track them so close() can stop everything.
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, `scripted server crashed: ${String(err)}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0] ?? '',
      headers: { ...req.headers },
      body: parseBody(raw),
    };
    requests.push(recorded);

    if (req.method !== 'POST' || !CHAT_PATHS.includes(recorded.path)) {
      // Not part of the script, so it must not consume a queue entry.
      sendError(res, 404, `scripted server only answers POST ${CHAT_PATHS.join(' or ')}, got ${req.method} ${recorded.path}`);
      return;
    }

    const refused = refusal(self.quirks.refuse ?? [], recorded.body) ?? (self.quirks.alternateRoles ? unalternating(recorded.body) : undefined);
    if (refused) {
      sendJson(res, 400, { error: { message: refused, type: 'invalid_request_error', code: 'unsupported_parameter', param: null } });
      return;
    }

    const script = queue.shift() ?? opts.fallback;
    if (!script) {
      // x-should-retry: false, so the SDK fails at once instead of hiding the mistake behind retries.
      sendError(res, 500, `scripted server: the script ran out (request #${requests.length})`, {
        'x-should-retry': 'false',
      });
      return;
    }
    await play(script, req, res, recorded);
  }

  async function play(script: Script, req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) {
    switch (script.kind) {
      case 'text':
      case 'json': {
        const quirks: Answer = { ...self.quirks, ...script };
        const answer: Answer = quirks.thinkRestatesPrompt ? { ...quirks, think: `${quirks.think ?? ''}${restated(recorded.body)}` } : quirks;
        const text = script.kind === 'text' ? script.text : wrapJson(JSON.stringify(script.value), answer.wrap);
        const usage = script.usage ?? estimateUsage(recorded.body, text);
        if (recorded.body?.stream === true) await playStream(res, recorded.body, text, usage, answer);
        else {
          if (script.delayMs) await sleep(script.delayMs);
          sendJson(res, 200, completion(recorded.body, text, usage, answer));
        }
        return;
      }
      case 'bad-key': {
        const key = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
        sendJson(res, 401, {
          error: {
            message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`,
            type: 'invalid_request_error',
            code: 'invalid_api_key',
            param: null,
          },
        });
        return;
      }
      case 'stream-error': {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const piece of splitWords(script.text)) res.write(sse(chunkOf(recorded.body, { content: piece })));
        res.end(sse({ error: script.error }));
        return;
      }
      case 'html':
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!DOCTYPE html>\n<html><head><title>Sign in - Example Proxy</title></head><body><h1>Please sign in</h1></body></html>');
        return;
      case 'stall':
        if (recorded.body?.stream === true) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(sse(chunkOf(recorded.body, { role: 'assistant', content: '' })));
        } else res.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
        return;
      case 'status': {
        const body = script.body ?? errorBody(script.status, `scripted status ${script.status}`);
        if (typeof body === 'string') {
          res.writeHead(script.status, { 'content-type': 'text/plain', ...script.headers }).end(body);
        } else sendJson(res, script.status, body, script.headers);
        return;
      }
      case 'hang':
        return;
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "chatcmpl-x", "choices": [');
        return;
      case 'raw':
        script.handler(req, res, recorded);
        return;
    }
  }

  async function playStream(res: ServerResponse, body: RecordedBody, text: string, usage: WireUsage, answer: Answer) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const delta = (d: Record<string, unknown> | null) => chunkOf(body, d);
    const events: unknown[] = [];
    if (answer.azure) {
      events.push({
        id: '',
        object: '',
        created: 0,
        model: '',
        choices: [],
        prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' } } }],
      });
    }
    // Real servers open with an empty role-only delta; clients must skip it.
    events.push(delta({ role: 'assistant', content: '' }));
    if (answer.nullDeltas) events.push(delta(null), delta({ content: null }));
    if (answer.reasoning) {
      const field = answer.reasoning.field;
      events.push(...splitWords(answer.reasoning.text).map((piece) => delta({ content: null, [field]: piece })));
    }
    if (answer.think) events.push(...(`<think>${answer.think}</think>\n\n`.match(/[\s\S]{1,3}/g) ?? []).map((piece) => delta({ content: piece })));
    for (const piece of splitWords(text)) {
      events.push(delta({ content: piece }));
      if (answer.nullDeltas) events.push(delta({ content: null }));
    }
    const finish = chunkOf(body, {}, answer.finishReason ?? 'stop');
    events.push(answer.azure ? { ...finish, choices: finish.choices.map((c) => ({ ...c, content_filter_results: {} })) } : finish);
    if (body.stream_options?.include_usage) events.push({ ...chunkOf(body, null), choices: [], usage: withTotal(usage) });

    for (const event of events) {
      if (answer.delayMs) await sleep(answer.delayMs);
      if (res.destroyed) return;
      res.write(sse(event));
    }
    if (res.destroyed) return;
    if ((answer.end ?? 'done') === 'done') res.end('data: [DONE]\n\n');
    else if (answer.end === 'close') res.end();
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get quirks() {
      return self.quirks;
    },
    set quirks(quirks: Quirks) {
      self.quirks = quirks;
    },
    requests,
    enqueue: (...scripts) => void queue.push(...scripts),
    pending: () => queue.length,
    discard: () => queue.splice(0),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const res of open) res.destroy();
      // Keep-alive sockets would otherwise hold server.close() open.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function completion(body: RecordedBody | undefined, text: string, usage: WireUsage, answer: Answer) {
  const content = answer.think ? `<think>${answer.think}</think>\n\n${text}` : text;
  const reasoning = answer.reasoning && { [answer.reasoning.field]: answer.reasoning.text };
  return {
    id: 'chatcmpl-scripted',
    object: 'chat.completion',
    created: now(),
    model: body?.model ?? '',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null, ...reasoning }, finish_reason: answer.finishReason ?? 'stop' }],
    usage: withTotal(usage),
  };
}

function chunkOf(body: RecordedBody | undefined, delta: Record<string, unknown> | null, finish: string | null = null) {
  return {
    id: 'chatcmpl-scripted',
    object: 'chat.completion.chunk',
    created: now(),
    model: body?.model ?? '',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

function sse(event: unknown): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

function wrapJson(json: string, wrap: Quirks['wrap']): string {
  if (wrap === 'fence') return `\`\`\`json\n${json}\n\`\`\``;
  if (wrap === 'prose') return `Sure! Here is the assessment you asked for:\n\n${json}\n\nLet me know if you want me to {adjust} anything.`;
  return json;
}

/** The 400 a provider without the feature answers, worded as such servers word it; undefined when the request does not use it. */
function refusal(refused: RefusedFeature[], body: RecordedBody | undefined): string | undefined {
  const format = (body?.response_format as { type?: string } | undefined)?.type;
  for (const feature of refused) {
    if ((feature === 'json_schema' || feature === 'json_object') && format === feature) {
      return `Invalid parameter: 'response_format' of type '${feature}' is not supported with this model.`;
    }
    if (feature === 'stream_options' && body?.stream_options !== undefined) return 'Unrecognized request argument supplied: stream_options';
    if ((feature === 'temperature' || feature === 'max_tokens' || feature === 'max_completion_tokens') && body?.[feature] !== undefined) {
      return `Unsupported parameter: '${feature}' is not supported with this model.`;
    }
  }
  return undefined;
}

/** The request's messages as a reasoning model might go over them in its thinking. */
function restated(body: RecordedBody | undefined): string {
  return (body?.messages ?? []).map((m) => `\nThe ${String(m.role)} message says: ${typeof m.content === 'string' ? m.content : ''}`).join('');
}

/** The 400 of a chat template that needs alternating roles, worded as Hugging Face templates word it; undefined when they alternate. */
function unalternating(body: RecordedBody | undefined): string | undefined {
  const roles = (body?.messages ?? []).map((m) => m.role);
  const turns = roles[0] === 'system' ? roles.slice(1) : roles;
  const alternates = turns.length > 0 && turns.every((role, i) => role === (i % 2 === 0 ? 'user' : 'assistant'));
  return alternates ? undefined : 'Conversation roles must alternate user/assistant/user/assistant/... after an optional system message';
}

/** Roughly what OpenAI sends for these statuses, so SDK error classes see realistic bodies. */
function errorBody(status: number, message: string) {
  const [type, code] =
    status === 401
      ? ['invalid_request_error', 'invalid_api_key']
      : status === 404
        ? ['invalid_request_error', 'model_not_found']
        : status === 429
          ? ['requests', 'rate_limit_exceeded']
          : status >= 500
            ? ['server_error', null]
            : ['invalid_request_error', null];
  return { error: { message, type, code, param: null } };
}

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  sendJson(res, status, errorBody(status, message), headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Word-sized deltas (each keeps its trailing whitespace) so streams have several events. */
function splitWords(text: string): string[] {
  const pieces = text.match(/\s*\S+\s*/g);
  return pieces ?? (text ? [text] : []);
}

function estimateUsage(body: RecordedBody | undefined, text: string): WireUsage {
  const promptChars = (body?.messages ?? []).reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0);
  return { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil(text.length / 4) };
}

function withTotal(usage: WireUsage) {
  return { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
}

function parseBody(raw: string): RecordedBody | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as RecordedBody) : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
