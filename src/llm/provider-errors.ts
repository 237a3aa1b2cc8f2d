import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AppError, ModelBadReplyError, ModelConfigError, ModelTimeoutError, ModelUnavailableError } from '../errors.js';
import { looksLikeHtml, pageText, retryAfterMs } from './provider-fetch.js';

/**
 * SDK failures as the typed errors of `../errors.ts`, each with what an operator needs to act:
 * what to check, and the provider's own words (never the API key, which some providers echo).
 */
export interface ErrorContext {
  model: string;
  timeoutMs: number;
  /** The setting that sizes `timeoutMs`, named in timeout errors: the one to raise for a model that is slow rather than down. */
  timeoutSetting: string;
  apiKey: string;
  signal: AbortSignal | undefined;
}

const BASE_URL_HINT = 'check OPENAI_BASE_URL (an OpenAI-compatible API usually ends in /v1)';
const MAX_SAID = 300;
const SHARED_RUN = 8;

/**
 * The one place SDK failures become typed errors. Timeout first: APIConnectionTimeoutError is an
 * APIConnectionError. A status the client cannot fix by retrying (400, 401, 402, 403, 404, 422)
 * is a configuration error, not retryable, whether it came as the response or inside a stream.
 * The original stays available as `cause`.
 */
export function toModelError(err: unknown, ctx: ErrorContext): unknown {
  if (err instanceof AppError || err instanceof APIUserAbortError) return err;
  // An abort after the headers surfaces as a bare AbortError/TypeError; the caller asked for it either way.
  if (ctx.signal?.aborted) return new APIUserAbortError();

  const status = statusOf(err);
  const said = providerSaid(err, ctx.apiKey);
  const details = err instanceof APIError && status !== undefined ? { providerStatus: status, providerCode: err.code ?? null } : undefined;
  const opts = { cause: err, ...(details ? { details } : {}) };
  const headers = err instanceof APIError ? err.headers : undefined;

  if (err instanceof APIConnectionTimeoutError || status === 408) {
    return new ModelTimeoutError(`The model did not answer within ${ctx.timeoutMs} ms.${slowHint(ctx)}${said}`, opts);
  }
  if (status === 429) return new ModelUnavailableError(`The model provider is rate limiting us.${said}`, { ...opts, ...retryAfter(headers) });
  if (status !== undefined && status >= 500) {
    return new ModelUnavailableError(`The model provider failed (HTTP ${status}).${said}`, { ...opts, ...retryAfter(headers) });
  }
  if (err instanceof APIConnectionError) {
    const why = causeText(err, ctx.apiKey);
    return new ModelUnavailableError(`Could not reach the model provider${why ? ` (${why})` : ''}.`, opts);
  }
  if (status === 401 || status === 403) {
    return new ModelConfigError(`The model provider refused our credentials (HTTP ${status}): check OPENAI_API_KEY.${said}`, opts);
  }
  if (status === 404) {
    return new ModelConfigError(`The model provider does not know model "${ctx.model}" (HTTP 404): check LOOP_COACH_MODEL and OPENAI_BASE_URL.${said}`, opts);
  }
  if (status === 400 || status === 402 || status === 422) {
    return new ModelConfigError(`The model provider rejected the request (HTTP ${status}): check LOOP_COACH_MODEL and OPENAI_BASE_URL.${said}`, opts);
  }
  if (err instanceof APIError) {
    // Other statuses, or an error event inside a stream without one.
    const what = status === undefined ? 'an error in its stream' : `HTTP ${status}`;
    return new ModelBadReplyError(`The model provider answered with ${what}.${said}`, opts);
  }
  if (err instanceof SyntaxError) {
    return new ModelBadReplyError(`The model provider sent a reply that is not valid JSON: if this persists, ${BASE_URL_HINT}.`, opts);
  }
  // E.g. a connection cut mid-stream.
  const why = causeText(err, ctx.apiKey);
  return new ModelBadReplyError(`The model provider sent a reply we could not read${why ? ` (${why})` : ''}.`, opts);
}

/** What a timeout error adds: the setting to raise when the model is only slow (a local model on a CPU, a long critique). */
export function slowHint(ctx: Pick<ErrorContext, 'timeoutSetting'>): string {
  return ` If the model is slow rather than down, raise ${ctx.timeoutSetting}.`;
}

/** A 200 that is not the API at all: a proxy's page, a web UI on the base URL. Retrying cannot help. */
export function notTheApi(body: string, contentType: string, apiKey: string): ModelConfigError {
  const what =
    looksLikeHtml(body) || /html/i.test(contentType)
      ? `an HTML page ("${clip(pageText(body))}")`
      : `something that is not JSON${contentType ? ` (${contentType})` : ''}`;
  return new ModelConfigError(redact(`The model provider answered with ${what}, not the chat completions API: ${BASE_URL_HINT}.`, apiKey));
}

/** A 200 that the SDK could read but is not a chat completion: most likely not the API either. */
export function notAChatCompletion(what: string): ModelBadReplyError {
  return new ModelBadReplyError(`The model provider ${what}: ${BASE_URL_HINT}.`);
}

/** A reply the model did not finish: never passed off as a whole answer. */
export function unfinished(finishReason: string): ModelBadReplyError | undefined {
  const details = { finishReason };
  if (finishReason === 'length') {
    const why = 'The model reply was cut off at its token limit (finish_reason "length")';
    const fix = "retry; if it keeps happening, the model's context is too small for the prompt (Ollama: set OLLAMA_CONTEXT_LENGTH) or it thinks too long";
    return new ModelBadReplyError(`${why}: ${fix}.`, { details });
  }
  if (finishReason === 'content_filter') return new ModelBadReplyError("The provider's content filter stopped the model reply.", { details });
  return undefined;
}

/**
 * The key, and anything that looks like part of it: OpenAI echoes keys masked ("sk-proj-****abcd"),
 * others in full or cut. Any word sharing 8 characters in a row with the key goes (a key's
 * `sk-proj-` prefix is 8).
 */
export function redact(text: string, apiKey: string): string {
  if (apiKey.length < SHARED_RUN) return text;
  const whole = text.split(apiKey).join('[redacted]');
  return whole.replace(/[\w*.+/=-]{8,}/g, (word) => {
    const core = word.replace(/\.+$/, ''); // a sentence's full stop is not part of the key
    return sharesRun(core, apiKey, SHARED_RUN) ? `[redacted]${word.slice(core.length)}` : word;
  });
}

function sharesRun(word: string, key: string, n: number): boolean {
  for (let i = 0; i + n <= word.length; i++) {
    const run = word.slice(i, i + n);
    if (!run.includes('*') && key.includes(run)) return true;
  }
  return false;
}

/** The status of an HTTP error, or the one an error event in a stream names in its `code` or `status` (OpenRouter does). */
function statusOf(err: unknown): number | undefined {
  if (!(err instanceof APIError)) return undefined;
  if (err.status !== undefined) return err.status;
  const error = err.error as { code?: unknown; status?: unknown } | undefined;
  for (const value of [error?.code, error?.status]) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : NaN;
    if (n >= 400 && n <= 599) return n;
  }
  return undefined;
}

/** ` The provider said: "…"`, or nothing when it said nothing. */
function providerSaid(err: unknown, apiKey: string): string {
  if (!(err instanceof APIError) || err instanceof APIConnectionError) return '';
  const error = err.error as { message?: unknown } | string | undefined | null;
  const message = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : error ? JSON.stringify(error) : '';
  const text = message.replace(/\s+/g, ' ').trim();
  return text ? ` The provider said: "${redact(clip(text), apiKey)}"` : '';
}

/** The innermost cause's message: "connect ECONNREFUSED 127.0.0.1:9" says more than "Connection error." */
function causeText(err: unknown, apiKey: string): string {
  let inner: unknown = err;
  for (let depth = 0; depth < 5 && inner instanceof Error && inner.cause instanceof Error; depth++) inner = inner.cause;
  return inner instanceof Error && inner !== err ? redact(clip(inner.message), apiKey) : '';
}

function clip(text: string): string {
  return text.length > MAX_SAID ? `${text.slice(0, MAX_SAID)}…` : text;
}

/** Seconds for our own retry-after header. */
function retryAfter(headers: Headers | undefined): { retryAfterSeconds?: number } {
  const ms = retryAfterMs(headers);
  return ms === undefined ? {} : { retryAfterSeconds: Math.ceil(ms / 1000) };
}
