/**
 * Who the client is when a proxy stands in front of us (`LOOP_COACH_TRUSTED_PROXY`). A header
 * naming the client is only as good as whoever wrote it: anyone can send `X-Forwarded-For` or
 * `CF-Connecting-IP`, so they are read only as far as the proxies we were told to trust wrote them.
 * By default nothing is trusted and the client is the socket's peer.
 *
 * - a hop count `N`: N proxies in front of us, each appending the address it saw to
 *   `X-Forwarded-For`; the client is the N-th address from the right.
 * - address ranges (`10.0.0.0/8,2001:db8::/32,127.0.0.1`, and `loopback`, `private`): the proxies
 *   are the peers in those ranges; `X-Forwarded-For` is walked from the right past them, and the
 *   first address outside them is the client.
 * - `cloudflare`: the address Cloudflare's edge puts in `CF-Connecting-IP` (from a peer in the
 *   listed ranges when some are listed). Only safe when nothing but Cloudflare can reach us: on
 *   Workers, or an origin firewalled to Cloudflare's ranges (list them too, and they are checked).
 *
 * Pure functions over strings, so both entries (Node: the socket's peer; Worker: no peer) share them.
 */

export interface TrustedProxy {
  /** Proxies in front of us, counted from us; 0 with ranges or none. */
  hops: number;
  ranges: AddressRange[];
  cloudflare: boolean;
}

export const TRUST_NOTHING: TrustedProxy = { hops: 0, ranges: [], cloudflare: false };

interface AddressRange {
  bits: 32 | 128;
  base: bigint;
  prefix: number;
}

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fe80::/10', '169.254.0.0/16'],
};

/** Parses the setting; throws an Error whose message says what is wrong (the config names the variable). */
export function parseTrustedProxy(spec: string): TrustedProxy {
  const value = spec.trim().toLowerCase();
  if (value === '' || value === 'none' || value === '0') return TRUST_NOTHING;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) throw new Error('a hop count is at most 20');
    return { hops, ranges: [], cloudflare: false };
  }
  const trust: TrustedProxy = { hops: 0, ranges: [], cloudflare: false };
  for (const item of value.split(',').map((s) => s.trim())) {
    if (item === 'cloudflare') trust.cloudflare = true;
    else if (NAMED_RANGES[item]) trust.ranges.push(...NAMED_RANGES[item].map((r) => parseRange(r) as AddressRange));
    else {
      const range = parseRange(item);
      if (!range) throw new Error(`"${item}" is not a hop count, an address, a range (CIDR), loopback, private or cloudflare`);
      trust.ranges.push(range);
    }
  }
  return trust;
}

type Header = (name: string) => string | undefined;

/**
 * The client's address: from the headers the trusted proxies wrote, else the peer. Undefined when
 * it cannot be known (a Worker without Cloudflare's header), so no per-address limit applies.
 */
export function clientAddressOf(trust: TrustedProxy, header: Header, peer: string | undefined): string | undefined {
  if (trust.cloudflare && peerIsProxy(trust, peer)) {
    const edge = plainAddress(header('cf-connecting-ip') ?? '');
    if (edge) return edge;
  }
  if (trust.hops === 0 && trust.ranges.length === 0) return peer;
  // Nearest first: the peer, then X-Forwarded-For from the right.
  const forwarded = (header('x-forwarded-for') ?? '').split(',').map((s) => s.trim());
  const chain = [peer, ...forwarded.filter(Boolean).reverse()];
  let client = peer;
  for (let i = 0; i < chain.length; i++) {
    const address = i === 0 ? peer : plainAddress(chain[i] ?? '');
    // An entry that is no address was not written by a proxy we trust: the last good hop stands.
    if (i > 0 && !address) return client;
    client = address;
    const proxy = trust.hops > 0 ? i < trust.hops : address !== undefined && inRanges(trust.ranges, address);
    if (!proxy) return client;
  }
  return client;
}

/**
 * Whether the browser reached us over https: the request's own scheme, or, when the peer is a
 * proxy we trust, the first `X-Forwarded-Proto` (as Express reads it). Anyone else's header is ignored.
 */
export function isHttpsRequest(trust: TrustedProxy, url: string, header: Header, peer: string | undefined): boolean {
  if (url.startsWith('https:')) return true;
  if (!peerIsProxy(trust, peer)) return false;
  return header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** Whether the socket's peer is one of the proxies we trust. A Worker has no peer: Cloudflare's edge is its proxy. */
function peerIsProxy(trust: TrustedProxy, peer: string | undefined): boolean {
  if (trust.hops > 0) return true;
  if (peer === undefined) return trust.cloudflare;
  if (trust.ranges.length > 0) return inRanges(trust.ranges, peer);
  return trust.cloudflare;
}

function inRanges(ranges: readonly AddressRange[], address: string): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return ranges.some((r) => r.bits === parsed.bits && r.base >> BigInt(r.bits - r.prefix) === parsed.value >> BigInt(r.bits - r.prefix));
}

/** An address as a proxy may write it (`[::1]:80`, `192.0.2.1:443`), without the port; undefined when it is none. */
function plainAddress(raw: string): string | undefined {
  const s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(s);
  const address = bracketed?.[1] ?? v4WithPort?.[1] ?? s;
  return parseAddress(address) ? address : undefined;
}

function parseRange(text: string): AddressRange | undefined {
  const [address = '', prefixText, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  const parsed = parseAddress(address);
  if (!parsed) return undefined;
  const prefix = prefixText === undefined ? parsed.bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= parsed.bits)) return undefined;
  return { bits: parsed.bits, base: parsed.value, prefix };
}

/** IPv4 as 32 bits, IPv6 as 128 (an IPv4-mapped IPv6 address as its IPv4 address); a zone (`%eth0`) is ignored. */
function parseAddress(text: string): { bits: 32 | 128; value: bigint } | undefined {
  const s = text.trim().toLowerCase().replace(/%.*$/, '');
  const v4 = parseV4(s);
  if (v4 !== undefined) return { bits: 32, value: v4 };
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (mapped) {
    const inner = parseV4(mapped[1] ?? '');
    return inner === undefined ? undefined : { bits: 32, value: inner };
  }
  const v6 = parseV6(s);
  return v6 === undefined ? undefined : { bits: 128, value: v6 };
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseV6(s: string): bigint | undefined {
  if (!/^[0-9a-f:.]+$/.test(s) || s.split('::').length > 2) return undefined;
  const [head = '', tail] = s.split('::');
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      const v4 = g.includes('.') ? parseV4(g) : undefined;
      if (v4 !== undefined) out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      else if (/^[0-9a-f]{1,4}$/.test(g)) out.push(Number.parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  if (!left || !right) return undefined;
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  return [...left, ...Array<number>(missing).fill(0), ...right].reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}
