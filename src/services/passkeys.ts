import { toBase64url } from '../auth/base64url.js';
import { generateRecoveryCode, normaliseRecoveryCode } from '../auth/recovery-code.js';
import { generateToken, hashToken, isWellFormedToken } from '../auth/tokens.js';
import { PASSKEY_ALGORITHMS, PasskeyRefused, readClientData, verifyAssertion, verifyRegistration, type RelyingParty } from '../auth/webauthn/verify.js';
import {
  countPasskeys,
  deletePasskey,
  findPasskeyByCredential,
  insertPasskey,
  listPasskeys as listPasskeyRows,
  recordPasskeySignIn,
  recoveryCodeOf,
  redeemRecoveryCode,
  saveChallenge,
  setRecoveryCode,
  takeChallenge,
  type NewToken,
  type PasskeyListing,
} from '../db/queries/passkeys.js';
import { revokeTokenByHash, type User } from '../db/queries/users.js';
import type { Deps } from '../deps.js';
import { NotFoundError, RuleViolationError, UnauthorizedError, ValidationError } from '../errors.js';
import { toPage, type Page, type PageQuery } from './page.js';
import { limitSignIn } from './rate-limits.js';

export type { RelyingParty } from '../auth/webauthn/verify.js';
export type { PasskeyListing } from '../db/queries/passkeys.js';

/**
 * "Keep your account": a guest is a token in a cookie, and a cookie can be lost. A passkey, or
 * failing that a one-time recovery code, signs the person in to the same account again, on this
 * device or another. Neither needs an email or a password.
 */

/** How long a browser has to answer a challenge: the ceremony's own timeout, with the person choosing a passkey in between. */
const CHALLENGE_TTL_MS = 5 * 60_000;
/** Passkeys one account holds: plenty for every device a person has, and a bound on what one guest can store. */
export const MAX_PASSKEYS = 20;

/** The transports WebAuthn names; a client's other words are not kept. */
const TRANSPORTS = new Set(['ble', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

type DbDeps = Pick<Deps, 'db' | 'now'>;
type SignInDeps = Pick<Deps, 'db' | 'now' | 'newId' | 'config' | 'log'>;

/** A passkey as the person's authenticator hands it back (WebAuthn's JSON, binary fields in base64url). */
export interface RegistrationCredential {
  id: string;
  rawId: string;
  response: { clientDataJSON: string; attestationObject: string; transports?: string[] | undefined };
}
export interface AuthenticationCredential {
  id: string;
  rawId: string;
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string | null | undefined };
}

/** A sign-in's outcome: like a new guest's, a token (shown once) for the user. */
export interface SignedIn {
  token: string;
  user: User;
  expiresAt: Date;
}

/** The WebAuthn user handle of an account: its id's bytes. Ids are random and name no one. */
const userHandle = (userId: string) => toBase64url(new TextEncoder().encode(userId));
const day = (d: Date) => d.toISOString().slice(0, 10);

async function newChallenge(deps: DbDeps, purpose: 'register' | 'sign-in', userId: string | null): Promise<string> {
  const challenge = toBase64url(crypto.getRandomValues(new Uint8Array(32)));
  const now = deps.now();
  await saveChallenge(deps.db, { challenge, purpose, userId, now, expiresAt: now + CHALLENGE_TTL_MS });
  return challenge;
}

/**
 * What `navigator.credentials.create` needs to make a passkey for this guest: a discoverable
 * credential (so signing in needs no user name), ES256 or RS256, no attestation, and the guest's
 * passkeys already made, so an authenticator holding one is not asked for another.
 */
export async function registrationOptions(deps: DbDeps, user: User, rp: RelyingParty) {
  const held = await listPasskeyRows(deps.db, user.id, { limit: MAX_PASSKEYS });
  if (held.length >= MAX_PASSKEYS) throw limitReached();
  const label = `Loop Coach guest ${user.id.slice(-4)} (since ${day(user.createdAt)})`;
  return {
    challenge: await newChallenge(deps, 'register', user.id),
    rp: { id: rp.id, name: 'Loop Coach' },
    user: { id: userHandle(user.id), name: label, displayName: label },
    pubKeyCredParams: PASSKEY_ALGORITHMS.map((alg) => ({ type: 'public-key' as const, alg })),
    timeout: CHALLENGE_TTL_MS,
    attestation: 'none' as const,
    authenticatorSelection: { residentKey: 'required' as const, requireResidentKey: true, userVerification: 'preferred' as const },
    excludeCredentials: held.map((p) => ({ type: 'public-key' as const, id: p.credentialId, transports: p.transports })),
  };
}

/** Verifies a new passkey against the guest's own challenge and keeps it. 400 when it does not verify, 422 over the cap or when already added. */
export async function addPasskey(
  deps: Pick<Deps, 'db' | 'now' | 'newId' | 'log'>,
  userId: string,
  rp: RelyingParty,
  input: { name?: string | undefined; credential: RegistrationCredential },
): Promise<PasskeyListing> {
  const { credential } = input;
  const now = deps.now();
  let verified;
  try {
    const clientData = readClientData(credential.response.clientDataJSON, 'webauthn.create');
    if (!(await takeChallenge(deps.db, { challenge: clientData.challenge, purpose: 'register', userId, now }))) {
      throw new PasskeyRefused('the challenge is unknown, used or expired');
    }
    verified = await verifyRegistration(rp, clientData, { rawId: credential.rawId, attestationObject: credential.response.attestationObject });
  } catch (err) {
    if (!(err instanceof PasskeyRefused)) throw err;
    deps.log({ level: 'info', msg: 'passkey registration refused', reason: err.message });
    throw new ValidationError('The passkey could not be added: it did not come from this site, or the request for it expired. Try adding it again.');
  }
  if ((await countPasskeys(deps.db, userId)) >= MAX_PASSKEYS) throw limitReached();
  const row = {
    id: deps.newId('pky'),
    userId,
    credentialId: verified.credentialId,
    publicKey: verified.publicKey,
    signCount: verified.signCount,
    transports: [...new Set(credential.response.transports ?? [])].filter((t) => TRANSPORTS.has(t)),
    backedUp: verified.backedUp,
    name: input.name || `Passkey added ${day(new Date(now))}`,
    createdAt: new Date(now),
    lastUsedAt: null,
  };
  if (!(await insertPasskey(deps.db, row))) {
    throw new RuleViolationError('passkey_exists', 'This passkey is already added to a Loop Coach account.');
  }
  const { publicKey: _publicKey, ...listing } = row;
  return listing;
}

function limitReached() {
  return new RuleViolationError('passkey_limit', `An account holds at most ${MAX_PASSKEYS} passkeys: remove one you no longer use first.`);
}

/** The guest's passkeys, oldest first, a page at a time like every list (an account never holds more than MAX_PASSKEYS). */
export async function listPasskeys(deps: DbDeps, userId: string, query: PageQuery): Promise<Page<PasskeyListing>> {
  return toPage(await listPasskeyRows(deps.db, userId, query), query.limit);
}

export async function removePasskey(deps: DbDeps, userId: string, id: string): Promise<void> {
  if (!(await deletePasskey(deps.db, userId, id))) throw new NotFoundError('No such passkey.');
}

/** What `navigator.credentials.get` needs: a challenge, and no list of credentials (the authenticator offers the ones it holds for us). */
export async function signInOptions(deps: Pick<Deps, 'db' | 'now' | 'config'>, rp: RelyingParty, address: string | undefined) {
  await limitSignIn(deps, address);
  return { challenge: await newChallenge(deps, 'sign-in', null), rpId: rp.id, timeout: CHALLENGE_TTL_MS, userVerification: 'preferred' as const };
}

const REFUSED_PASSKEY = 'That passkey did not sign you in: it is not one of an account here, or the sign-in expired. Try again.';

/**
 * Signs in with a passkey: the challenge (one of ours, unused, unexpired) is used up first, so a
 * refused answer cannot be tried again; then the passkey it names, the user handle, the origin,
 * the RP ID and the signature are checked. 401 for all of them alike.
 */
export async function signInWithPasskey(deps: SignInDeps, rp: RelyingParty, address: string | undefined, credential: AuthenticationCredential) {
  await limitSignIn(deps, address);
  const now = deps.now();
  try {
    const clientData = readClientData(credential.response.clientDataJSON, 'webauthn.get');
    if (!(await takeChallenge(deps.db, { challenge: clientData.challenge, purpose: 'sign-in', userId: null, now }))) {
      throw new PasskeyRefused('the challenge is unknown, used or expired');
    }
    const passkey = credential.id === credential.rawId ? await findPasskeyByCredential(deps.db, credential.rawId) : undefined;
    if (!passkey) throw new PasskeyRefused('no such passkey');
    const handle = credential.response.userHandle;
    if (handle && handle !== userHandle(passkey.userId)) throw new PasskeyRefused('the user handle is not the passkey owner');
    const checked = await verifyAssertion(rp, clientData, credential.response, passkey);
    const token = await newToken(deps);
    const user = await recordPasskeySignIn(deps.db, { passkey, ...checked, token: token.row });
    if (!user) throw new PasskeyRefused('the account is gone');
    return { token: token.value, user, expiresAt: new Date(token.row.expiresAt) } satisfies SignedIn;
  } catch (err) {
    if (!(err instanceof PasskeyRefused)) throw err;
    deps.log({ level: 'info', msg: 'passkey sign-in refused', reason: err.message });
    throw new UnauthorizedError(REFUSED_PASSKEY);
  }
}

async function newToken(deps: Pick<Deps, 'now' | 'newId' | 'config'>): Promise<{ value: string; row: NewToken }> {
  const value = generateToken();
  const now = deps.now();
  return { value, row: { id: deps.newId('tok'), tokenHash: await hashToken(value), now, expiresAt: now + deps.config.tokenTtlMs } };
}

/** A new recovery code for the guest, shown this once; an earlier one stops working. */
export async function createRecoveryCode(deps: DbDeps, userId: string): Promise<{ code: string; createdAt: Date }> {
  const code = generateRecoveryCode();
  const now = deps.now();
  await setRecoveryCode(deps.db, userId, await hashToken(normaliseRecoveryCode(code) as string), now);
  return { code, createdAt: new Date(now) };
}

/** Whether the guest has a recovery code, and since when (never the code: only its hash is kept). */
export async function recoveryCodeStatus(deps: DbDeps, userId: string): Promise<{ createdAt: Date } | null> {
  return (await recoveryCodeOf(deps.db, userId)) ?? null;
}

/** Signs in with a recovery code, which is used up by it. 401 for a code that is not one, or not live. */
export async function signInWithRecoveryCode(deps: SignInDeps, address: string | undefined, typed: string): Promise<SignedIn> {
  await limitSignIn(deps, address);
  const code = normaliseRecoveryCode(typed);
  const refused = new UnauthorizedError('That recovery code did not sign you in: check it, or use a passkey. A code works once.');
  if (!code) throw refused;
  const token = await newToken(deps);
  const user = await redeemRecoveryCode(deps.db, await hashToken(code), token.row);
  if (!user) throw refused;
  return { token: token.value, user, expiresAt: new Date(token.row.expiresAt) };
}

/**
 * A browser that signs in to an account gives up the token its cookie held (usually the empty
 * guest its visit just made): no one else has that token, so revoking it lets that guest, if it
 * kept no way in of its own, be purged like any expired one.
 */
export async function giveUpToken(deps: DbDeps, token: string): Promise<void> {
  if (isWellFormedToken(token)) await revokeTokenByHash(deps.db, await hashToken(token), deps.now());
}
