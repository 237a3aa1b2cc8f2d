/**
 * Isolation battery: one user can never see, change or even detect another's data. The app's
 * routes are enumerated (from `app.routes` and the OpenAPI document) and each must have an entry in
 * ROUTES saying how to attack it, so a route added without an isolation check fails this file.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { TOKEN_COOKIE } from '../src/auth/tokens.js';
import type { Db } from '../src/db/client.js';
import { messages } from '../src/db/schema.js';
import { expectErrorShape, newGuest, offlineEngine, send, type Guest } from './support/api.js';
import { rowsByOwner } from './support/db-rows.js';
import { keepAccount, passkeySignIn } from './support/passkeys.js';
import { SoftAuthenticator } from './support/soft-authenticator.js';
import { appRoutes } from './support/routes.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
let app: App;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  app = createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, engine: offlineEngine() }));
});
afterAll(() => cleanup());

interface Owner extends Guest {
  draftId: string;
  draftText: string;
  sessionId: string;
  turnText: string;
  relationshipId: string;
  entryId: string;
  entryText: string;
  /** Kept with a passkey (and a second one half added: its challenge is pending) and a recovery code. */
  authenticator: SoftAuthenticator;
  passkeyId: string;
  credentialId: string;
  code: string;
  pendingChallenge: string;
}

/** A user with a critiqued draft and a session whose last reply failed (so even retry has something to do). */
async function owner(name: string): Promise<Owner> {
  const guest = await newGuest(app);
  const draftText = `Hi Dana, this is ${name}'s private draft. How can I help with the launch this month?`;
  const critique = await send(app, 'POST', '/api/drafts/critique', { headers: guest.headers, body: { text: draftText, context: { managerName: 'Dana' } } });
  expect(critique.status, critique.text).toBe(201);
  const session = await send(app, 'POST', '/api/sessions', { headers: guest.headers, body: { scenarioId: 'offer-help' } });
  expect(session.status).toBe(201);
  const sessionId = (session.json() as { id: string }).id;
  const turnText = `${name} says: what is the most important thing on your plate this week?`;
  expect((await send(app, 'POST', `/api/sessions/${sessionId}/messages`, { headers: guest.headers, body: { text: turnText } })).status).toBe(200);
  await db
    .update(messages)
    .set({ status: 'failed' })
    .where(and(eq(messages.sessionId, sessionId), eq(messages.seq, 2)));
  const relationship = await send(app, 'POST', '/api/relationships', {
    headers: guest.headers,
    body: { name: `${name} Boss`, relation: 'manager', knownPriorities: [`${name}'s secret priority`] },
  });
  expect(relationship.status, relationship.text).toBe(201);
  const relationshipId = (relationship.json() as { id: string }).id;
  const entryText = `Me: ${name} will send the private risk log by Friday.\nBoss: I need it before the audit.`;
  const entry = await send(app, 'POST', `/api/relationships/${relationshipId}/entries`, {
    headers: guest.headers,
    body: { kind: 'one-on-one', at: '2026-11-03T15:00:00Z', text: entryText },
  });
  expect(entry.status, entry.text).toBe(201);
  const entryId = (entry.json() as { id: string }).id;
  const kept = await keepAccount(app, guest);
  const pending = await send(app, 'POST', '/api/me/passkeys/options', { headers: guest.headers });
  const pendingChallenge = (pending.json() as { challenge: string }).challenge;
  return {
    ...guest,
    ...kept,
    pendingChallenge,
    draftId: (critique.json() as { draftId: string }).draftId,
    draftText,
    sessionId,
    turnText,
    relationshipId,
    entryId,
    entryText,
  };
}

interface Ctx {
  alice: Owner;
  bob: Owner;
}

/** Alice's identifiers and words: none may appear in anything Bob gets back. */
const secretsOf = (o: Owner) => [
  o.userId,
  o.draftId,
  o.sessionId,
  o.draftText,
  o.turnText,
  o.token,
  o.relationshipId,
  o.entryId,
  o.entryText,
  o.passkeyId,
  o.credentialId,
  o.code,
  o.pendingChallenge,
];
const expectNoneOf = (text: string, o: Owner) => {
  for (const s of secretsOf(o)) expect(text).not.toContain(s);
};

/** How a route is called: the JSON API with a bearer token, or a web page with the cookie and a form. */
type Via = 'api' | 'page';

async function call(via: Via, user: Guest | undefined, method: string, path: string, body?: Record<string, string>, accept?: string) {
  if (via === 'api') return send(app, method, path, { ...(user && { headers: user.headers }), ...(body && { body }), ...(accept && { accept }) });
  const headers: Record<string, string> = {
    'sec-fetch-site': 'same-origin',
    ...(user && { cookie: `${TOKEN_COOKIE}=${user.token}` }),
    ...(accept && { accept }),
  };
  if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
  const res = await app.request(path, { method, headers, ...(body && { body: new URLSearchParams(body).toString() }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

const withId = (path: string, id: string) => path.replace(':id', id).replace('*', `${id}/more`);

/** Bob uses Alice's id (and his own id of the other kind): 404 with the same body as an id that never existed. */
function foreignId(resource: 'draft' | 'session' | 'relationship' | 'passkey', body?: Record<string, string>) {
  return async ({ alice, bob }: Ctx, method: string, path: string, via: Via) => {
    const ids = {
      draft: [alice.draftId, bob.sessionId],
      session: [alice.sessionId, bob.draftId],
      relationship: [alice.relationshipId, bob.sessionId],
      passkey: [alice.passkeyId, bob.sessionId],
    }[resource];
    const never = `${{ draft: 'drf', session: 'ses', relationship: 'rel', passkey: 'pky' }[resource]}_${'0'.repeat(21)}`;
    const absent = await call(via, bob, method, withId(path, never), body);
    expect(absent.status).toBe(404);
    for (const id of ids) {
      for (const accept of ['application/json', 'text/event-stream']) {
        const res = await call(via, bob, method, withId(path, id), body, accept);
        expect(res.status, `${method} ${path} with ${id} (${accept})`).toBe(404);
        if (via === 'api') {
          expect(res.headers.get('content-type')).toMatch(/application\/json/);
          expectErrorShape(res.json());
        }
        // Same answer as for an id that never existed: no way to tell "not yours" from "not there".
        expect(res.text.replaceAll(id, never)).toBe(absent.text);
      }
    }
  };
}

/**
 * A route naming a relationship and one of its entries (or an entry's commitment): Alice's entry,
 * under her relationship or under Bob's own, is as missing to Bob as one that never existed.
 */
function foreignEntry(kind: 'entry' | 'commitment', body: unknown) {
  return async ({ alice, bob }: Ctx, method: string, path: string, via: Via) => {
    const fill = (relationship: string, entry: string) =>
      path.replace(':id', relationship).replace(/:(?:entryId|commitmentId)/, kind === 'entry' ? entry : `${entry}.c1`);
    const never = { relationship: `rel_${'0'.repeat(21)}`, entry: `ent_${'0'.repeat(21)}` };
    const attempts: Array<[string, string, string]> = [
      // [relationship, entry, the same call with ids that never existed]
      [alice.relationshipId, alice.entryId, fill(never.relationship, never.entry)],
      [bob.relationshipId, alice.entryId, fill(bob.relationshipId, never.entry)],
    ];
    // The API's bodies are JSON, a page's are form fields (text only): `call` sends each its way.
    const sent = body as Record<string, string> | undefined;
    for (const [relationship, entry, absentPath] of attempts) {
      const absent = await call(via, bob, method, absentPath, sent);
      expect(absent.status).toBe(404);
      const res = await call(via, bob, method, fill(relationship, entry), sent);
      expect(res.status, `${method} ${path} with ${relationship}/${entry}`).toBe(404);
      if (via === 'api') expectErrorShape(res.json());
      expect(res.text).toBe(absent.text);
    }
  };
}

/** Bob's list holds his rows and none of Alice's. */
function listsOwnOnly(idOf: (o: Owner) => string) {
  return async ({ alice, bob }: Ctx, method: string, path: string, via: Via) => {
    const res = await call(via, bob, method, `${path}?limit=100`);
    expect(res.status).toBe(200);
    const ids = (res.json() as { items: Array<{ id: string }> }).items.map((i) => i.id);
    expect(ids).toContain(idOf(bob));
    expectNoneOf(res.text, alice);
  };
}

/** A route about the caller: Bob gets an answer about Bob only. */
function aboutCallerOnly(mustShow: (o: Owner) => string[] = (o) => [o.userId]) {
  return async (ctx: Ctx, method: string, path: string, via: Via) => {
    const res = await call(via, ctx.bob, method, path);
    expect(res.status, res.text).toBe(200);
    for (const s of mustShow(ctx.bob)) expect(res.text).toContain(s);
    expectNoneOf(res.text, ctx.alice);
  };
}

/** Creating makes rows for the caller only. */
function createsOwnOnly(body: Record<string, string>) {
  return async ({ alice, bob }: Ctx, method: string, path: string, via: Via) => {
    const res = await call(via, bob, method, path, body);
    expect(res.status, res.text).toBe(via === 'api' ? 201 : 303);
    expectNoneOf(res.text + (res.headers.get('location') ?? ''), alice);
  };
}

/** A route that ends the caller's access (logout, account deletion), run by a third user: Alice and Bob keep theirs. */
function endsCallerOnly(expected: number, body?: Record<string, string>) {
  return async ({ alice, bob }: Ctx, method: string, path: string, via: Via) => {
    const mallory = await owner('Mallory');
    const res = await call(via, mallory, method, path, body);
    expect(res.status).toBe(expected);
    expect((await send(app, 'GET', '/api/me', { headers: mallory.headers })).status).toBe(401);
    for (const o of [alice, bob]) expect((await send(app, 'GET', `/api/sessions/${o.sessionId}`, { headers: o.headers })).status).toBe(200);
  };
}

/** Bob adds a passkey: one made on Alice's pending challenge is refused (and hers stays pending); his own is his alone. */
async function registersOwnOnly({ alice, bob }: Ctx, method: string, path: string) {
  const authenticator = new SoftAuthenticator();
  const onAlices = await authenticator.register({ challenge: alice.pendingChallenge, user: { id: 'x' } });
  const refused = await send(app, method, path, { headers: bob.headers, body: { credential: onAlices } });
  expect(refused.status).toBe(400);
  expectErrorShape(refused.json());
  const options = (await send(app, 'POST', `${path}/options`, { headers: bob.headers })).json() as { challenge: string; user: { id: string } };
  const own = await send(app, method, path, { headers: bob.headers, body: { credential: await authenticator.register(options) } });
  expect(own.status, own.text).toBe(201);
  expectNoneOf(own.text, alice);
}

/**
 * Signing in: Bob's key naming Alice's passkey, or a code that is not one, is 401; with his own
 * passkey or code Bob gets a token for his account, and nothing of Alice's. The page form is sent
 * from a browser holding some other guest, which it then lets go.
 */
function signsInOwnOnly(kind: 'passkey' | 'code') {
  return async ({ alice, bob }: Ctx, method: string, path: string, via: Via) => {
    const json = { 'content-type': 'application/json' };
    let token: string | undefined;
    if (kind === 'passkey') {
      const options = (await send(app, 'POST', '/api/auth/passkey/options')).json() as { challenge: string };
      const bobs = await bob.authenticator.signIn(options, bob.credentialId);
      const forged = { ...bobs, id: alice.credentialId, rawId: alice.credentialId, response: { ...bobs.response, userHandle: null } };
      const refused = await send(app, method, path, { headers: json, body: { credential: forged } });
      expect(refused.status).toBe(401);
      expectErrorShape(refused.json());
      const signedIn = await passkeySignIn(app, bob.authenticator, { id: bob.credentialId });
      expect(signedIn.status, signedIn.text).toBe(200);
      expectNoneOf(signedIn.text, alice);
      token = (signedIn.json() as { token: string }).token;
    } else {
      const { code } = (await send(app, 'POST', '/api/me/recovery-code', { headers: bob.headers })).json() as { code: string };
      if (via === 'api') {
        expect((await send(app, method, path, { headers: json, body: { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' } })).status).toBe(401);
        const signedIn = await send(app, method, path, { headers: json, body: { code } });
        expect(signedIn.status, signedIn.text).toBe(200);
        expectNoneOf(signedIn.text, alice);
        token = (signedIn.json() as { token: string }).token;
      } else {
        const holder = await newGuest(app);
        expect((await call(via, holder, method, path, { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' })).status).toBe(401);
        const signedIn = await call(via, holder, method, path, { code });
        expect(signedIn.status).toBe(303);
        expectNoneOf(signedIn.text + (signedIn.headers.get('location') ?? ''), alice);
        token = /lc_token=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1];
      }
    }
    const me = await send(app, 'GET', '/api/me', { headers: { authorization: `Bearer ${token ?? ''}` } });
    expect((me.json() as { user: { id: string } }).user.id).toBe(bob.userId);
  };
}

/** Holds no user data: answers without a token (a page makes its visitor a guest). */
const publicRoute = async (_ctx: Ctx, method: string, path: string, via: Via) => {
  const res = await call(via, undefined, method, path);
  expect(res.status).toBeLessThan(300);
};

type Exercise = (ctx: Ctx, method: string, path: string, via: Via) => Promise<void>;
const api = (exercise: Exercise) => ({ exercise, via: 'api' as const });
const page = (exercise: Exercise) => ({ exercise, via: 'page' as const });
const open = (via: Via) => ({ exercise: publicRoute, via, public: true as const });

/** Every route of the app, and how to attack it. A route missing here fails the battery. */
const ROUTES: Record<string, { exercise: Exercise; via: Via; public?: true }> = {
  'GET /healthz': open('api'),
  'GET /openapi.json': open('api'),
  'GET /docs': open('api'),
  'GET /api/scenarios': open('api'),
  'GET /api/personas': open('api'),
  'POST /api/auth/guest': open('api'),
  'POST /api/auth/passkey/options': open('api'),
  'POST /api/auth/passkey': { exercise: signsInOwnOnly('passkey'), via: 'api', public: true },
  'POST /api/auth/recovery-code': { exercise: signsInOwnOnly('code'), via: 'api', public: true },
  'POST /api/auth/logout': api(endsCallerOnly(204)),
  'GET /api/me': api(aboutCallerOnly()),
  'GET /api/me/export': api(aboutCallerOnly((o) => [o.userId, o.draftId, o.sessionId, o.draftText, o.relationshipId, o.entryId])),
  'DELETE /api/me': api(endsCallerOnly(204)),
  'POST /api/me/passkeys/options': api(aboutCallerOnly((o) => [o.credentialId])),
  'POST /api/me/passkeys': api(registersOwnOnly),
  'GET /api/me/passkeys': api(listsOwnOnly((o) => o.passkeyId)),
  'DELETE /api/me/passkeys/:id': api(foreignId('passkey')),
  'GET /api/me/recovery-code': api(aboutCallerOnly(() => [])),
  'POST /api/me/recovery-code': api(createsOwnOnly({})),
  'GET /api/progress': api(aboutCallerOnly(() => [])),
  'POST /api/drafts/critique': api(createsOwnOnly({ text: 'How can I help you this week?' })),
  'GET /api/drafts': api(listsOwnOnly((o) => o.draftId)),
  'GET /api/drafts/:id': api(foreignId('draft')),
  'DELETE /api/drafts/:id': api(foreignId('draft')),
  'POST /api/drafts/:id/critique': api(foreignId('draft')),
  'POST /api/sessions': api(createsOwnOnly({ scenarioId: 'goal-alignment' })),
  'GET /api/sessions': api(listsOwnOnly((o) => o.sessionId)),
  'GET /api/sessions/:id': api(foreignId('session')),
  'DELETE /api/sessions/:id': api(foreignId('session')),
  'POST /api/sessions/:id/messages': api(foreignId('session', { text: 'Tell me everything you told Alice.' })),
  'POST /api/sessions/:id/retry': api(foreignId('session')),
  'POST /api/sessions/:id/hint': api(foreignId('session')),
  'POST /api/sessions/:id/end': api(foreignId('session')),
  'POST /api/relationships': api(createsOwnOnly({ name: 'Carol Reyes', relation: 'manager' })),
  'GET /api/relationships': api(listsOwnOnly((o) => o.relationshipId)),
  'GET /api/relationships/:id': api(foreignId('relationship')),
  'PATCH /api/relationships/:id': api(foreignId('relationship', { role: 'Tell me what Alice wrote' })),
  'DELETE /api/relationships/:id': api(foreignId('relationship')),
  'POST /api/relationships/:id/entries': api(foreignId('relationship', { kind: 'note', at: '2026-11-03T15:00:00Z', text: 'Show me Alice.' })),
  'GET /api/relationships/:id/entries': api(foreignId('relationship')),
  'PATCH /api/relationships/:id/entries/:entryId': api(foreignEntry('entry', { needs: ['everything Alice wrote'] })),
  'DELETE /api/relationships/:id/entries/:entryId': api(foreignEntry('entry', undefined)),
  'PATCH /api/relationships/:id/commitments/:commitmentId': api(foreignEntry('commitment', { status: 'done' })),
  'GET /api/relationships/:id/plan': api(foreignId('relationship')),
  'POST /api/relationships/:id/rehearse': api(foreignId('relationship')),
  'GET /api/relationships/:id/calendar.ics': api(foreignId('relationship')),
  // The web pages: the same data through the cookie.
  'GET /': open('page'),
  'GET /ui/app.js': open('page'),
  'GET /ui/style.css': open('page'),
  'GET /ui/passkeys.js': open('page'),
  'GET /drafts/new': open('page'),
  'GET /sessions/new': open('page'),
  'GET /account': page(aboutCallerOnly()),
  'POST /account/delete': page(endsCallerOnly(303, { confirm: 'yes' })),
  'POST /account/recovery-code': page(aboutCallerOnly()),
  'POST /account/passkeys/:id/delete': page(foreignId('passkey')),
  'POST /account/sign-in': page(signsInOwnOnly('code')),
  'GET /progress': page(aboutCallerOnly((o) => [o.draftId, o.sessionId])),
  'POST /drafts': page(createsOwnOnly({ text: 'How can I help you this week?', mode: 'employee' })),
  'GET /drafts/:id': page(foreignId('draft')),
  'POST /drafts/:id/critique': page(foreignId('draft')),
  'GET /drafts/*': page(foreignId('draft')),
  'POST /sessions': page(createsOwnOnly({ scenarioId: 'goal-alignment', difficulty: 'easy' })),
  'GET /sessions/:id': page(foreignId('session')),
  'POST /sessions/:id/turn': page(foreignId('session', { text: 'Tell me everything you told Alice.' })),
  'POST /sessions/:id/retry': page(foreignId('session')),
  'POST /sessions/:id/hint': page(foreignId('session')),
  'POST /sessions/:id/end': page(foreignId('session')),
  'GET /sessions/*': page(foreignId('session')),
  'GET /relationships': page(aboutCallerOnly((o) => [o.relationshipId])),
  'GET /relationships/new': open('page'),
  'POST /relationships': page(createsOwnOnly({ name: 'Carol Reyes', relation: 'manager' })),
  'GET /relationships/:id': page(foreignId('relationship')),
  'POST /relationships/:id': page(foreignId('relationship', { name: 'Mallory Boss', relation: 'manager', role: 'Tell me what Alice wrote' })),
  'GET /relationships/:id/edit': page(foreignId('relationship')),
  'POST /relationships/:id/delete': page(foreignId('relationship', { confirm: 'yes' })),
  'GET /relationships/:id/entries/new': page(foreignId('relationship')),
  'POST /relationships/:id/entries': page(foreignId('relationship', { kind: 'note', date: '2026-11-03', text: 'Show me Alice.' })),
  'GET /relationships/:id/entries/:entryId': page(foreignEntry('entry', undefined)),
  'POST /relationships/:id/entries/:entryId': page(foreignEntry('entry', { checkRows: '1', commitmentRows: '1', needs: 'everything Alice wrote' })),
  'POST /relationships/:id/entries/:entryId/delete': page(foreignEntry('entry', { confirm: 'yes' })),
  'POST /relationships/:id/commitments/:commitmentId': page(foreignEntry('commitment', { status: 'done' })),
  'POST /relationships/:id/rehearse': page(foreignId('relationship', { difficulty: 'easy' })),
  'GET /relationships/*': page(foreignId('relationship')),
};

describe('isolation battery', () => {
  it('has an isolation check for every route the app serves, and no stale ones', () => {
    expect(appRoutes(app)).toEqual(Object.keys(ROUTES).sort());
  });

  it('answers 401 on every API route that is not public', async () => {
    const never = 'ses_000000000000000000000';
    for (const key of Object.keys(ROUTES).filter((k) => ROUTES[k]?.via === 'api' && !ROUTES[k]?.public)) {
      const [method = '', path = ''] = key.split(' ');
      const res = await send(app, method, path.replace(':id', never), {
        headers: { 'content-type': 'application/json' },
        ...(method !== 'GET' && { body: {} }),
      });
      expect(res.status, key).toBe(401);
      expectErrorShape(res.json());
    }
  });

  it('keeps every route to its owner: 404 for the other user ids, own rows only in lists and exports', async () => {
    const ctx = { alice: await owner('Alice'), bob: await owner('Bob') };
    const aliceRows = () => rowsByOwner(db).then((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k.endsWith(`:${ctx.alice.userId}`))));
    const aliceBefore = await aliceRows();
    const aliceView = (await send(app, 'GET', `/api/sessions/${ctx.alice.sessionId}`, { headers: ctx.alice.headers })).text;

    const covered: string[] = [];
    for (const [key, { exercise, via }] of Object.entries(ROUTES)) {
      const [method = '', path = ''] = key.split(' ');
      await exercise(ctx, method, path, via);
      covered.push(key);
    }
    expect(covered).toHaveLength(appRoutes(app).length);

    // Nothing Bob (or Mallory) did touched a row of Alice's, or the state of her session.
    expect(await aliceRows()).toEqual(aliceBefore);
    expect((await send(app, 'GET', `/api/sessions/${ctx.alice.sessionId}`, { headers: ctx.alice.headers })).text).toBe(aliceView);
    const retried = await send(app, 'POST', `/api/sessions/${ctx.alice.sessionId}/retry`, { headers: ctx.alice.headers });
    expect(retried.status, retried.text).toBe(200);
    expect((await send(app, 'GET', `/api/drafts/${ctx.alice.draftId}`, { headers: ctx.alice.headers })).status).toBe(200);
    const entries = await send(app, 'GET', `/api/relationships/${ctx.alice.relationshipId}/entries`, { headers: ctx.alice.headers });
    expect((entries.json() as { items: Array<{ id: string }> }).items.map((e) => e.id)).toEqual([ctx.alice.entryId]);
  });
});

describe('concurrency', () => {
  it('serves 50 users at once, creating sessions, turns and drafts, with no errors and no cross-talk', async () => {
    const users = await Promise.all(Array.from({ length: 50 }, () => newGuest(app)));
    const results = await Promise.all(
      users.map(async (user, i) => {
        const statuses: number[] = [];
        const session = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
        statuses.push(session.status);
        const id = (session.json() as { id: string }).id;
        const lines = [`User ${i} asks how they can help this week.`, `User ${i} offers to take the Friday handover.`];
        for (const text of lines) statuses.push((await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text } })).status);
        statuses.push(
          (await send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: `Draft ${i}: how can I help you this week?` } })).status,
        );
        return { user, id, lines, statuses };
      }),
    );
    for (const { user, id, lines, statuses } of results) {
      expect(
        statuses.every((s) => s < 300),
        statuses.join(','),
      ).toBe(true);
      const transcript = (await send(app, 'GET', `/api/sessions/${id}`, { headers: user.headers })).json() as {
        messages: Array<{ role: string; content: string }>;
      };
      expect(transcript.messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(lines);
      const sessions = (await send(app, 'GET', '/api/sessions', { headers: user.headers })).json() as { items: Array<{ id: string }> };
      expect(sessions.items.map((s) => s.id)).toEqual([id]);
      const drafts = (await send(app, 'GET', '/api/drafts', { headers: user.headers })).json() as { items: Array<{ text: string }> };
      expect(drafts.items).toHaveLength(1);
      expect(drafts.items[0]?.text).toMatch(new RegExp(`^Draft ${results.findIndex((r) => r.user === user)}:`));
    }
  });
});
