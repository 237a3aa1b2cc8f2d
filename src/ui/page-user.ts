import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { tokenCookieName } from '../auth/tokens.js';
import type { Deps } from '../deps.js';
import { UnauthorizedError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { isHttps } from '../http/client-info.js';
import { startsVisit } from '../http/same-origin.js';
import { readTokenCookie, setTokenCookie } from '../http/token-cookie.js';
import { authenticate, renewToken, startGuest } from '../services/account.js';

/**
 * The pages' user: the one the token cookie names, or, on a first visit (or after the token
 * expired or the account was deleted), a new guest whose token goes into the cookie. A guest is
 * made only by a visit (a top-level navigation) or a form post from our pages, never by a page
 * loaded inside another one (another site's `<img src=/>` or frame makes no one). A token due for
 * renewal is replaced once the page is done, and the cookie with it.
 */
export function pageUser(deps: Pick<Deps, 'db' | 'now' | 'newId' | 'config' | 'clientAddress' | 'requestIsHttps'>): MiddlewareHandler<AppEnv> {
  return async function pageUser(c, next) {
    // A path can match more than one page pattern (a literal "*" does); one visitor, one guest.
    if (c.get('user')) return next();
    const https = isHttps(deps, c);
    const token = readTokenCookie(c, https);
    const found = token ? await authenticate(deps, token) : undefined;
    if (found) {
      c.set('user', found.user);
      c.set('tokenId', found.tokenId);
      await next();
      const replacement = found.renewDue ? await renewToken(deps, found.user.id, found.tokenId) : undefined;
      if (replacement) setTokenCookie(c, https, replacement.token, deps.config.tokenTtlMs);
      return;
    }
    if (!startsVisit(c)) throw new UnauthorizedError('There is no Loop Coach account here yet: open Loop Coach in its own tab to start one.');
    const guest = await startGuest(deps, deps.clientAddress?.(c));
    setTokenCookie(c, https, guest.token, deps.config.tokenTtlMs);
    c.set('user', guest.user);
    await next();
  };
}

/** Removes the cookie under both of its names, whichever the browser holds. */
export function clearTokenCookie(c: Context): void {
  deleteCookie(c, tokenCookieName(false), { path: '/', httpOnly: true, sameSite: 'Lax' });
  deleteCookie(c, tokenCookieName(true), { path: '/', httpOnly: true, sameSite: 'Lax', secure: true });
}
