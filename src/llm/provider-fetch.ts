/**
 * The SDK's `fetch`, adjusted for the providers people run. Two things happen to failed responses
 * (status 400 and up), before the SDK reads them:
 *
 * - Waiting longer than an attempt may take, because a provider said so, would stall the user's
 *   request past its deadline (the SDK sleeps whatever `retry-after` says). Such a response is
 *   marked not retryable: the call fails at once, and the wait goes on to our client as retry-after.
 * - The SDK finds the provider's words only in OpenAI's `{ error: { message } }`. vLLM answers
 *   `{ message, code }`, FastAPI servers `{ detail }`, TGI `{ error: "…" }`, proxies an HTML page:
 *   each is rewritten to OpenAI's shape so the error the operator reads says what went wrong.
 */
export function providerFetch(inner: typeof fetch, maxWaitMs: number): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    if (res.status < 400) return res;
    const headers = new Headers(res.headers);
    const wait = retryAfterMs(res.headers);
    if (wait !== undefined && wait > maxWaitMs) headers.set('x-should-retry', 'false');
    const text = await res.text();
    const body = asOpenAIError(text);
    if (body !== text) headers.set('content-type', 'application/json');
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}

/** The wait a provider asks for, in ms; retry-after-ms wins, as it does in the SDK. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** An HTML page reduced to what it says: its title, else its text. */
export function pageText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim();
  const text = title || html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype html|html|head|body)/i.test(text);
}

function asOpenAIError(text: string): string {
  if (text.trim() === '') return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const message = looksLikeHtml(text) ? `an HTML page: ${pageText(text)}` : text.trim();
    return JSON.stringify({ error: { message, type: null, code: null, param: null } });
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return JSON.stringify({ error: { message: text, type: null, code: null, param: null } });
  const body = json as Record<string, unknown>;
  const error = body.error;
  if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return text;
  if (Object.keys(body).length === 0) return text;
  const said = [typeof error === 'string' ? error : undefined, body.message, body.detail, body.msg, body.title].find((s) => typeof s === 'string');
  const message = said ?? (body.detail !== undefined ? JSON.stringify(body.detail) : text);
  return JSON.stringify({ error: { message, type: body.type ?? body.error_type ?? null, code: body.code ?? null, param: body.param ?? null } });
}
