import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  NotFoundError as SdkNotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import { z } from 'zod';
import { AppError, ModelBadReplyError, ModelConfigError, ModelTimeoutError, ModelUnavailableError } from '../errors.js';
import { callDeadlineMs, type ChatModel, type ChatRequest, type ChatStreamEvent, type StructuredRequest, type Usage } from './chat-model.js';

/** Passed explicitly so the SDK never falls back to OPENAI_BASE_URL behind our config's back. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAIChatModelOptions {
  apiKey: string;
  /** Any OpenAI-compatible endpoint; defaults to OpenAI itself. */
  baseURL?: string;
  model: string;
  /** Per attempt, until response headers; a stream may also go this long between chunks. */
  timeoutMs: number;
  /**
   * The SDK retries 408/409/429/5xx and connection failures with backoff, honouring retry-after(-ms)
   * up to `timeoutMs`; a whole call, retries included, ends within `callDeadlineMs`.
   */
  maxRetries: number;
  fetch?: typeof fetch;
}

interface Context {
  model: string;
  timeoutMs: number;
  deadlineMs: number;
  signal: AbortSignal | undefined;
}

export function createOpenAIChatModel(opts: OpenAIChatModelOptions): ChatModel {
  // The SDK would read OPENAI_API_KEY itself if given nothing; we want our config to be the only source.
  if (!opts.apiKey) throw new ModelConfigError('OPENAI_API_KEY is empty: set it to use the openai provider.');

  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL ?? OPENAI_DEFAULT_BASE_URL,
    // null, not undefined: undefined makes the SDK read OPENAI_ORG_ID / OPENAI_PROJECT_ID.
    organization: null,
    project: null,
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    fetch: refuseLongRetryWaits(opts.fetch ?? fetch, opts.timeoutMs),
  });
  const { model, timeoutMs } = opts;
  const identity = { provider: 'openai', model } as const;
  const contextOf = (req: ChatRequest): Context => ({ model, timeoutMs, deadlineMs: callDeadlineMs(opts), signal: req.signal });

  function params(req: ChatRequest): ChatCompletionCreateParamsBase {
    return {
      model,
      messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
      ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
      // max_tokens is deprecated and rejected by OpenAI's reasoning models; current compatible servers take this one.
      ...(req.maxTokens !== undefined ? { max_completion_tokens: req.maxTokens } : {}),
    };
  }

  return {
    ...identity,

    async complete(req) {
      const ctx = contextOf(req);
      const deadline = startDeadline(ctx);
      try {
        const res = await deadline.race(client.chat.completions.create({ ...params(req), stream: false }, { signal: deadline.signal }));
        return { ...identity, text: contentOf(res), usage: toUsage(res.usage) };
      } catch (err) {
        throw deadline.expired() ? deadline.timeoutError() : toModelError(err, ctx);
      } finally {
        deadline.clear();
      }
    },

    stream: (req) => streamChat(client, params(req), contextOf(req), identity),

    async structured<S extends z.ZodType>(req: StructuredRequest<S>) {
      // The model writes what the schema parses, so describe the schema's input side.
      const schema = z.toJSONSchema(req.schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
      const ctx = contextOf(req);
      const deadline = startDeadline(ctx);
      try {
        const res = await deadline.race(
          client.chat.completions.create(
            {
              ...params(req),
              stream: false,
              response_format: { type: 'json_schema', json_schema: { name: req.schemaName, schema, strict: false } },
            },
            { signal: deadline.signal },
          ),
        );
        const value: z.infer<S> = parseReply(req.schema, req.schemaName, contentOf(res));
        return { ...identity, value, usage: toUsage(res.usage) };
      } catch (err) {
        throw deadline.expired() ? deadline.timeoutError() : toModelError(err, ctx);
      } finally {
        deadline.clear();
      }
    },
  };
}

async function* streamChat(
  client: OpenAI,
  body: ChatCompletionCreateParamsBase,
  ctx: Context,
  identity: { provider: 'openai'; model: string },
): AsyncGenerator<ChatStreamEvent> {
  let text = '';
  let usage: Usage | null = null;
  let finished = false;
  let stalled = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  // A stream that trickles (each chunk just inside the watchdog) must still end: the deadline
  // covers the whole reply, so the turn lock never outlives the call holding it.
  const deadline = startDeadline(ctx);

  try {
    const chunks = await deadline.race(
      client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, { signal: deadline.signal }),
    );
    // The SDK's timeout stops at the response headers, so a stream that stalls afterwards would
    // hang forever. Aborting its controller ends the iteration quietly; `stalled` says why.
    const arm = () => {
      watchdog = setTimeout(() => {
        stalled = true;
        chunks.controller.abort();
      }, ctx.timeoutMs);
    };
    arm();
    for await (const chunk of chunks) {
      clearTimeout(watchdog);
      if (chunk.usage) usage = toUsage(chunk.usage);
      const choice = chunk.choices?.[0];
      if (choice?.finish_reason) finished = true;
      const piece = choice?.delta?.content;
      if (piece) {
        text += piece;
        yield { type: 'delta', text: piece };
      }
      // Only time the provider, not a slow consumer of the deltas.
      arm();
    }
  } catch (err) {
    throw deadline.expired() ? deadline.timeoutError() : toModelError(err, ctx);
  } finally {
    clearTimeout(watchdog);
    deadline.clear();
  }

  // The SDK swallows aborts mid-stream and just ends, which would look like a short but complete answer.
  if (stalled) throw new ModelTimeoutError(`The model stream stalled for more than ${ctx.timeoutMs} ms.`);
  if (deadline.expired()) throw deadline.timeoutError();
  if (ctx.signal?.aborted) throw new APIUserAbortError();
  if (!finished) throw new ModelBadReplyError('The model stream ended before the model finished its answer.');
  if (!text) throw new ModelBadReplyError('The model reply had no answer text.');
  yield { type: 'done', text, usage, ...identity };
}

/**
 * One call's deadline: aborts the request (the caller's own abort is passed through) and settles
 * `race` with a timeout when `deadlineMs` passes, even while the SDK sleeps between retries,
 * which no signal interrupts.
 */
function startDeadline(ctx: Context) {
  const controller = new AbortController();
  const forward = () => controller.abort(ctx.signal?.reason);
  if (ctx.signal?.aborted) forward();
  else ctx.signal?.addEventListener('abort', forward, { once: true });
  // Built only when it happens: an Error captures a stack, too dear for every call.
  const timeoutError = () => new ModelTimeoutError(`The model did not finish within ${ctx.deadlineMs} ms, retries included.`);
  let expired = false;
  let expire: (err: Error) => void = () => undefined;
  const expiry = new Promise<never>((_, reject) => (expire = reject));
  expiry.catch(() => undefined); // settled only to lose a race; never unhandled
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
    expire(timeoutError());
  }, ctx.deadlineMs);
  return {
    signal: controller.signal,
    timeoutError,
    expired: () => expired,
    race: <T>(work: Promise<T>): Promise<T> => Promise.race([work, expiry]),
    clear: () => {
      clearTimeout(timer);
      ctx.signal?.removeEventListener('abort', forward);
    },
  };
}

/**
 * Waiting longer than an attempt may take, because a provider said so, would stall the user's
 * request past its deadline (the SDK sleeps whatever `retry-after` says). Such a response is
 * marked not retryable: the call fails at once, and the wait goes on to our client as retry-after.
 */
function refuseLongRetryWaits(inner: typeof fetch, maxWaitMs: number): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const wait = retryAfterMs(res.headers);
    if (res.status < 400 || wait === undefined || wait <= maxWaitMs) return res;
    const headers = new Headers(res.headers);
    headers.set('x-should-retry', 'false');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}

function contentOf(res: ChatCompletion): string {
  // Optional chaining on typed fields: a proxy may answer 200 with anything, even a plain string.
  const message = res.choices?.[0]?.message;
  if (message?.refusal) throw new ModelBadReplyError('The model refused to answer.');
  const content = message?.content;
  if (typeof content !== 'string' || content === '') throw new ModelBadReplyError('The model reply had no answer text.');
  return content;
}

function toUsage(usage: CompletionUsage | null | undefined): Usage | null {
  if (!usage || typeof usage.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number') return null;
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
}

function parseReply<S extends z.ZodType>(schema: S, schemaName: string, text: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ModelBadReplyError(`The model reply for "${schemaName}" was not valid JSON.`, { cause: err });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // Paths and messages only: issues can carry the offending input, which is model output.
    const details = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
    throw new ModelBadReplyError(`The model reply did not match the "${schemaName}" schema.`, { details });
  }
  return parsed.data;
}

/**
 * The one place SDK failures become typed errors. Timeout first: APIConnectionTimeoutError is an
 * APIConnectionError. Messages never include the key or the provider's own message (OpenAI's 401
 * text echoes part of the key); the original stays available as `cause`.
 */
function toModelError(err: unknown, ctx: Context): unknown {
  if (err instanceof AppError || err instanceof APIUserAbortError) return err;
  // An abort after the headers surfaces as a bare AbortError/TypeError; the caller asked for it either way.
  if (ctx.signal?.aborted) return new APIUserAbortError();

  const status = err instanceof APIError ? err.status : undefined;
  const details = err instanceof APIError && status !== undefined ? { providerStatus: status, providerCode: err.code ?? null } : undefined;
  const opts = { cause: err, ...(details ? { details } : {}) };

  if (err instanceof APIConnectionTimeoutError || status === 408) {
    return new ModelTimeoutError(`The model did not answer within ${ctx.timeoutMs} ms.`, opts);
  }
  if (err instanceof RateLimitError) {
    return new ModelUnavailableError('The model provider is rate limiting us.', { ...opts, ...retryAfter(err.headers) });
  }
  if (err instanceof InternalServerError) {
    return new ModelUnavailableError(`The model provider failed (HTTP ${err.status}).`, { ...opts, ...retryAfter(err.headers) });
  }
  if (err instanceof APIConnectionError) {
    return new ModelUnavailableError('Could not reach the model provider.', opts);
  }
  if (err instanceof AuthenticationError || err instanceof PermissionDeniedError) {
    return new ModelConfigError(`The model provider refused our credentials (HTTP ${err.status}): check OPENAI_API_KEY.`, opts);
  }
  if (err instanceof SdkNotFoundError) {
    return new ModelConfigError(`The model provider does not know model "${ctx.model}" (HTTP 404): check LOOP_COACH_MODEL and OPENAI_BASE_URL.`, opts);
  }
  if (err instanceof APIError) {
    // Other statuses, or an error event inside a stream (status undefined).
    const what = status === undefined ? 'an error in its stream' : `HTTP ${status}`;
    return new ModelBadReplyError(`The model provider answered with ${what}.`, opts);
  }
  // E.g. a SyntaxError from a body that is not JSON, or a connection cut mid-stream.
  return new ModelBadReplyError('The model provider sent a reply we could not read.', opts);
}

/** Seconds for our own retry-after header. */
function retryAfter(headers: Headers | undefined): { retryAfterSeconds?: number } {
  const ms = retryAfterMs(headers);
  return ms === undefined ? {} : { retryAfterSeconds: Math.ceil(ms / 1000) };
}

/** The wait a provider asks for, in ms; retry-after-ms wins, as it does in the SDK. */
function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
