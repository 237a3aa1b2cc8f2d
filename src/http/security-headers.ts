import type { MiddlewareHandler } from 'hono';

/** Nothing in a JSON or event-stream response may load, run or be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers that cost nothing and close whole classes of browser attack on API responses: no MIME
 * sniffing a JSON body into HTML, no referrer leaking ids in URLs, no framing, and no caching of
 * personal data by shared caches. HTML pages set their own CSP (the UI's and the docs page's
 * needs differ), so a header a route already set is never overwritten. No page is stored either:
 * pages show someone's drafts and sessions, and a first visit's carries the new guest's cookie.
 */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    const headers = c.res.headers;
    const setDefault = (name: string, value: string) => {
      if (!headers.has(name)) headers.set(name, value);
    };
    setDefault('x-content-type-options', 'nosniff');
    setDefault('referrer-policy', 'no-referrer');
    const html = /^text\/html/i.test(headers.get('content-type') ?? '');
    if (!html) setDefault('content-security-policy', API_CSP);
    if (html || c.req.path.startsWith('/api/')) setDefault('cache-control', 'no-store');
  };
}
