import { countRequest, userRateKey } from '../db/queries/rate-limits.js';
import type { Deps } from '../deps.js';
import { RateLimitedError } from '../errors.js';

/**
 * Counts one request against each key and refuses it once any key is over `limit` a minute. The
 * counts live in the database, not in memory, because Worker isolates share nothing (and Node may
 * run several processes): every isolate in every region must see the same count.
 */
async function withinLimit(deps: Pick<Deps, 'db' | 'now'>, keys: readonly string[], limit: number, message: string): Promise<void> {
  const now = deps.now();
  for (const key of keys) {
    const { count, resetAt } = await countRequest(deps.db, key, now);
    if (count > limit) throw new RateLimitedError(message, { retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) });
  }
}

/**
 * Limits model-calling requests per minute (`LOOP_COACH_RATE_LIMIT`, 0 = off), per user and per
 * client address: guest accounts cost nothing to make, so a per-user limit alone would let one
 * client spread its requests over many tokens.
 */
export async function limitModelCalls(deps: Pick<Deps, 'db' | 'now' | 'config'>, userId: string, address: string | undefined): Promise<void> {
  const limit = deps.config.rateLimitPerMinute;
  if (limit === 0) return;
  const keys = [userRateKey(userId), ...(address ? [addressKey(address)] : [])];
  await withinLimit(deps, keys, limit, `Too many requests: at most ${limit} a minute. Try again shortly.`);
}

/**
 * Limits new guest accounts per client address and minute (`LOOP_COACH_GUEST_LIMIT`, 0 = off).
 * A guest costs nothing to make, and the pages make one for every visitor without a cookie, so
 * without it one client could fill the database. Without a known address (tests, a proxy that
 * hides it) there is nothing to count by.
 */
export async function limitGuestCreation(deps: Pick<Deps, 'db' | 'now' | 'config'>, address: string | undefined): Promise<void> {
  const limit = deps.config.guestLimitPerMinute;
  if (limit === 0 || !address) return;
  await withinLimit(
    deps,
    [`guest:${addressKey(address)}`],
    limit,
    `Too many new guest accounts from your network: at most ${limit} a minute. Try again shortly.`,
  );
}

/**
 * Limits sign-in requests (a passkey sign-in's challenge, a passkey sign-in, a recovery code) per
 * client address and minute, as many as new guests (`LOOP_COACH_GUEST_LIMIT`, 0 = off), and
 * counted apart from them. No one can guess a passkey's signature or a 100-bit code, but each try
 * costs a database write, and a challenge is a row until it expires.
 */
export async function limitSignIn(deps: Pick<Deps, 'db' | 'now' | 'config'>, address: string | undefined): Promise<void> {
  const limit = deps.config.guestLimitPerMinute;
  if (limit === 0 || !address) return;
  await withinLimit(
    deps,
    [`sign-in:${addressKey(address)}`],
    limit,
    `Too many sign-in attempts from your network: at most ${limit} a minute. Try again shortly.`,
  );
}

/**
 * The rate-limit key of a client address. An IPv6 client is usually given a whole /64, so its
 * key is the /64 (else it could pick a fresh address per request); an IPv4-mapped IPv6 address
 * is its IPv4 address.
 */
export function addressKey(address: string): string {
  const a = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) return `ip:${mapped[1]}`;
  if (!a.includes(':')) return `ip:${a}`;
  const [head = '', tail] = a.split('::', 2);
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((g) => (Number.parseInt(g, 16) || 0).toString(16));
  return `ip:${prefix.join(':')}::/64`;
}
