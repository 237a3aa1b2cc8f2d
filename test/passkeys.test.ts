/**
 * Issue 19, item 8, "Keep your account": a guest adds a passkey (WebAuthn) or makes a one-time
 * recovery code, and signs in to the same account again once the cookie is gone. Through the app,
 * with a software authenticator (test/support/soft-authenticator.ts) answering as a browser would,
 * and as a forged or replayed answer would.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { fromBase64url } from '../src/auth/base64url.js';
import { decodeCbor } from '../src/auth/webauthn/cbor.js';
import { parseConfig } from '../src/config.js';
import type { Db } from '../src/db/client.js';
import { MAX_PASSKEYS } from '../src/services/passkeys.js';
import { expectErrorShape, newGuest, offlineEngine, send, type Guest } from './support/api.js';
import { rowsMentioning } from './support/db-rows.js';
import { addPasskey, keepAccount, passkeySignIn } from './support/passkeys.js';
import { FLAGS, SoftAuthenticator } from './support/soft-authenticator.js';
import { createTestDb, testDeps, type TestDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

function appWith(env: Record<string, string> = {}, extra: Partial<TestDeps> = {}): { app: App; deps: TestDeps } {
  const deps = { ...testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0', ...env }, engine: offlineEngine() }), ...extra };
  return { app: createApp(deps), deps };
}

const meOf = async (app: App, token: string) => send(app, 'GET', '/api/me', { headers: { authorization: `Bearer ${token}` } });
const tokenCount = async () => Number((await db.all<{ n: number }>(sql`select count(*) as n from auth_tokens`))[0]?.n);

describe('passkeys', () => {
  for (const alg of [-7, -257] as const) {
    it(`adds a passkey (${alg === -7 ? 'ES256' : 'RS256'}) and signs in to the same account with it, with no cookie or token`, async () => {
      const { app } = appWith();
      const guest = await newGuest(app);
      const authenticator = new SoftAuthenticator('http://localhost', { alg, counter: alg === -257, backedUp: true });
      const { id } = await addPasskey(app, guest, authenticator, 'Work laptop');

      const listed = (await send(app, 'GET', '/api/me/passkeys', { headers: guest.headers })).json() as { items: Array<Record<string, unknown>> };
      expect(listed.items).toEqual([{ id, name: 'Work laptop', createdAt: expect.any(String), lastUsedAt: null, backedUp: true }]);

      const signedIn = await passkeySignIn(app, authenticator);
      expect(signedIn.status, signedIn.text).toBe(200);
      const body = signedIn.json() as { token: string; user: { id: string }; expiresAt: string };
      expect(body.user.id).toBe(guest.userId);
      expect(body.token).not.toBe(guest.token);
      expect(((await meOf(app, body.token)).json() as { user: { id: string } }).user.id).toBe(guest.userId);
      // A client that is not a browser page gets the token in the body only.
      expect(signedIn.headers.get('set-cookie')).toBeNull();
      const after = (await send(app, 'GET', '/api/me/passkeys', { headers: guest.headers })).json() as { items: Array<{ lastUsedAt: string | null }> };
      expect(after.items[0]?.lastUsedAt).not.toBeNull();
      // Counted authenticators keep counting: the next sign-in still works.
      expect((await passkeySignIn(app, authenticator)).status).toBe(200);
    });
  }

  it('describes the ceremony: a discoverable credential, ES256 then RS256, no attestation, this host as RP ID, the guest’s own passkeys excluded', async () => {
    const { app } = appWith();
    const guest = await newGuest(app);
    const { credentialId } = await addPasskey(app, guest, new SoftAuthenticator());
    const options = (await send(app, 'POST', '/api/me/passkeys/options', { headers: guest.headers })).json() as Record<string, unknown>;
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: 'Loop Coach' },
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      attestation: 'none',
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true },
      excludeCredentials: [{ type: 'public-key', id: credentialId, transports: ['internal'] }],
    });
    expect(new TextDecoder().decode(fromBase64url((options.user as { id: string }).id))).toBe(guest.userId);
    const signIn = (await send(app, 'POST', '/api/auth/passkey/options')).json() as Record<string, unknown>;
    expect(signIn).toEqual({ challenge: expect.stringMatching(/^[\w-]{43}$/), rpId: 'localhost', timeout: 300_000, userVerification: 'preferred' });
  });

  it('answers 401, issuing no token, to every forged, replayed, stale or misdirected sign-in', async () => {
    const { app, deps } = appWith();
    const guest = await newGuest(app);
    const authenticator = new SoftAuthenticator('http://localhost', { counter: true });
    const { credentialId } = await addPasskey(app, guest, authenticator);
    const other = new SoftAuthenticator();
    const { credentialId: otherCredential } = await addPasskey(app, await newGuest(app), other);
    // Bob's key signs an answer naming Alice's passkey.
    authenticator.credentials.set(otherCredential, other.credentials.get(otherCredential) as never);

    // Each case with the reason the log gives for refusing it: refused for that reason, not another.
    const cases: Array<[string, RegExp, () => Promise<{ status: number; text: string; json: () => unknown }>]> = [
      ['another origin', /made for https:\/\/evil/, () => passkeySignIn(app, authenticator, { id: credentialId, tamper: { origin: 'https://evil.example' } })],
      ['another RP ID', /RP ID/, () => passkeySignIn(app, authenticator, { id: credentialId, tamper: { rpId: 'evil.example' } })],
      ['a registration answer', /type webauthn.create/, () => passkeySignIn(app, authenticator, { id: credentialId, tamper: { type: 'webauthn.create' } })],
      ['a challenge never handed out', /challenge/, () => passkeySignIn(app, authenticator, { id: credentialId, tamper: { challenge: 'A'.repeat(43) } })],
      ['no user presence', /not present/, () => passkeySignIn(app, authenticator, { id: credentialId, tamper: { flags: FLAGS.uv } })],
      ['inside another site’s frame', /frame/, () => passkeySignIn(app, authenticator, { id: credentialId, tamper: { crossOrigin: true } })],
      [
        'another key’s signature',
        /signature does not verify/,
        () => passkeySignIn(app, authenticator, { id: credentialId, tamper: { signWith: otherCredential } }),
      ],
      ['a user handle not the owner’s', /user handle/, () => passkeySignIn(app, authenticator, { id: credentialId, tamper: { userHandle: 'dXNyX25vYm9keQ' } })],
      ['a counter that went back', /counter/, () => passkeySignIn(app, authenticator, { id: credentialId, tamper: { signCount: 1 } })],
      [
        'an unknown passkey',
        /no such passkey/,
        async () => {
          const stranger = new SoftAuthenticator();
          await stranger.register({ challenge: 'x', user: { id: 'eA' } });
          return passkeySignIn(app, stranger);
        },
      ],
      [
        'a replayed answer',
        /challenge/,
        async () => {
          const options = (await send(app, 'POST', '/api/auth/passkey/options')).json() as { challenge: string };
          const credential = await authenticator.signIn(options, credentialId);
          const first = await send(app, 'POST', '/api/auth/passkey', { body: { credential }, headers: { 'content-type': 'application/json' } });
          expect(first.status, first.text).toBe(200);
          return send(app, 'POST', '/api/auth/passkey', { body: { credential }, headers: { 'content-type': 'application/json' } });
        },
      ],
      [
        'an expired challenge',
        /challenge/,
        async () => {
          const options = (await send(app, 'POST', '/api/auth/passkey/options')).json() as { challenge: string };
          deps.advance(5 * 60_000 + 1);
          const credential = await authenticator.signIn(options, credentialId);
          return send(app, 'POST', '/api/auth/passkey', { body: { credential }, headers: { 'content-type': 'application/json' } });
        },
      ],
    ];
    for (const [name, reason, attempt] of cases) {
      const before = await tokenCount();
      const logged = deps.logs.length;
      const res = await attempt();
      const refusals = deps.logs.slice(logged).filter((l) => l.msg === 'passkey sign-in refused');
      expect(
        refusals.map((l) => String(l.reason)),
        name,
      ).toEqual([expect.stringMatching(reason)]);
      expect(res.status, `${name}: ${res.text}`).toBe(401);
      expectErrorShape(res.json());
      expect((res.json() as { error: { code: string } }).error.code).toBe('unauthorized');
      // The replay's first, honest answer made one token; no refused answer made any.
      expect(await tokenCount(), name).toBe(before + (name === 'a replayed answer' ? 1 : 0));
    }
    // A refused answer used its challenge up: the same answer cannot be tried again.
    const options = (await send(app, 'POST', '/api/auth/passkey/options')).json() as { challenge: string };
    const wrong = await authenticator.signIn(options, credentialId, { origin: 'https://evil.example' });
    expect((await send(app, 'POST', '/api/auth/passkey', { body: { credential: wrong }, headers: { 'content-type': 'application/json' } })).status).toBe(401);
    const honest = await authenticator.signIn(options, credentialId);
    expect((await send(app, 'POST', '/api/auth/passkey', { body: { credential: honest }, headers: { 'content-type': 'application/json' } })).status).toBe(401);
  });

  it('refuses a registration on another guest’s challenge, another origin or RP ID or a used challenge (400), and past the cap (422)', async () => {
    const { app } = appWith();
    const alice = await newGuest(app);
    const bob = await newGuest(app);
    const authenticator = new SoftAuthenticator();
    const register = (guest: Guest, credential: unknown) => send(app, 'POST', '/api/me/passkeys', { headers: guest.headers, body: { credential } });
    const optionsFor = async (guest: Guest) =>
      (await send(app, 'POST', '/api/me/passkeys/options', { headers: guest.headers })).json() as { challenge: string; user: { id: string } };

    const alices = await optionsFor(alice);
    const stolen = await register(bob, await authenticator.register(alices));
    expect(stolen.status).toBe(400);
    expectErrorShape(stolen.json());
    // Bob's attempt did not use up Alice's challenge.
    const mine = await authenticator.register(alices);
    expect((await register(alice, mine)).status).toBe(201);
    expect((await register(alice, mine)).status).toBe(400);
    expect((await register(alice, await authenticator.register(await optionsFor(alice), { origin: 'http://localhost:9999' }))).status).toBe(400);
    expect((await register(alice, await authenticator.register(await optionsFor(alice), { rpId: 'example.com' }))).status).toBe(400);

    const crowded = await newGuest(app);
    for (let i = 0; i < MAX_PASSKEYS; i++) await addPasskey(app, crowded, new SoftAuthenticator());
    const over = await send(app, 'POST', '/api/me/passkeys/options', { headers: crowded.headers });
    expect(over.status).toBe(422);
    expect(over.json()).toMatchObject({ error: { code: 'passkey_limit' } });
    // Listed a page at a time, like every list.
    const first = (await send(app, 'GET', '/api/me/passkeys?limit=15', { headers: crowded.headers })).json() as { items: unknown[]; nextCursor: string };
    expect(first.items).toHaveLength(15);
    const rest = (await send(app, 'GET', `/api/me/passkeys?limit=15&cursor=${first.nextCursor}`, { headers: crowded.headers })).json() as {
      items: unknown[];
      nextCursor: string | null;
    };
    expect(rest).toMatchObject({ nextCursor: null });
    expect(rest.items).toHaveLength(MAX_PASSKEYS - 15);
  });

  it('keeps a credential to one account: the same one again is 422 passkey_exists', async () => {
    const { app } = appWith();
    const alice = await newGuest(app);
    const authenticator = new SoftAuthenticator();
    const options = (await send(app, 'POST', '/api/me/passkeys/options', { headers: alice.headers })).json() as { challenge: string; user: { id: string } };
    const first = await authenticator.register(options);
    expect((await send(app, 'POST', '/api/me/passkeys', { headers: alice.headers, body: { credential: first } })).status).toBe(201);
    // The same attestation on a fresh challenge: the authenticator answers again with the credential it made.
    const next = (await send(app, 'POST', '/api/me/passkeys/options', { headers: alice.headers })).json() as { challenge: string };
    const clientData = JSON.parse(new TextDecoder().decode(fromBase64url(first.response.clientDataJSON))) as Record<string, unknown>;
    const replay = {
      ...first,
      response: {
        ...first.response,
        clientDataJSON: Buffer.from(JSON.stringify({ ...clientData, challenge: next.challenge })).toString('base64url'),
      },
    };
    const res = await send(app, 'POST', '/api/me/passkeys', { headers: alice.headers, body: { credential: replay } });
    expect(res.status, res.text).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'passkey_exists' } });
  });

  it('names a passkey as written (no bidi controls), removes it (it no longer signs in); another guest’s passkey id is 404 like one that never was', async () => {
    const { app } = appWith();
    const alice = await newGuest(app);
    const bob = await newGuest(app);
    const authenticator = new SoftAuthenticator();
    const { id } = await addPasskey(app, alice, authenticator, ' \u2067Phone\u2069 ');
    // The name is what the person wrote, trimmed and without bidi controls, like every text they write.
    expect(((await send(app, 'GET', '/api/me/passkeys', { headers: alice.headers })).json() as { items: Array<{ name: string }> }).items[0]?.name).toBe(
      'Phone',
    );
    const foreign = await send(app, 'DELETE', `/api/me/passkeys/${id}`, { headers: bob.headers });
    const never = await send(app, 'DELETE', '/api/me/passkeys/pky_000000000000000000000', { headers: bob.headers });
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(never.text);
    expect((await passkeySignIn(app, authenticator)).status).toBe(200);
    expect((await send(app, 'DELETE', `/api/me/passkeys/${id}`, { headers: alice.headers })).status).toBe(204);
    expect((await passkeySignIn(app, authenticator)).status).toBe(401);
  });

  it('takes the RP ID and origin from LOOP_COACH_PUBLIC_ORIGIN when set, and from the request (https by the trusted proxy’s word) when not', async () => {
    expect(parseConfig({ LOOP_COACH_PUBLIC_ORIGIN: 'https://Coach.Example.com/' }).publicOrigin).toBe('https://coach.example.com');
    for (const bad of ['https://coach.example.com/app', 'https://coach.example.com/?a=1', 'ftp://coach.example.com', 'coach.example.com']) {
      expect(() => parseConfig({ LOOP_COACH_PUBLIC_ORIGIN: bad }), bad).toThrow(/LOOP_COACH_PUBLIC_ORIGIN/);
    }
    const configured = appWith({ LOOP_COACH_PUBLIC_ORIGIN: 'https://coach.example.com' }).app;
    const guest = await newGuest(configured);
    const options = (await send(configured, 'POST', '/api/me/passkeys/options', { headers: guest.headers })).json() as {
      rp: { id: string };
      challenge: string;
      user: { id: string };
    };
    expect(options.rp.id).toBe('coach.example.com');
    const local = new SoftAuthenticator('http://localhost');
    expect((await send(configured, 'POST', '/api/me/passkeys', { headers: guest.headers, body: { credential: await local.register(options) } })).status).toBe(
      400,
    );
    const site = new SoftAuthenticator('https://coach.example.com');
    await addPasskey(configured, guest, site);
    expect((await passkeySignIn(configured, site)).status).toBe(200);

    const proxied = appWith({}, { requestIsHttps: () => true }).app;
    const behindProxy = new SoftAuthenticator('https://localhost');
    await addPasskey(proxied, await newGuest(proxied), behindProxy);
    expect((await passkeySignIn(proxied, behindProxy)).status).toBe(200);
  });
});

describe('recovery codes', () => {
  it('shows a code once, stores only its hash, signs in once with it however it is typed, and a new code replaces the old', async () => {
    const { app } = appWith();
    const guest = await newGuest(app);
    expect((await send(app, 'GET', '/api/me/recovery-code', { headers: guest.headers })).json()).toEqual({ recoveryCode: null });
    const made = await send(app, 'POST', '/api/me/recovery-code', { headers: guest.headers });
    expect(made.status).toBe(201);
    const { code } = made.json() as { code: string };
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect((await send(app, 'GET', '/api/me/recovery-code', { headers: guest.headers })).json()).toEqual({ recoveryCode: { createdAt: expect.any(String) } });
    const stored = JSON.stringify(await db.all(sql`select * from recovery_codes where user_id = ${guest.userId}`));
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replaceAll('-', ''));

    const replaced = (await send(app, 'POST', '/api/me/recovery-code', { headers: guest.headers })).json() as { code: string };
    const redeem = (typed: string) => send(app, 'POST', '/api/auth/recovery-code', { headers: { 'content-type': 'application/json' }, body: { code: typed } });
    expect((await redeem(code)).status).toBe(401);
    const typed = ` ${replaced.code.toLowerCase().replaceAll('-', ' ')} `;
    const signedIn = await redeem(typed);
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(((await meOf(app, (signedIn.json() as { token: string }).token)).json() as { user: { id: string } }).user.id).toBe(guest.userId);
    const again = await redeem(replaced.code);
    expect(again.status).toBe(401);
    expectErrorShape(again.json());
    expect((await send(app, 'GET', '/api/me/recovery-code', { headers: guest.headers })).json()).toEqual({ recoveryCode: null });
    for (const bad of ['', 'not a code', 'lc_' + 'A'.repeat(43), '0'.repeat(20)]) expect((await redeem(bad)).status, bad).toBe(401);
  });

  it('makes one token between two sign-ins racing with one code', async () => {
    const { app } = appWith();
    const guest = await newGuest(app);
    const { code } = (await send(app, 'POST', '/api/me/recovery-code', { headers: guest.headers })).json() as { code: string };
    const before = await tokenCount();
    const results = await Promise.all(
      [1, 2, 3].map(() => send(app, 'POST', '/api/auth/recovery-code', { headers: { 'content-type': 'application/json' }, body: { code } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    expect(await tokenCount()).toBe(before + 1);
  });
});

describe('signing in from the pages', () => {
  const page = (cookie: string) => ({ cookie: `lc_token=${cookie}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' });

  it('puts the signed-in account in the cookie and revokes the empty guest’s token the visit had made', async () => {
    const { app } = appWith();
    const kept = await newGuest(app);
    const { authenticator } = await keepAccount(app, kept);
    const visit = await app.request('/', { headers: { 'sec-fetch-dest': 'document' } });
    const fresh = /lc_token=([^;]+)/.exec(visit.headers.get('set-cookie') ?? '')?.[1] as string;
    expect(fresh).toMatch(/^lc_/);

    const res = await passkeySignIn(app, authenticator, { headers: page(fresh) });
    expect(res.status, res.text).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lc_token=lc_[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    const token = /lc_token=([^;]+)/.exec(cookie)?.[1] as string;
    expect(((await meOf(app, token)).json() as { user: { id: string } }).user.id).toBe(kept.userId);
    expect((await meOf(app, fresh)).status).toBe(401);
  });

  it('signs in with a recovery code through the form: 303 to the account with the cookie; a wrong code is the 401 page and keeps the cookie', async () => {
    const { app } = appWith();
    const kept = await newGuest(app);
    const { code } = await keepAccount(app, kept);
    const visitor = await newGuest(app);
    const form = (body: string) =>
      app.request('/account/sign-in', {
        method: 'POST',
        headers: { cookie: `lc_token=${visitor.token}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const wrong = await form('code=AAAA-BBBB-CCCC-DDDD-EEEE');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toMatch(/<h1 data-status="401">Not signed in<\/h1>[\s\S]*That recovery code did not sign you in/);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await meOf(app, visitor.token)).status).toBe(200);

    const right = await form(new URLSearchParams({ code }).toString());
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/account?signed-in=1');
    const token = /lc_token=([^;]+)/.exec(right.headers.get('set-cookie') ?? '')?.[1] as string;
    expect(((await meOf(app, token)).json() as { user: { id: string } }).user.id).toBe(kept.userId);
    expect((await meOf(app, visitor.token)).status).toBe(401);
    const account = await (await app.request('/account?signed-in=1', { headers: { cookie: `lc_token=${token}` } })).text();
    expect(account).toContain('You are signed in');
    expect(account).toContain(kept.userId);
  });

  it('sets the __Host- cookie over https, and none for a request another site made', async () => {
    const { app } = appWith({}, { requestIsHttps: () => true });
    const kept = await newGuest(app);
    const { authenticator } = await keepAccount(app, kept, 'https://localhost');
    const secure = await passkeySignIn(app, authenticator, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(secure.status, secure.text).toBe(200);
    expect(secure.headers.get('set-cookie')).toMatch(/^__Host-lc_token=lc_[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const crossSite = await passkeySignIn(app, authenticator, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(200);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
  });

  it('shows the account page’s warning to a guest with neither a passkey nor a recovery code, and not once they have one', async () => {
    const { app } = appWith();
    const guest = await newGuest(app);
    const account = async () => (await app.request('/account', { headers: { cookie: `lc_token=${guest.token}` } })).text();
    const bare = await account();
    expect(bare).toContain('data-unkept');
    expect(bare).toContain('Nothing keeps this account yet.');
    expect(bare).toContain('Sign in with a passkey');
    expect(bare).toContain('src="/ui/passkeys.js"');
    const made = await app.request('/account/recovery-code', {
      method: 'POST',
      headers: { cookie: `lc_token=${guest.token}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(made.status).toBe(200);
    const shown = await made.text();
    const code = /<code id="recovery-code">([^<]+)<\/code>/.exec(shown)?.[1] as string;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(shown).not.toContain('data-unkept');
    const later = await account();
    expect(later).not.toContain('data-unkept');
    expect(later).not.toContain(code);
    expect(later).toContain('You have a recovery code');

    const { id } = await addPasskey(app, guest, new SoftAuthenticator(), 'Phone');
    expect(await account()).toContain(`action="/account/passkeys/${id}/delete"`);
    const removed = await app.request(`/account/passkeys/${id}/delete`, {
      method: 'POST',
      headers: { cookie: `lc_token=${guest.token}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(removed.status).toBe(303);
    expect(await account()).not.toContain('Phone');
  });
});

describe('limits and lifetime', () => {
  it('limits sign-in requests per client address like new guests (429 past LOOP_COACH_GUEST_LIMIT a minute)', async () => {
    const { app, deps } = appWith({ LOOP_COACH_GUEST_LIMIT: '3' }, { clientAddress: () => '203.0.113.9' });
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) statuses.push((await send(app, 'POST', '/api/auth/passkey/options')).status);
    const code = { headers: { 'content-type': 'application/json' }, body: { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' } };
    statuses.push((await send(app, 'POST', '/api/auth/recovery-code', code)).status);
    const limited = await send(app, 'POST', '/api/auth/recovery-code', code);
    expect([...statuses, limited.status]).toEqual([200, 200, 401, 429]);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expectErrorShape(limited.json());
    // New guests are counted apart: the same address can still start one.
    expect((await send(app, 'POST', '/api/auth/guest')).status).toBe(201);
    deps.advance(60_000);
    expect((await send(app, 'POST', '/api/auth/passkey/options')).status).toBe(200);
  });

  it('keeps a guest with a passkey or a recovery code when its tokens expire; purges one with neither', async () => {
    const deps = testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0', LOOP_COACH_TOKEN_TTL_DAYS: '1' }, engine: offlineEngine() });
    const app = createApp(deps);
    const withPasskey = await newGuest(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, withPasskey, authenticator);
    const withCode = await newGuest(app);
    const { code } = (await send(app, 'POST', '/api/me/recovery-code', { headers: withCode.headers })).json() as { code: string };
    const bare = await newGuest(app);
    deps.advance(2 * 86_400_000);
    await newGuest(app); // a new guest purges expired ones
    expect(Object.values(await rowsMentioning(db, bare.userId)).every((n) => n === 0)).toBe(true);
    expect((await meOf(app, withPasskey.token)).status).toBe(401);
    const back = await passkeySignIn(app, authenticator);
    expect((back.json() as { user: { id: string } }).user.id).toBe(withPasskey.userId);
    const viaCode = await send(app, 'POST', '/api/auth/recovery-code', { headers: { 'content-type': 'application/json' }, body: { code } });
    expect((viaCode.json() as { user: { id: string } }).user.id).toBe(withCode.userId);
  });
});

describe('the WebAuthn parser', () => {
  it('refuses malformed CBOR instead of reading past the bytes: truncated, over-long, too deep, tags, floats', () => {
    const bad = [
      [0x5a, 0xff, 0xff, 0xff, 0xff], // a byte string claiming 4 GiB
      [0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // an array over 2^53
      [0xbf], // an indefinite map
      [0xc0, 0x00], // a tag
      [0xf9, 0x3c, 0x00], // a float
      [0xa2, 0x01, 0x02, 0x01, 0x03], // a duplicate key
      [0x63, 0xff, 0xfe, 0xfd], // broken UTF-8
      Array(40).fill(0x81), // nested far too deep
    ];
    for (const bytes of bad) expect(() => decodeCbor(new Uint8Array(bytes)), JSON.stringify(bytes)).toThrow();
    expect(decodeCbor(new Uint8Array([0xa1, 0x20, 0x42, 0x01, 0x02])).value).toEqual(new Map([[-1, new Uint8Array([1, 2])]]));
  });

  it('answers a mangled credential with 400 or 401, never a 5xx', async () => {
    const { app } = appWith();
    const guest = await newGuest(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, guest, authenticator);
    const options = (await send(app, 'POST', '/api/auth/passkey/options')).json() as { challenge: string };
    const good = await authenticator.signIn(options);
    const mangle = (field: keyof typeof good.response, value: string) => ({ ...good, response: { ...good.response, [field]: value } });
    for (const credential of [
      mangle('authenticatorData', 'AAAA'),
      mangle('signature', 'MAYCAQACAQA'),
      mangle('clientDataJSON', Buffer.from('{"type":1}').toString('base64url')),
      mangle('clientDataJSON', 'not base64!'),
      { ...good, id: 'other' },
    ]) {
      const res = await send(app, 'POST', '/api/auth/passkey', { headers: { 'content-type': 'application/json' }, body: { credential } });
      expect([400, 401], res.text).toContain(res.status);
      expectErrorShape(res.json());
    }
  });
});
