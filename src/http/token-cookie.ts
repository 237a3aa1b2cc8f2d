import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { tokenCookieName } from '../auth/tokens.js';

// Browsers cap cookie lifetimes at 400 days whatever the token's own lifetime.
const MAX_COOKIE_SECONDS = 400 * 86_400;

/** The token in the pages' cookie: `__Host-lc_token` over https, `lc_token` over plain http. */
export function readTokenCookie(c: Context, https: boolean): string | undefined {
  return getCookie(c, tokenCookieName(https));
}

/**
 * Puts `token` in the pages' cookie for as long as it lives: HttpOnly (no script reads it),
 * SameSite=Lax, and over https Secure with the `__Host-` name. `https` comes from the request's
 * scheme or a trusted proxy's word, never from a header anyone could send.
 */
export function setTokenCookie(c: Context, https: boolean, token: string, lifetimeMs: number): void {
  setCookie(c, tokenCookieName(https), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: https,
    maxAge: Math.min(MAX_COOKIE_SECONDS, Math.floor(lifetimeMs / 1000)),
  });
}
