import { purgeExpiredGuests } from '../db/queries/account.js';
import { createGuest, type User } from '../db/queries/users.js';
import type { Deps } from '../deps.js';
import { limitGuestCreation } from '../http/rate-limit.js';
import { generateToken, hashToken } from './tokens.js';

/** The cookie the web pages keep the token in; the API accepts it as well as a bearer token. */
export const TOKEN_COOKIE = 'lc_token';

/** Expired guests removed per new guest: more than arrive, so the table never grows with them. */
const PURGE_PER_GUEST = 20;

/**
 * A new guest user and its token: the API hands the token out, the pages keep it in a cookie.
 * Limited per client address; each new guest also clears out a few whose tokens have expired.
 */
export async function startGuest(
  deps: Pick<Deps, 'db' | 'newId' | 'now' | 'config'>,
  address: string | undefined,
): Promise<{ token: string; user: User; expiresAt: Date }> {
  await limitGuestCreation(deps, address);
  const token = generateToken();
  const now = deps.now();
  const user = await createGuest(deps.db, deps.newId, { tokenHash: await hashToken(token), now, tokenTtlMs: deps.config.tokenTtlMs });
  await purgeExpiredGuests(deps.db, now, PURGE_PER_GUEST);
  return { token, user, expiresAt: new Date(now + deps.config.tokenTtlMs) };
}
