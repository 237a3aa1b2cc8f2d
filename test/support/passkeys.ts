import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { send, type Guest } from './api.js';
import { SoftAuthenticator, type Tamper } from './soft-authenticator.js';

/** Adds a passkey made by `authenticator` to the guest's account through the API; its id and the credential's. */
export async function addPasskey(app: App, guest: Guest, authenticator: SoftAuthenticator, name?: string): Promise<{ id: string; credentialId: string }> {
  const options = await send(app, 'POST', '/api/me/passkeys/options', { headers: guest.headers });
  expect(options.status, options.text).toBe(200);
  const credential = await authenticator.register(options.json() as { challenge: string; user: { id: string } });
  const added = await send(app, 'POST', '/api/me/passkeys', { headers: guest.headers, body: { credential, ...(name && { name }) } });
  expect(added.status, added.text).toBe(201);
  return { id: (added.json() as { id: string }).id, credentialId: credential.id };
}

/** Signs in with the authenticator's passkey (the newest, unless named) through the API, as a client with no cookie. */
export async function passkeySignIn(app: App, authenticator: SoftAuthenticator, opts: { id?: string; tamper?: Tamper; headers?: Record<string, string> } = {}) {
  const options = await send(app, 'POST', '/api/auth/passkey/options', { headers: opts.headers ?? {} });
  expect(options.status, options.text).toBe(200);
  const credential = await authenticator.signIn(options.json() as { challenge: string }, opts.id, opts.tamper);
  return send(app, 'POST', '/api/auth/passkey', { headers: { 'content-type': 'application/json', ...opts.headers }, body: { credential } });
}

/** A guest with a passkey and a recovery code: the battery tests' owners keep their accounts both ways. */
export async function keepAccount(
  app: App,
  guest: Guest,
  origin = 'http://localhost',
): Promise<{ authenticator: SoftAuthenticator; passkeyId: string; credentialId: string; code: string }> {
  const authenticator = new SoftAuthenticator(origin);
  const { id, credentialId } = await addPasskey(app, guest, authenticator);
  const code = await send(app, 'POST', '/api/me/recovery-code', { headers: guest.headers });
  expect(code.status, code.text).toBe(201);
  return { authenticator, passkeyId: id, credentialId, code: (code.json() as { code: string }).code };
}
