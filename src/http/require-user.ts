import type { MiddlewareHandler } from 'hono';
import type { Deps } from '../deps.js';
import { CrossSiteRequestError, UnauthorizedError } from '../errors.js';
import { authenticate, renewToken } from '../services/account.js';
import type { AppEnv } from './app-env.js';
import { isHttps } from './client-info.js';
import { isSameOriginWrite } from './same-origin.js';
import { readTokenCookie, setTokenCookie } from './token-cookie.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Where a renewed bearer token's replacement is sent (a cookie's goes into the cookie). */
export const TOKEN_HEADER = 'loop-coach-token';
export const TOKEN_EXPIRES_HEADER = 'loop-coach-token-expires';

/**
 * Puts the token's user on the context, or answers 401 with one message whatever was wrong. The
 * token comes as a bearer token, or in the web pages' cookie; a cookie-authenticated write must
 * come from our own pages (403 otherwise). A token due for renewal is replaced once the request
 * is done (so a logout or an account deletion in it replaces nothing): the new one goes into the
 * cookie, or for a bearer token into the `Loop-Coach-Token` response header.
 */
export function requireUser(deps: Pick<Deps, 'db' | 'now' | 'newId' | 'config' | 'requestIsHttps'>): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    const bearer = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const https = isHttps(deps, c);
    const cookie = bearer ? undefined : readTokenCookie(c, https);
    const token = bearer ?? cookie;
    if (!token) {
      throw new UnauthorizedError('Send "Authorization: Bearer <token>"; get a token from POST /api/auth/guest.');
    }
    if (cookie && !isSameOriginWrite(c.req.raw)) {
      throw new CrossSiteRequestError('This request carries the site cookie but did not come from a Loop Coach page; send a bearer token instead.');
    }
    const found = await authenticate(deps, token);
    if (!found) throw new UnauthorizedError('The token is unknown, expired or revoked; get a new one from POST /api/auth/guest.');
    c.set('user', found.user);
    c.set('tokenId', found.tokenId);
    await next();
    if (!found.renewDue) return;
    const replacement = await renewToken(deps, found.user.id, found.tokenId);
    if (!replacement) return;
    if (cookie) return setTokenCookie(c, https, replacement.token, deps.config.tokenTtlMs);
    c.header(TOKEN_HEADER, replacement.token);
    c.header(TOKEN_EXPIRES_HEADER, replacement.expiresAt.toISOString());
  };
}
