import type { Context } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a cookie-carrying request may change anything. A browser attaches our cookie to requests
 * that other sites' pages make too, so a write must prove it came from one of our own pages:
 * `Sec-Fetch-Site: same-origin` (every current browser sends it), or else an `Origin` naming our
 * host. A write with neither is refused; non-browser clients use a bearer token, which needs no check.
 */
export function isSameOriginWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const site = req.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = req.headers.get('origin');
  if (origin === null || origin === 'null') return false;
  try {
    // Hosts, not origins: behind a TLS-terminating proxy the page is https while we see http.
    return new URL(origin).host === new URL(req.url).host;
  } catch {
    return false;
  }
}

/**
 * Whether a request may start a new guest account: a write (which has passed the check above),
 * or a top-level navigation. Browsers say what a request is for in `Sec-Fetch-Dest`: only
 * `document` is someone opening the page; an image, a script, a frame or a fetch that another
 * site's page makes is not, and must not create a user. A request without the header is a client
 * from before it (browsers before 2020-23) or not a browser (curl, a script: they could call
 * `POST /api/auth/guest` anyway) and counts as a visit; such guests still count against the
 * per-address guest limit.
 */
export function startsVisit(c: Context): boolean {
  if (!SAFE_METHODS.has(c.req.method)) return true;
  const dest = c.req.header('sec-fetch-dest');
  return dest === undefined || dest === 'document';
}
