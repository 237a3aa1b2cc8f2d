import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.js';
import { beginTurnWrite, getMessages, getSession, insertSession, lockSession, settleReply } from '../src/db/queries/sessions.js';
import { createGuest, findUserByTokenHash } from '../src/db/queries/users.js';
import { messages, sessions } from '../src/db/schema.js';
import { createIdGenerator } from '../src/ids.js';
import { createTestDb } from './support/test-deps.js';

// The turn's statements are compiled once and decoded by hand (src/db/compiled.ts); what they
// read and write must be exactly what drizzle's builder reads and writes.
let db: Db;
let cleanup: () => void;
const T0 = Date.parse('2026-11-27T09:00:00Z');
const newId = createIdGenerator(() => T0);

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

async function newSession(userId: string, extra: Partial<typeof sessions.$inferInsert> = {}) {
  const id = newId('ses');
  await insertSession(
    db,
    {
      id,
      userId,
      mode: 'employee',
      scenarioId: 'offer-help',
      personaId: 'p',
      difficulty: 'medium',
      status: 'active',
      canary: 'LC-x',
      provider: 'offline',
      model: 'offline',
      context: { managerName: 'Dana' },
      state: { seen: { asks_how_to_help: 1 } },
      createdAt: new Date(T0),
      updatedAt: new Date(T0),
      ...extra,
    },
    { role: 'persona', content: 'Hi, what is on your mind?', status: 'complete', createdAt: new Date(T0), provider: 'offline', model: 'offline' },
  );
  return id;
}

const builderSession = async (userId: string, id: string) =>
  (
    await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
  )[0];
const builderMessages = (userId: string, id: string) =>
  db
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, id), eq(messages.userId, userId)))
    .orderBy(asc(messages.seq));

const begin = (userId: string, id: string, text: string, now = T0 + 1000) =>
  beginTurnWrite(db, { userId, id, text, now, until: now + 60_000, maxTurns: 3, provider: 'openai', model: 'm', reach: 22, token: crypto.randomUUID() });

describe('compiled queries', () => {
  it('read rows exactly as the builder does: dates, JSON, nulls, enums', async () => {
    const user = await createGuest(db, newId, { tokenHash: 'hash-1', now: T0, tokenTtlMs: 60_000 });
    const id = await newSession(user.id);
    expect(await getSession(db, user.id, id)).toEqual(await builderSession(user.id, id));
    expect(await getMessages(db, user.id, id)).toEqual(await builderMessages(user.id, id));
    expect(await findUserByTokenHash(db, 'hash-1', T0)).toEqual({ user, tokenId: expect.any(String), expiresAt: new Date(T0 + 60_000) });
    expect(await findUserByTokenHash(db, 'hash-1', T0 + 60_000)).toBeUndefined(); // expired
  });

  it('begin a turn in one batch: counted, both messages stored, history returned; settle writes state back', async () => {
    const user = await createGuest(db, newId, { tokenHash: 'hash-2', now: T0, tokenTtlMs: 60_000 });
    const id = await newSession(user.id);
    const begun = await begin(user.id, id, 'How can I help?');
    expect(begun?.session).toEqual(await builderSession(user.id, id));
    expect(begun?.session).toMatchObject({ userTurns: 1, nextSeq: 3, inFlightUntil: new Date(T0 + 61_000) });
    expect(begun?.replySeq).toBe(2);
    const stored = await builderMessages(user.id, id);
    expect(stored.map((m) => [m.seq, m.role, m.status, m.content])).toEqual([
      [0, 'persona', 'complete', 'Hi, what is on your mind?'],
      [1, 'user', 'complete', 'How can I help?'],
      [2, 'persona', 'pending', ''],
    ]);
    expect(begun?.userMessage).toEqual(stored[1]);
    expect(begun?.history).toEqual(stored.map(({ seq, role, content, status }) => ({ seq, role, content, status })));

    const state = { earned: { f1: 1 }, revealed: [{ id: 'f1', turn: 1, evidence: ['help'] }], seen: {} };
    await settleReply(
      db,
      begun!.session,
      2,
      { content: 'Thanks!', status: 'complete', provider: 'openai', model: 'm' },
      { state, summary: 's', summarizedThrough: 0, updatedAt: new Date(T0 + 2000) },
    );
    expect(await builderSession(user.id, id)).toMatchObject({ state, summary: 's', inFlightUntil: null, turnToken: null, updatedAt: new Date(T0 + 2000) });
    expect((await builderMessages(user.id, id))[2]).toMatchObject({ content: 'Thanks!', status: 'complete', provider: 'openai' });
  });

  it("change nothing when the lock is held, the session is not the user's, ended or at its limit", async () => {
    const user = await createGuest(db, newId, { tokenHash: 'hash-3', now: T0, tokenTtlMs: 60_000 });
    const other = await createGuest(db, newId, { tokenHash: 'hash-4', now: T0, tokenTtlMs: 60_000 });
    const locked = await newSession(user.id);
    await lockSession(db, user.id, locked, { now: T0, until: T0 + 60_000, token: 'held' });
    const ended = await newSession(user.id, { status: 'ended' });
    const full = await newSession(user.id, { userTurns: 3 });
    const cases: Array<[string, string]> = [
      [user.id, locked],
      [other.id, locked],
      [user.id, ended],
      [user.id, full],
      [user.id, 'ses_missing'],
    ];
    for (const [userId, id] of cases) {
      const owner = user.id;
      const before = { session: await builderSession(owner, id), messages: await builderMessages(owner, id) };
      expect(await begin(userId, id, 'Anything else?')).toBeUndefined();
      expect({ session: await builderSession(owner, id), messages: await builderMessages(owner, id) }).toEqual(before);
    }
    // A lock past its deadline (a crashed turn) is free again.
    expect(await begin(user.id, locked, 'Back again', T0 + 60_001)).toMatchObject({ replySeq: 2 });
  });
});
