import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { TOKEN_COOKIE } from '../auth/tokens.js';
import type { Deps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { authenticate, startGuest } from '../services/account.js';

// Browsers cap cookie lifetimes at 400 days whatever the token's own lifetime.
const MAX_COOKIE_SECONDS = 400 * 86_400;

const cookieOptions = (c: Context) => ({
  httpOnly: true,
  sameSite: 'Lax' as const,
  path: '/',
  // Behind a TLS-terminating proxy we see http; the proxy's header says what the browser used.
  secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https',
});

/**
 * The pages' user: the one the `lc_token` cookie names, or, on a first visit (or after the token
 * expired or the account was deleted), a new guest whose token goes into the cookie.
 */
export function pageUser(deps: Pick<Deps, 'db' | 'now' | 'newId' | 'config' | 'clientAddress'>): MiddlewareHandler<AppEnv> {
  return async function pageUser(c, next) {
    // A path can match more than one page pattern (a literal "*" does); one visitor, one guest.
    if (c.get('user')) return next();
    const token = getCookie(c, TOKEN_COOKIE);
    const found = token ? await authenticate(deps, token) : undefined;
    const keepCookie = (value: string) =>
      setCookie(c, TOKEN_COOKIE, value, { ...cookieOptions(c), maxAge: Math.min(MAX_COOKIE_SECONDS, Math.floor(deps.config.tokenTtlMs / 1000)) });
    if (found && token) {
      c.set('user', found.user);
      c.set('tokenId', found.tokenId);
      // The token got a new lifetime: so must the cookie holding it, or the browser drops it first.
      if (found.renewed) keepCookie(token);
    } else {
      const guest = await startGuest(deps, deps.clientAddress?.(c));
      keepCookie(guest.token);
      c.set('user', guest.user);
    }
    await next();
  };
}

export function clearTokenCookie(c: Context): void {
  deleteCookie(c, TOKEN_COOKIE, cookieOptions(c));
}
