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
