import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { TOKEN_COOKIE } from '../auth/tokens.js';
import type { Deps } from '../deps.js';
import { CrossSiteRequestError, UnauthorizedError } from '../errors.js';
import { authenticate } from '../services/account.js';
import type { AppEnv } from './app-env.js';
import { isSameOriginWrite } from './same-origin.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Puts the token's user on the context, or answers 401 with one message whatever was wrong. The
 * token comes as a bearer token, or in the web pages' cookie; a cookie-authenticated write must
 * come from our own pages (403 otherwise).
 */
export function requireUser(deps: Pick<Deps, 'db' | 'now' | 'config'>): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    const bearer = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const cookie = bearer ? undefined : getCookie(c, TOKEN_COOKIE);
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
  };
}
