import { z } from 'zod';
import { fromBase64url, toBase64url } from '../base64url.js';
import { CborError, decodeCbor, type CborValue } from './cbor.js';

/**
 * WebAuthn's checks for a passkey's registration and for a sign-in with it (W3C Web Authentication
 * Level 2, §7.1 and §7.2), on WebCrypto alone, so Node and the Worker run the same code:
 * ES256 (ECDSA on P-256) and RS256 (RSA PKCS#1 v1.5), the two algorithms every passkey provider
 * offers. The challenge is not compared here: the caller finds it in the database by the value in
 * the client data, and uses it up there, once.
 */

/** COSE algorithm ids offered to the browser, in order of preference: ES256, RS256. */
export const PASSKEY_ALGORITHMS = [-7, -257] as const;

/** A credential's public key as a JWK, the form WebCrypto imports. */
export type PasskeyPublicKey = { kty: 'EC'; crv: 'P-256'; x: string; y: string } | { kty: 'RSA'; n: string; e: string };

/** Why a passkey was refused: for the log and tests. The client is told only that it was. */
export class PasskeyRefused extends Error {}

/** Who the browser must have been talking to: our host name (the RP ID) and our origin. */
export interface RelyingParty {
  id: string;
  origin: string;
}

export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
  crossOrigin?: boolean | undefined;
  /** The JSON as the browser wrote it: a sign-in's signature covers its hash. */
  bytes: Uint8Array;
}

const ClientDataSchema = z.object({ type: z.string(), challenge: z.string(), origin: z.string(), crossOrigin: z.boolean().optional() });

/** The browser's record of the ceremony (`clientDataJSON`), refused unless it is JSON of the expected `type`. */
export function readClientData(clientDataJSON: string, type: 'webauthn.create' | 'webauthn.get'): ClientData {
  const bytes = fromBase64url(clientDataJSON);
  if (!bytes) throw new PasskeyRefused('clientDataJSON is not base64url');
  let parsed: z.infer<typeof ClientDataSchema>;
  try {
    parsed = ClientDataSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    throw new PasskeyRefused('clientDataJSON is not client data');
  }
  if (parsed.type !== type) throw new PasskeyRefused(`clientDataJSON is of type ${parsed.type}, not ${type}`);
  return { ...parsed, bytes };
}

export interface NewPasskey {
  credentialId: string;
  publicKey: PasskeyPublicKey;
  signCount: number;
  /** The authenticator's backup state (BS): a passkey synced to the person's other devices. */
  backedUp: boolean;
}

/**
 * A new credential (`navigator.credentials.create`): made for our origin and RP ID, with the user
 * present, and with a public key of an algorithm we offered. We ask for no attestation: browsers
 * then send the format "none", and a statement in another format would only vouch for the
 * authenticator's make, which we decide nothing on, so it is not read.
 */
export async function verifyRegistration(
  rp: RelyingParty,
  clientData: ClientData,
  credential: { rawId: string; attestationObject: string },
): Promise<NewPasskey> {
  checkOrigin(rp, clientData);
  const bytes = fromBase64url(credential.attestationObject);
  if (!bytes) throw new PasskeyRefused('attestationObject is not base64url');
  const { value, end } = cbor(bytes, 0);
  if (end !== bytes.length || !(value instanceof Map)) throw new PasskeyRefused('attestationObject is not one CBOR map');
  const authData = value.get('authData');
  if (typeof value.get('fmt') !== 'string' || !(value.get('attStmt') instanceof Map) || !(authData instanceof Uint8Array)) {
    throw new PasskeyRefused('attestationObject lacks fmt, attStmt or authData');
  }
  const auth = readAuthenticatorData(authData);
  await checkRelyingParty(rp, auth);
  if (!auth.credential) throw new PasskeyRefused('no attested credential data');
  const credentialId = toBase64url(auth.credential.id);
  if (credentialId !== credential.rawId) throw new PasskeyRefused('the credential id differs from rawId');
  try {
    await importKey(auth.credential.publicKey);
  } catch {
    throw new PasskeyRefused('the public key does not import');
  }
  return { credentialId, publicKey: auth.credential.publicKey, signCount: auth.signCount, backedUp: auth.backedUp };
}

/**
 * A sign-in (`navigator.credentials.get`) with a stored passkey: for our origin and RP ID, the
 * user present, signed by the passkey's key over the authenticator data and the client data's
 * hash. A signature counter that did not move forward (where the authenticator keeps one) means a
 * copy of the key is in use somewhere: refused.
 */
export async function verifyAssertion(
  rp: RelyingParty,
  clientData: ClientData,
  response: { authenticatorData: string; signature: string },
  passkey: { publicKey: PasskeyPublicKey; signCount: number },
): Promise<{ signCount: number; backedUp: boolean }> {
  checkOrigin(rp, clientData);
  const authData = fromBase64url(response.authenticatorData);
  const signature = fromBase64url(response.signature);
  if (!authData || !signature) throw new PasskeyRefused('authenticatorData or signature is not base64url');
  const auth = readAuthenticatorData(authData);
  await checkRelyingParty(rp, auth);
  const clientDataHash = new Uint8Array(await crypto.subtle.digest('SHA-256', clientData.bytes));
  const signed = new Uint8Array(authData.length + clientDataHash.length);
  signed.set(authData);
  signed.set(clientDataHash, authData.length);
  if (!(await verifySignature(passkey.publicKey, signature, signed))) throw new PasskeyRefused('the signature does not verify');
  if ((auth.signCount > 0 || passkey.signCount > 0) && auth.signCount <= passkey.signCount) {
    throw new PasskeyRefused('the signature counter did not increase');
  }
  return { signCount: auth.signCount, backedUp: auth.backedUp };
}

function checkOrigin(rp: RelyingParty, clientData: ClientData): void {
  if (clientData.origin !== rp.origin) throw new PasskeyRefused(`made for ${clientData.origin}, not ${rp.origin}`);
  if (clientData.crossOrigin === true) throw new PasskeyRefused('made inside a frame of another site');
}

interface AuthenticatorData {
  rpIdHash: Uint8Array;
  userPresent: boolean;
  backedUp: boolean;
  signCount: number;
  credential?: { id: Uint8Array; publicKey: PasskeyPublicKey };
}

const FLAG = { userPresent: 0x01, backedUp: 0x10, attested: 0x40, extensions: 0x80 } as const;
const MAX_CREDENTIAL_ID_BYTES = 1023;

/** rpIdHash (32), flags (1), signCount (4), then the attested credential and extensions when the flags say so; nothing after. */
function readAuthenticatorData(bytes: Uint8Array): AuthenticatorData {
  if (bytes.length < 37) throw new PasskeyRefused('authenticator data too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flags = bytes[32] as number;
  const data: AuthenticatorData = {
    rpIdHash: bytes.subarray(0, 32),
    userPresent: (flags & FLAG.userPresent) !== 0,
    backedUp: (flags & FLAG.backedUp) !== 0,
    signCount: view.getUint32(33),
  };
  let at = 37;
  if (flags & FLAG.attested) {
    // aaguid (16), credential id length (2), credential id, COSE key.
    if (bytes.length < at + 18) throw new PasskeyRefused('attested credential data truncated');
    const idLength = view.getUint16(at + 16);
    at += 18;
    if (idLength > MAX_CREDENTIAL_ID_BYTES || bytes.length < at + idLength) throw new PasskeyRefused('credential id too long or truncated');
    const id = bytes.slice(at, at + idLength);
    const key = cbor(bytes, at + idLength);
    data.credential = { id, publicKey: coseKey(key.value) };
    at = key.end;
  }
  if (flags & FLAG.extensions) at = cbor(bytes, at).end;
  if (at !== bytes.length) throw new PasskeyRefused('bytes after the authenticator data');
  return data;
}

async function checkRelyingParty(rp: RelyingParty, auth: AuthenticatorData): Promise<void> {
  const expected = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(rp.id)));
  if (!equalBytes(auth.rpIdHash, expected)) throw new PasskeyRefused(`not made for the RP ID ${rp.id}`);
  if (!auth.userPresent) throw new PasskeyRefused('the user was not present');
}

function cbor(bytes: Uint8Array, start: number): { value: CborValue; end: number } {
  try {
    return decodeCbor(bytes, start);
  } catch (err) {
    if (err instanceof CborError) throw new PasskeyRefused(`malformed CBOR: ${err.message}`);
    throw err;
  }
}

// COSE key parameters (RFC 9052, 9053, 8230): kty 1, alg 3; EC2 crv -1, x -2, y -3; RSA n -1, e -2.
function coseKey(value: CborValue): PasskeyPublicKey {
  if (!(value instanceof Map)) throw new PasskeyRefused('the public key is not a COSE map');
  const bytesAt = (label: number) => {
    const v = value.get(label);
    return v instanceof Uint8Array ? v : undefined;
  };
  const kty = value.get(1);
  const alg = value.get(3);
  if (kty === 2 && alg === -7 && value.get(-1) === 1) {
    const x = bytesAt(-2);
    const y = bytesAt(-3);
    if (x?.length !== 32 || y?.length !== 32) throw new PasskeyRefused('a P-256 key needs 32-byte x and y');
    return { kty: 'EC', crv: 'P-256', x: toBase64url(x), y: toBase64url(y) };
  }
  if (kty === 3 && alg === -257) {
    const n = bytesAt(-1);
    const e = bytesAt(-2);
    // Shorter RSA keys are factorable: 2048 bits is the least anyone should still accept.
    if (!n || !e || n.length < 256 || n.length > 1024 || e.length > 8) throw new PasskeyRefused('an RSA key needs a 2048- to 8192-bit modulus');
    return { kty: 'RSA', n: toBase64url(n), e: toBase64url(e) };
  }
  throw new PasskeyRefused(`unsupported key (kty ${String(kty)}, alg ${String(alg)})`);
}

function importKey(key: PasskeyPublicKey) {
  return key.kty === 'EC'
    ? crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: key.x, y: key.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])
    : crypto.subtle.importKey('jwk', { kty: 'RSA', n: key.n, e: key.e }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
}

async function verifySignature(key: PasskeyPublicKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  let imported: Awaited<ReturnType<typeof importKey>>;
  try {
    imported = await importKey(key);
  } catch {
    return false;
  }
  if (key.kty === 'RSA') return crypto.subtle.verify('RSASSA-PKCS1-v1_5', imported, signature, data);
  const raw = derToRaw(signature);
  return raw ? crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, imported, raw, data) : false;
}

/**
 * WebAuthn sends an ECDSA signature DER-encoded, SEQUENCE { INTEGER r, INTEGER s }; WebCrypto
 * takes r and s as two 32-byte halves. Each integer may carry a leading zero (to stay positive)
 * or be shorter than 32 bytes; anything else is not a P-256 signature.
 */
function derToRaw(sig: Uint8Array): Uint8Array | undefined {
  if (sig[0] !== 0x30 || sig[1] !== sig.length - 2) return undefined;
  const raw = new Uint8Array(64);
  let at = 2;
  for (const offset of [0, 32]) {
    const length = sig[at + 1];
    if (sig[at] !== 0x02 || length === undefined || length < 1 || length > 33 || at + 2 + length > sig.length) return undefined;
    let int = sig.subarray(at + 2, at + 2 + length);
    while (int.length > 32 && int[0] === 0) int = int.subarray(1);
    if (int.length > 32) return undefined;
    raw.set(int, offset + 32 - int.length);
    at += 2 + length;
  }
  return at === sig.length ? raw : undefined;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
