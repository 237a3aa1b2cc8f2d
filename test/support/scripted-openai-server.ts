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

export type Script =
  /**
   * A normal answer: a `chat.completion`, or SSE chunks when the request has `stream: true`
   * (one delta per word, a finish chunk, a usage chunk if `stream_options.include_usage`, then
   * `[DONE]`). `delayMs` waits before each chunk when streaming, before the reply otherwise.
   * Usage defaults to a chars/4 estimate, like a real server always reporting some.
   */
  | { kind: 'text'; text: string; usage?: WireUsage; delayMs?: number }
  /** Same as `text` with `content = JSON.stringify(value)`. */
  | { kind: 'json'; value: unknown; usage?: WireUsage; delayMs?: number }
  /** An error status. `body` defaults to OpenAI's `{ error: { message, type, code } }`; a string body is sent as is. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Read the request, never answer (the response is destroyed by `close()`). */
  | { kind: 'hang' }
  /** 200 with `content-type: application/json` and a body that is not JSON. */
  | { kind: 'malformed' }
  /** Anything else; the request body was already read, its parsed form is in `recorded.body`. */
  | { kind: 'raw'; handler: (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => void };

export interface ScriptedOpenAI {
  /** e.g. `http://127.0.0.1:PORT/v1`, ready for `new OpenAI({ baseURL })`. */
  baseURL: string;
  /** Scripts answer chat-completion requests in order, one each. */
  enqueue(...scripts: Script[]): void;
  /** Every request received, in arrival order, including ones that found the queue empty. */
  requests: RecordedRequest[];
  /** Scripts not yet used; handy to assert a test consumed what it planned. */
  pending(): number;
  /** Ends hung responses and open connections, then stops listening. */
  close(): Promise<void>;
}

const CHAT_PATH = '/v1/chat/completions';

export async function startScriptedOpenAI(opts: { fallback?: Script } = {}): Promise<ScriptedOpenAI> {
  const queue: Script[] = [];
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

    if (req.method !== 'POST' || recorded.path !== CHAT_PATH) {
      // Not part of the script, so it must not consume a queue entry.
      sendError(res, 404, `scripted server only answers POST ${CHAT_PATH}, got ${req.method} ${recorded.path}`);
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
        const text = script.kind === 'text' ? script.text : JSON.stringify(script.value);
        const usage = script.usage ?? estimateUsage(recorded.body, text);
        if (recorded.body?.stream === true) await playStream(res, recorded.body, text, usage, script.delayMs ?? 0);
        else {
          if (script.delayMs) await sleep(script.delayMs);
          sendJson(res, 200, completion(recorded.body, text, usage));
        }
        return;
      }
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

  async function playStream(res: ServerResponse, body: RecordedBody, text: string, usage: WireUsage, delayMs: number) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const base = { id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: now(), model: body.model ?? '' };
    const events: unknown[] = [
      // Real servers open with an empty role-only delta; clients must skip it.
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      ...splitWords(text).map((piece) => ({
        ...base,
        choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
      })),
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    ];
    if (body.stream_options?.include_usage) events.push({ ...base, choices: [], usage: withTotal(usage) });

    for (const event of events) {
      if (delayMs) await sleep(delayMs);
      if (res.destroyed) return;
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    }
    if (!res.destroyed) res.end('data: [DONE]\n\n');
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...scripts) => void queue.push(...scripts),
    pending: () => queue.length,
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

function completion(body: RecordedBody | undefined, text: string, usage: WireUsage) {
  return {
    id: 'chatcmpl-scripted',
    object: 'chat.completion',
    created: now(),
    model: body?.model ?? '',
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: 'stop' }],
    usage: withTotal(usage),
  };
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
