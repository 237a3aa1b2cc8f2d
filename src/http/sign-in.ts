import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { giveUpToken, type RelyingParty, type SignedIn } from '../services/passkeys.js';
import { isHttps } from './client-info.js';
import { isSameOriginWrite } from './same-origin.js';
import { readTokenCookie, setTokenCookie } from './token-cookie.js';

/**
 * Who a passkey is made for and signed for: the host name people reach us at (the RP ID) and our
 * origin. `LOOP_COACH_PUBLIC_ORIGIN` when set; else the request's own host, with https when the
 * request's scheme (or the trusted proxy's word) says so, never a header anyone could send.
 */
export function relyingParty(deps: Pick<Deps, 'config' | 'requestIsHttps'>, c: Context): RelyingParty {
  const configured = deps.config.publicOrigin;
  if (configured) return { id: new URL(configured).hostname, origin: configured };
  const url = new URL(c.req.url);
  return { id: url.hostname, origin: `${isHttps(deps, c) ? 'https' : 'http'}://${url.host}` };
}

/**
 * Hands a browser the account it signed in to: the new token replaces the one in its cookie, and
 * that one is revoked (no one else holds it). Only for a request from our own pages: a client that
 * is no browser gets the token in the body alone, and a form on another site's page cannot put
 * its maker's account into someone's browser (login CSRF).
 */
export async function adoptSignIn(deps: Pick<Deps, 'db' | 'now' | 'config' | 'requestIsHttps'>, c: Context, signedIn: SignedIn): Promise<void> {
  if (!isSameOriginWrite(c.req.raw)) return;
  const https = isHttps(deps, c);
  const previous = readTokenCookie(c, https);
  if (previous) await giveUpToken(deps, previous);
  // A page may have set a new guest's cookie on this very response; the signed-in account's replaces it.
  c.header('set-cookie', undefined);
  setTokenCookie(c, https, signedIn.token, deps.config.tokenTtlMs);
}
