import type { Context } from 'hono';
import { clientAddressOf, isHttpsRequest, type TrustedProxy } from '../auth/trusted-proxy.js';
import type { Deps } from '../deps.js';

/**
 * What an entry point tells the app about each request's client, from `LOOP_COACH_TRUSTED_PROXY`
 * and the socket's peer (`peer`; a Worker has none): its address, for per-address limits, and
 * whether the browser used https, for the cookie.
 */
export function clientInfo(trust: TrustedProxy, peer: (c: Context) => string | undefined): Pick<Deps, 'clientAddress' | 'requestIsHttps'> {
  // `c.req.header` reads Node's headers as they came; `c.req.raw` would build a whole web Request for it.
  return {
    clientAddress: (c) => clientAddressOf(trust, (name) => c.req.header(name), peer(c)),
    requestIsHttps: (c) => isHttpsRequest(trust, c.req.url, (name) => c.req.header(name), peer(c)),
  };
}

/** Whether the browser reached us over https; without the entry's word (tests, the CLI), the request's own scheme. */
export function isHttps(deps: Pick<Deps, 'requestIsHttps'>, c: Context): boolean {
  return deps.requestIsHttps ? deps.requestIsHttps(c) : c.req.url.startsWith('https:');
}
