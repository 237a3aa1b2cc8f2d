import { toBase64url } from './base64url.js';

/** Bearer tokens: 256 random bits, shown to the client once, stored only as a SHA-256 hash. */
export function generateToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `lc_${toBase64url(bytes)}`;
}

// What generateToken makes: `lc_` and 32 bytes in unpadded base64url.
const TOKEN_SHAPE = /^lc_[A-Za-z0-9_-]{43}$/;

/** Whether `token` could be one of ours. Anything else is refused before it is hashed or looked up. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/**
 * How long a replaced token keeps working: requests already on their way with it (a page's
 * parallel fetches, a client between two calls) still pass, and then only the new one does.
 */
export const REPLACED_TOKEN_GRACE_MS = 60_000;

// Every request of a client carries the same token: hash it once. Only tokens that named a live
// user are kept (`rememberTokenHash`), so made-up tokens cannot fill the cache; a hash is no
// secret the process did not already hold, and the cache is per isolate.
const HASH_CACHE_LIMIT = 10_000;
const hashCache = new Map<string, string>();

export async function hashToken(token: string): Promise<string> {
  const cached = hashCache.get(token);
  if (cached) return cached;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keeps the hash of a token that was just found live, for its next request. */
export function rememberTokenHash(token: string, hash: string): void {
  if (hashCache.has(token)) return;
  if (hashCache.size >= HASH_CACHE_LIMIT) hashCache.clear();
  hashCache.set(token, hash);
}

/** Tokens whose hashes are cached now (for tests of what gets cached). */
export function cachedTokenCount(): number {
  return hashCache.size;
}

/** The cookie the web pages keep the token in over plain http; the API accepts it as well as a bearer token. */
export const TOKEN_COOKIE = 'lc_token';

/**
 * The cookie's name: over https `__Host-lc_token`, which browsers accept only when it is Secure,
 * has no Domain and has Path=/, so neither a sibling subdomain nor a plain-http page can set or
 * shadow it. Plain http (local use) cannot have that prefix.
 */
export function tokenCookieName(https: boolean): string {
  return https ? `__Host-${TOKEN_COOKIE}` : TOKEN_COOKIE;
}
