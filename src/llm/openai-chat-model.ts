import OpenAI, { APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { z } from 'zod';
import { ModelBadReplyError, ModelConfigError, ModelTimeoutError } from '../errors.js';
import { callDeadlineMs, type ChatModel, type ChatRequest, type ChatStreamEvent, type StructuredRequest, type Usage } from './chat-model.js';
import { alternatingRoles } from './chat-shape.js';
import { endpointKey, processEndpointMemory, refusedFeature, type EndpointMemory, type Refusable } from './endpoint-memory.js';
import { notAChatCompletion, notTheApi, slowHint, toModelError, unfinished, type ErrorContext } from './provider-errors.js';
import { providerFetch } from './provider-fetch.js';
import { jsonSchemaFormat, parseJsonReply, responseFormat } from './structured-output.js';
import { createThinkFilter, visibleText } from './think-filter.js';

/** Passed explicitly so the SDK never falls back to OPENAI_BASE_URL behind our config's back. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * How long a stream that has finished its answer may take to send the rest (the usage chunk,
 * `[DONE]`) before it is taken as complete: some servers never send `[DONE]` and keep the
 * connection open.
 */
const AFTER_FINISH_MS = 500;

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
  /** What endpoints were found to refuse; the process's own memory unless a test isolates itself. */
  memory?: EndpointMemory;
  /** The setting that sizes `timeoutMs`, named in timeout errors (default LOOP_COACH_MODEL_TIMEOUT_MS). */
  timeoutSetting?: string;
}

interface Context extends ErrorContext {
  deadlineMs: number;
}

type Deadline = ReturnType<typeof startDeadline>;

export function createOpenAIChatModel(opts: OpenAIChatModelOptions): ChatModel {
  // The SDK would read OPENAI_API_KEY itself if given nothing; we want our config to be the only source.
  if (!opts.apiKey) throw new ModelConfigError('OPENAI_API_KEY is empty: set it to use the openai provider.');

  const baseURL = opts.baseURL ?? OPENAI_DEFAULT_BASE_URL;
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL,
    // null, not undefined: undefined makes the SDK read OPENAI_ORG_ID / OPENAI_PROJECT_ID.
    organization: null,
    project: null,
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    fetch: providerFetch(opts.fetch ?? fetch, opts.timeoutMs),
  });
  const { model, timeoutMs, apiKey } = opts;
  const identity = { provider: 'openai', model } as const;
  const memory = opts.memory ?? processEndpointMemory;
  const endpoint = endpointKey(baseURL, model);
  // OpenAI's reasoning models reject max_tokens; most other servers know only max_tokens.
  const official = new URL(baseURL).hostname === 'api.openai.com';
  const tokenLimits = official ? (['max_completion_tokens', 'max_tokens'] as const) : (['max_tokens', 'max_completion_tokens'] as const);
  const timeoutSetting = opts.timeoutSetting ?? 'LOOP_COACH_MODEL_TIMEOUT_MS';
  const contextOf = (req: ChatRequest): Context => ({ model, timeoutMs, timeoutSetting, apiKey, deadlineMs: callDeadlineMs(opts), signal: req.signal });

  function params(req: ChatRequest, refused: ReadonlySet<Refusable>): ChatCompletionCreateParamsBase {
    const limit = tokenLimits.find((p) => !refused.has(p));
    return {
      model,
      messages: alternatingRoles(req.messages),
      ...(req.temperature !== undefined && !refused.has('temperature') && { temperature: req.temperature }),
      ...(req.maxTokens !== undefined && limit === 'max_tokens' && { max_tokens: req.maxTokens }),
      ...(req.maxTokens !== undefined && limit === 'max_completion_tokens' && { max_completion_tokens: req.maxTokens }),
    };
  }

  /**
   * Sends a request, again without whatever the endpoint refuses, once per feature; a refusal is
   * remembered, so later requests leave the feature out from the start.
   */
  async function send<B extends object, T>(build: (refused: ReadonlySet<Refusable>) => B, run: (body: B) => Promise<T>): Promise<T> {
    const dropped = new Set<Refusable>();
    for (;;) {
      const body = build(memory.refused(endpoint));
      try {
        return await run(body);
      } catch (err) {
        const feature = refusedFeature(err, body);
        // Each feature once per call, so a memory that did not take cannot loop.
        if (!feature || dropped.has(feature)) throw err;
        dropped.add(feature);
        memory.remember(endpoint, feature);
      }
    }
  }

  /** One whole (not streamed) call under its deadline, its failures typed. */
  async function whole<T>(req: ChatRequest, call: (deadline: Deadline) => Promise<T>): Promise<T> {
    const ctx = contextOf(req);
    const deadline = startDeadline(ctx);
    try {
      return await call(deadline);
    } catch (err) {
      throw deadline.expired() ? deadline.timeoutError() : toModelError(err, ctx);
    } finally {
      deadline.clear();
    }
  }

  async function answer(req: ChatRequest, deadline: Deadline, format?: (refused: ReadonlySet<Refusable>) => object) {
    const { data, response } = await send(
      (refused) => ({ ...params(req, refused), ...format?.(refused), stream: false as const }),
      (body) => deadline.race(client.chat.completions.create(body, { signal: deadline.signal }).withResponse()),
    );
    return replyOf(data, response.headers.get('content-type') ?? '', apiKey);
  }

  async function* streamChat(req: ChatRequest): AsyncGenerator<ChatStreamEvent> {
    const ctx = contextOf(req);
    const think = createThinkFilter();
    let text = '';
    let usage: Usage | null = null;
    let finish: string | null = null;
    let chunksSeen = 0;
    let contentType = '';
    let silent = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    // A stream that trickles (each chunk just inside the watchdog) must still end: the deadline
    // covers the whole reply, so the turn lock never outlives the call holding it.
    const deadline = startDeadline(ctx);

    try {
      const { data: chunks, response } = await send(
        (refused) => ({
          ...params(req, refused),
          stream: true as const,
          ...(!refused.has('stream_options') && { stream_options: { include_usage: true } }),
        }),
        (body) => deadline.race(client.chat.completions.create(body, { signal: deadline.signal }).withResponse()),
      );
      contentType = response.headers.get('content-type') ?? '';
      if (/html/i.test(contentType)) {
        const page = await deadline.race(response.text());
        throw notTheApi(page, contentType, apiKey);
      }
      // The SDK's timeout stops at the response headers, so a stream that stalls afterwards would
      // hang forever. Aborting its controller ends the iteration quietly; `silent` says why.
      const arm = (ms: number) => {
        watchdog = setTimeout(() => {
          silent = true;
          chunks.controller.abort();
        }, ms);
      };
      arm(timeoutMs);
      for await (const chunk of chunks as AsyncIterable<Partial<ChatCompletionChunk> | null>) {
        clearTimeout(watchdog);
        chunksSeen += 1;
        // Azure opens with `choices: []` (its prompt filter results); some servers send `delta: null`.
        if (chunk?.usage) usage = toUsage(chunk.usage);
        const choice = chunk?.choices?.[0];
        if (choice?.finish_reason) finish = choice.finish_reason;
        // Reasoning fields (`reasoning_content`, `reasoning`) are never read: only the answer is.
        const piece = choice?.delta?.content;
        const shown = typeof piece === 'string' && piece ? think.push(piece) : '';
        if (shown) {
          text += shown;
          yield { type: 'delta', text: shown };
        }
        // Only time the provider, not a slow consumer of the deltas.
        arm(finish ? Math.min(timeoutMs, AFTER_FINISH_MS) : timeoutMs);
      }
    } catch (err) {
      // The watchdog's own abort: a quiet end over fetch, an "aborted" error over node:http. Judged below either way.
      if (!silent) throw deadline.expired() ? deadline.timeoutError() : toModelError(err, ctx);
    } finally {
      clearTimeout(watchdog);
      deadline.clear();
    }

    // The SDK swallows aborts mid-stream and just ends, which would look like a short but complete answer.
    if (silent && !finish) {
      const what = text ? `The model stream stalled for more than ${timeoutMs} ms.` : `The model sent no answer within ${timeoutMs} ms of starting its stream.`;
      throw new ModelTimeoutError(`${what}${slowHint(ctx)}`);
    }
    if (deadline.expired()) throw deadline.timeoutError();
    if (ctx.signal?.aborted) throw new APIUserAbortError();
    if (chunksSeen === 0) throw notAChatCompletion(`sent a stream without a single event (content-type ${contentType || 'none'})`);
    if (!finish) throw new ModelBadReplyError('The model stream ended before the model finished its answer.');
    const cut = unfinished(finish);
    if (cut) throw cut;
    const rest = think.end();
    if (rest) {
      text += rest;
      yield { type: 'delta', text: rest };
    }
    if (!text) throw new ModelBadReplyError('The model reply had no answer text.');
    yield { type: 'done', text, usage, ...identity };
  }

  return {
    ...identity,

    complete: (req) =>
      whole(req, async (deadline) => {
        const { text, usage } = await answer(req, deadline);
        return { ...identity, text, usage };
      }),

    stream: streamChat,

    structured: <S extends z.ZodType>(req: StructuredRequest<S>) =>
      whole(req, async (deadline) => {
        const schema = jsonSchemaFormat(req.schema);
        const { text, usage } = await answer(req, deadline, (refused) => responseFormat(refused, req.schemaName, schema));
        const value: z.infer<S> = parseJsonReply(req.schema, req.schemaName, text);
        return { ...identity, value, usage };
      }),
  };
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
  const timeoutError = () => new ModelTimeoutError(`The model did not finish within ${ctx.deadlineMs} ms, retries included.${slowHint(ctx)}`);
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

/** The answer of a whole completion, without reasoning; anything else is an error saying what came instead. */
function replyOf(res: unknown, contentType: string, apiKey: string): { text: string; usage: Usage | null } {
  // Optional chaining on typed fields: a proxy may answer 200 with anything (the SDK hands a body that is not JSON over as a string).
  if (typeof res === 'string') throw notTheApi(res, contentType, apiKey);
  const body = (res ?? {}) as { choices?: unknown; error?: unknown; usage?: CompletionUsage | null };
  // A few proxies send their error with a 200; it is read as a stream's error event is.
  if (body.error) throw new APIError(undefined, body.error as object, undefined, undefined);
  if (!Array.isArray(body.choices)) {
    throw notAChatCompletion('answered with JSON that is not a chat completion');
  }
  const choice = body.choices[0] as { finish_reason?: string | null; message?: { content?: unknown; refusal?: unknown } | null } | undefined;
  const cut = unfinished(choice?.finish_reason ?? '');
  if (cut) throw cut;
  if (choice?.message?.refusal) throw new ModelBadReplyError('The model refused to answer.');
  // Reasoning fields (`reasoning_content`, `reasoning`) are never read: only the answer is.
  const content = choice?.message?.content;
  const text = typeof content === 'string' ? visibleText(content) : '';
  if (text === '') throw new ModelBadReplyError('The model reply had no answer text.');
  return { text, usage: toUsage(body.usage) };
}

function toUsage(usage: CompletionUsage | null | undefined): Usage | null {
  if (!usage || typeof usage.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number') return null;
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
}
