import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/client.js';
import { newGuest, offlineEngine, send } from './support/api.js';
import { keepAccount, passkeySignIn } from './support/passkeys.js';
import { createTestDb, testDeps } from './support/test-deps.js';

/*
 * GET /api/me/export holds everything stored about the user: every column of every row of theirs,
 * but for the secrets named here. A column added later fails this test until the export carries it
 * (or it is named a secret, with a reason).
 */

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

/** Columns the export leaves out on purpose, and those it carries under another name or in another shape. */
const NOT_EXPORTED: Record<string, Record<string, string>> = {
  auth_tokens: { token_hash: "a credential's fingerprint", user_id: 'the user, once at the top' },
  sessions: { canary: "the leak guard's secret", turn_token: "names the turn holding the session's lock", user_id: 'the user' },
  messages: { user_id: 'the user', session_id: 'the session it is listed under', seq: 'in the message id' },
  drafts: { user_id: 'the user' },
  critiques: { user_id: 'the user', body: 'the critique itself, whose fields are the columns' },
  rate_limits: { key: "the user's id" },
  relationships: { user_id: 'the user' },
  relationship_entries: { user_id: 'the user' },
  passkeys: { user_id: 'the user', public_key: "verifies the authenticator's signatures; says nothing about the person" },
  recovery_codes: { user_id: 'the user', code_hash: "a credential's fingerprint" },
  passkey_challenges: { user_id: 'the user', challenge: 'a one-time nonce of a passkey being added' },
  users: {},
};

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

async function columns(table: string): Promise<string[]> {
  return (await db.all<{ name: string }>(sql`select name from pragma_table_info(${table})`)).map((c) => c.name);
}

interface Exported {
  user: Record<string, unknown>;
  tokens: Array<Record<string, unknown>>;
  drafts: Array<Record<string, unknown>>;
  critiques: Array<Record<string, unknown>>;
  sessions: Array<Record<string, unknown> & { id: string; messages: Array<Record<string, unknown> & { id: string; role: string }> }>;
  rateLimits: Array<Record<string, unknown>>;
  relationships: Array<Record<string, unknown> & { entries: Array<Record<string, unknown>> }>;
  passkeys: Array<Record<string, unknown>>;
  recoveryCode: Record<string, unknown> | null;
  passkeyChallenges: Array<Record<string, unknown>>;
}

describe('GET /api/me/export', () => {
  it("carries a session's summary and state and each message's reading, as stored", async () => {
    const app = createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '100' }, engine: offlineEngine() }));
    const user = await newGuest(app);
    const session = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help', goal: 'lead the audit' } });
    const id = (session.json() as { id: string }).id;
    // Enough turns for the older ones to be folded into the running summary.
    for (let i = 0; i < 14; i++) {
      const text = i % 2 ? `What is on your plate this week (${i}), and how could I help?` : `I'll take the audit prep off your plate by Friday (${i}).`;
      expect((await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text } })).status).toBe(200);
    }
    const stored = (await db.$client.execute({ sql: 'select summary, state from sessions where id = ?', args: [id] })).rows[0] as unknown as {
      summary: string;
      state: string;
    };
    const readings = (await db.$client.execute({ sql: "select seq, reading from messages where session_id = ? and role = 'user' order by seq", args: [id] }))
      .rows as unknown as Array<{ seq: number; reading: string }>;
    expect(stored.summary).not.toBe('');
    expect(Object.keys(JSON.parse(stored.state) as object).length).toBeGreaterThan(0);
    expect(readings).toHaveLength(14);

    const res = await send(app, 'GET', '/api/me/export', { headers: user.headers });
    expect(res.status).toBe(200);
    const exported = (res.json() as Exported).sessions.find((s) => s.id === id);
    expect(exported?.summary).toBe(stored.summary);
    expect(exported?.state).toEqual(JSON.parse(stored.state));
    const users = exported?.messages.filter((m) => m.role === 'user') ?? [];
    expect(users.map((m) => m.reading)).toEqual(readings.map((r) => JSON.parse(r.reading)));
    expect(users.every((m) => (m.reading as { checks: unknown[] }).checks.length > 0)).toBe(true);
    // Still no canary: the leak guard's secret is not the user's data.
    expect(res.text).not.toMatch(/LC-[0-9a-f-]{13}/);
  });

  it('carries every stored column of every table but the secrets named in this test', async () => {
    const app = createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '100' }, engine: offlineEngine() }));
    const user = await newGuest(app);
    expect((await send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: 'How can I help with the audit?' } })).status).toBe(201);
    const session = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
    const id = (session.json() as { id: string }).id;
    await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: 'What is on your plate?' } });
    expect((await send(app, 'POST', `/api/sessions/${id}/end`, { headers: user.headers })).status).toBe(200);
    const relationship = await send(app, 'POST', '/api/relationships', { headers: user.headers, body: { name: 'Helen Park', relation: 'manager' } });
    const rel = (relationship.json() as { id: string }).id;
    const entry = { kind: 'one-on-one', at: '2026-11-03T15:00:00Z', text: "Me: I'll send the deck by Friday." };
    expect((await send(app, 'POST', `/api/relationships/${rel}/entries`, { headers: user.headers, body: entry })).status).toBe(201);
    expect((await send(app, 'POST', `/api/relationships/${rel}/rehearse`, { headers: user.headers })).status).toBe(201);
    // A passkey that has signed in, a recovery code, and a second passkey being added right now.
    const { authenticator } = await keepAccount(app, user);
    expect((await passkeySignIn(app, authenticator)).status).toBe(200);
    expect((await send(app, 'POST', '/api/me/passkeys/options', { headers: user.headers })).status).toBe(200);
    const body = (await send(app, 'GET', '/api/me/export', { headers: user.headers })).json() as Exported;

    const shown: Record<string, Array<Record<string, unknown>>> = {
      users: [body.user],
      auth_tokens: body.tokens,
      drafts: body.drafts,
      critiques: body.critiques,
      sessions: body.sessions,
      messages: body.sessions.flatMap((s) => s.messages),
      rate_limits: body.rateLimits,
      relationships: body.relationships,
      relationship_entries: body.relationships.flatMap((r) => r.entries),
      passkeys: body.passkeys,
      recovery_codes: body.recoveryCode ? [body.recoveryCode] : [],
      passkey_challenges: body.passkeyChallenges,
    };
    const tables = (
      await db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`)
    )
      .map((t) => t.name)
      .sort();
    expect(tables).toEqual(Object.keys(NOT_EXPORTED).sort());
    for (const table of tables) {
      const rows = shown[table] ?? [];
      expect(rows.length, table).toBeGreaterThan(0);
      // A critique names its draft or its session, whichever it has: a key may be left out where its column is null.
      const keys = new Set(rows.flatMap((row) => Object.keys(row)));
      for (const column of await columns(table)) {
        if (NOT_EXPORTED[table]?.[column] === undefined) expect([...keys], `${table}.${column}`).toContain(camel(column));
      }
    }
  });
});
