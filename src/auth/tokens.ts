/** Bearer tokens: 256 random bits, shown to the client once, stored only as a SHA-256 hash. */
export function generateToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `lc_${base64url(bytes)}`;
}

// Every request of a client carries the same token: hash it once. A hash is no secret the
// process did not already hold, and the cache is per isolate, so nothing about users is shared.
const HASH_CACHE_LIMIT = 10_000;
const hashCache = new Map<string, string>();

export async function hashToken(token: string): Promise<string> {
  const cached = hashCache.get(token);
  if (cached) return cached;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (hashCache.size >= HASH_CACHE_LIMIT) hashCache.clear();
  hashCache.set(token, hex);
  return hex;
}

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The cookie the web pages keep the token in; the API accepts it as well as a bearer token. */
export const TOKEN_COOKIE = 'lc_token';
