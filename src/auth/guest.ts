import { createGuest, type User } from '../db/queries/users.js';
import type { Deps } from '../deps.js';
import { generateToken, hashToken } from './tokens.js';

/** The cookie the web pages keep the token in; the API accepts it as well as a bearer token. */
export const TOKEN_COOKIE = 'lc_token';

/** A new guest user and its token: the API hands the token out, the pages keep it in a cookie. */
export async function startGuest(deps: Pick<Deps, 'db' | 'newId' | 'now' | 'config'>): Promise<{ token: string; user: User; expiresAt: Date }> {
  const token = generateToken();
  const now = deps.now();
  const user = await createGuest(deps.db, deps.newId, { tokenHash: await hashToken(token), now, tokenTtlMs: deps.config.tokenTtlMs });
  return { token, user, expiresAt: new Date(now + deps.config.tokenTtlMs) };
}
