/**
 * A WebAuthn authenticator in software, for tests that run without a browser: it makes discoverable
 * credentials (ES256 or RS256) with "none" attestation and signs sign-ins with them, as a platform
 * authenticator does, and can be told to get things wrong (another origin, RP ID or type, a stale
 * counter, no user presence) the way a forged or replayed answer would.
 */
import type { webcrypto } from 'node:crypto';
import { fromBase64url, toBase64url } from '../../src/auth/base64url.js';

type CryptoKeyPair = webcrypto.CryptoKeyPair;

type Cbor = number | string | Uint8Array | boolean | null | Cbor[] | Map<number | string, Cbor>;

/** RFC 8949 encoding of the values WebAuthn uses (shortest argument form, as authenticators write it). */
export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    if (n < 24) out.push((major << 5) | n);
    else if (n < 0x100) out.push((major << 5) | 24, n);
    else if (n < 0x10000) out.push((major << 5) | 25, n >> 8, n & 0xff);
    else out.push((major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  };
  const write = (v: Cbor) => {
    if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v);
    if (typeof v === 'string') {
      const bytes = new TextEncoder().encode(v);
      head(3, bytes.length);
      return out.push(...bytes);
    }
    if (v instanceof Uint8Array) {
      head(2, v.length);
      return out.push(...v);
    }
    if (v === false || v === true || v === null) return out.push(v === null ? 0xf6 : v ? 0xf5 : 0xf4);
    if (Array.isArray(v)) {
      head(4, v.length);
      return v.forEach(write);
    }
    head(5, v.size);
    for (const [k, item] of v) {
      write(k);
      write(item);
    }
  };
  write(value);
  return new Uint8Array(out);
}

const sha256 = async (bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const b64 = (text: string) => fromBase64url(text) as Uint8Array;

/** ECDSA's r||s as the DER SEQUENCE WebAuthn sends. */
function rawToDer(raw: Uint8Array): Uint8Array {
  const int = (half: Uint8Array) => {
    let i = 0;
    while (i < half.length - 1 && half[i] === 0) i++;
    const trimmed = half.subarray(i);
    const body = (trimmed[0] as number) & 0x80 ? concat(new Uint8Array([0]), trimmed) : trimmed;
    return concat(new Uint8Array([0x02, body.length]), body);
  };
  const seq = concat(int(raw.subarray(0, 32)), int(raw.subarray(32)));
  return concat(new Uint8Array([0x30, seq.length]), seq);
}

export const FLAGS = { up: 0x01, uv: 0x04, be: 0x08, bs: 0x10, at: 0x40 } as const;

interface Credential {
  id: Uint8Array;
  alg: -7 | -257;
  keys: CryptoKeyPair;
  userHandle: string;
  signCount: number;
}

/** What a test may change about one answer, to see it refused. */
export interface Tamper {
  origin?: string;
  rpId?: string;
  type?: string;
  challenge?: string;
  flags?: number;
  signCount?: number;
  /** Sign with this credential's key while naming another (a forged answer). */
  signWith?: string;
  userHandle?: string | null;
  crossOrigin?: boolean;
}

export interface RegistrationJson {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
}
export interface AuthenticationJson {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle: string | null };
}

export class SoftAuthenticator {
  readonly credentials = new Map<string, Credential>();
  /** Whether it keeps a signature counter (a security key) or always says 0 (most synced passkeys). */
  constructor(
    readonly origin = 'http://localhost',
    readonly opts: { counter?: boolean; alg?: -7 | -257; backedUp?: boolean } = {},
  ) {}

  private rpId(tamper: Tamper) {
    return tamper.rpId ?? new URL(this.origin).hostname;
  }

  private clientData(type: string, challenge: string, tamper: Tamper) {
    const data = {
      type: tamper.type ?? type,
      challenge: tamper.challenge ?? challenge,
      origin: tamper.origin ?? this.origin,
      crossOrigin: tamper.crossOrigin ?? false,
    };
    return new TextEncoder().encode(JSON.stringify(data));
  }

  private flags(tamper: Tamper, base: number) {
    return tamper.flags ?? base | (this.opts.backedUp ? FLAGS.be | FLAGS.bs : 0);
  }

  /** `navigator.credentials.create` on the options the API gave. */
  async register(options: { challenge: string; user: { id: string } }, tamper: Tamper = {}): Promise<RegistrationJson> {
    const alg = this.opts.alg ?? -7;
    const keys = (await crypto.subtle.generateKey(
      alg === -7
        ? { name: 'ECDSA', namedCurve: 'P-256' }
        : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
    const cose =
      alg === -7
        ? new Map<number, Cbor>([
            [1, 2],
            [3, -7],
            [-1, 1],
            [-2, b64(jwk.x as string)],
            [-3, b64(jwk.y as string)],
          ])
        : new Map<number, Cbor>([
            [1, 3],
            [3, -257],
            [-1, b64(jwk.n as string)],
            [-2, b64(jwk.e as string)],
          ]);
    const id = crypto.getRandomValues(new Uint8Array(32));
    const credential: Credential = { id, alg, keys, userHandle: options.user.id, signCount: 0 };
    this.credentials.set(toBase64url(id), credential);
    const count = tamper.signCount ?? (this.opts.counter ? ++credential.signCount : 0);
    const authData = concat(
      await sha256(new TextEncoder().encode(this.rpId(tamper))),
      new Uint8Array([this.flags(tamper, FLAGS.up | FLAGS.uv | FLAGS.at)]),
      new Uint8Array([(count >>> 24) & 0xff, (count >> 16) & 0xff, (count >> 8) & 0xff, count & 0xff]),
      new Uint8Array(16),
      new Uint8Array([id.length >> 8, id.length & 0xff]),
      id,
      encodeCbor(cose),
    );
    const attestationObject = encodeCbor(
      new Map<string, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: toBase64url(id),
      rawId: toBase64url(id),
      type: 'public-key',
      response: {
        clientDataJSON: toBase64url(this.clientData('webauthn.create', options.challenge, tamper)),
        attestationObject: toBase64url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /** `navigator.credentials.get` on the options the API gave, with the credential `id` (default: the only or newest one). */
  async signIn(options: { challenge: string }, id?: string, tamper: Tamper = {}): Promise<AuthenticationJson> {
    const name = id ?? [...this.credentials.keys()].at(-1);
    const credential = name ? this.credentials.get(name) : undefined;
    if (!name || !credential) throw new Error('this authenticator holds no such credential');
    const signer = tamper.signWith ? (this.credentials.get(tamper.signWith) ?? credential) : credential;
    if (this.opts.counter) credential.signCount += 1;
    const count = tamper.signCount ?? credential.signCount;
    const authData = concat(
      await sha256(new TextEncoder().encode(this.rpId(tamper))),
      new Uint8Array([this.flags(tamper, FLAGS.up | FLAGS.uv)]),
      new Uint8Array([(count >>> 24) & 0xff, (count >> 16) & 0xff, (count >> 8) & 0xff, count & 0xff]),
    );
    const clientData = this.clientData('webauthn.get', options.challenge, tamper);
    const signed = concat(authData, await sha256(clientData));
    const signature =
      signer.alg === -7
        ? rawToDer(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.keys.privateKey, signed)))
        : new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', signer.keys.privateKey, signed));
    return {
      id: name,
      rawId: name,
      type: 'public-key',
      response: {
        clientDataJSON: toBase64url(clientData),
        authenticatorData: toBase64url(authData),
        signature: toBase64url(signature),
        userHandle: tamper.userHandle === undefined ? credential.userHandle : tamper.userHandle,
      },
    };
  }
}
