import type { MiddlewareHandler } from 'hono';
import { MalformedJsonError, UnsupportedContentTypeError } from '../errors.js';

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json(;|$)/i;
export const SEND_JSON = 'Send the body as JSON with "content-type: application/json".';

/**
 * The API speaks JSON only. A body sent with another content type, or JSON that does not
 * parse, is refused here with a clear 400 before any route sees it, whether or not the route
 * declares a body (so `POST /api/auth/guest -d '{not json'` is an error, not silently ignored).
 */
export function jsonBodyOnly(): MiddlewareHandler {
  return async function jsonBodyOnly(c, next) {
    const length = c.req.header('content-length');
    // Decided from the headers where they settle it: on Node, touching `c.req.raw.body` builds a
    // full web Request and gives up @hono/node-server's direct body read.
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || length === '0') return next();
    if (length === undefined && c.req.raw.body === null) return next();
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      // Clients send empty POSTs with any content type or none; only a real body is refused.
      if (length === undefined && (await c.req.text()) === '') return next();
      throw new UnsupportedContentTypeError(SEND_JSON);
    }
    try {
      // Parsed once here; Hono caches it for the route's validator.
      await c.req.json();
    } catch {
      throw new MalformedJsonError('The request body is not valid JSON.');
    }
    await next();
  };
}
