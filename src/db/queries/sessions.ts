import { and, asc, count, desc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { critiques, messages, sessions } from '../schema.js';

export type SessionRow = typeof sessions.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
type NewMessage = Omit<typeof messages.$inferInsert, 'sessionId' | 'userId' | 'seq'>;

/** A new session and the persona's opening line (seq 0), together. */
export async function insertSession(db: Db, row: typeof sessions.$inferInsert, opening: NewMessage): Promise<void> {
  await db.batch([
    db.insert(sessions).values({ ...row, nextSeq: 1 }),
    db.insert(messages).values({ ...opening, sessionId: row.id, userId: row.userId, seq: 0 }),
  ]);
}

export async function countSessions(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
  return row?.n ?? 0;
}

export async function getSession(db: Db, userId: string, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(and(eq(sessions.id, id), eq(sessions.userId, userId))).limit(1);
  return row;
}

/** Newest first; `cursor` is the last id of the previous page. */
export async function listSessions(db: Db, userId: string, page: { limit: number; cursor?: string | undefined }): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), page.cursor ? lt(sessions.id, page.cursor) : undefined))
    .orderBy(desc(sessions.id))
    .limit(page.limit + 1);
}

export async function deleteSession(db: Db, userId: string, id: string): Promise<boolean> {
  const owned = and(eq(sessions.id, id), eq(sessions.userId, userId));
  const [found] = await db.select({ id: sessions.id }).from(sessions).where(owned).limit(1);
  if (!found) return false;
  await db.batch([
    db.delete(messages).where(and(eq(messages.sessionId, id), eq(messages.userId, userId))),
    db.delete(critiques).where(and(eq(critiques.sessionId, id), eq(critiques.userId, userId))),
    db.delete(sessions).where(owned),
  ]);
  return true;
}

/** Messages in order, from `fromSeq` on. */
export async function getMessages(db: Db, userId: string, sessionId: string, fromSeq = 0): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, sessionId), eq(messages.userId, userId), gte(messages.seq, fromSeq)))
    .orderBy(asc(messages.seq));
}

/**
 * Takes the session's turn lock: one statement, so of two concurrent turns exactly one wins. A lock
 * whose deadline passed (a crashed process) is free again. Returns the locked row, or undefined.
 */
export async function lockSession(db: Db, userId: string, id: string, now: number, until: number): Promise<SessionRow | undefined> {
  const [row] = await db
    .update(sessions)
    .set({ inFlightUntil: new Date(until) })
    .where(
      and(
        eq(sessions.id, id),
        eq(sessions.userId, userId),
        or(isNull(sessions.inFlightUntil), lt(sessions.inFlightUntil, new Date(now))),
      ),
    )
    .returning();
  return row;
}

export async function unlockSession(db: Db, userId: string, id: string): Promise<void> {
  await db.update(sessions).set({ inFlightUntil: null }).where(and(eq(sessions.id, id), eq(sessions.userId, userId)));
}

/**
 * Writes several messages (a user turn and the pending reply, say) and the session's counters in
 * one batch: one round trip, and never a user turn without its place in the sequence.
 */
export async function appendMessages(
  db: Db,
  session: SessionRow,
  newMessages: readonly NewMessage[],
  patch: Partial<Pick<SessionRow, 'userTurns' | 'updatedAt'>>,
): Promise<MessageRow[]> {
  const rows = newMessages.map((m, i) => ({ ...m, sessionId: session.id, userId: session.userId, seq: session.nextSeq + i }));
  await db.batch([
    db.insert(messages).values(rows),
    db
      .update(sessions)
      .set({ ...patch, nextSeq: session.nextSeq + rows.length })
      .where(and(eq(sessions.id, session.id), eq(sessions.userId, session.userId))),
  ]);
  return rows.map((r) => ({ provider: null, model: null, ...r }));
}

/** Completes (or fails) a reply and releases the lock, with the session's new state, in one batch. */
export async function settleReply(
  db: Db,
  session: Pick<SessionRow, 'id' | 'userId'>,
  seq: number,
  reply: Pick<MessageRow, 'content' | 'status' | 'provider' | 'model'>,
  patch: Partial<Pick<SessionRow, 'state' | 'summary' | 'summarizedThrough' | 'updatedAt'>>,
): Promise<void> {
  await db.batch([
    db
      .update(messages)
      .set(reply)
      .where(and(eq(messages.sessionId, session.id), eq(messages.userId, session.userId), eq(messages.seq, seq))),
    db
      .update(sessions)
      .set({ ...patch, inFlightUntil: null })
      .where(and(eq(sessions.id, session.id), eq(sessions.userId, session.userId))),
  ]);
}

export async function endSession(db: Db, userId: string, id: string, now: number): Promise<void> {
  await db
    .update(sessions)
    .set({ status: 'ended', endedAt: new Date(now), updatedAt: new Date(now), inFlightUntil: null })
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)));
}

export async function sessionCritique(db: Db, userId: string, sessionId: string) {
  const [row] = await db
    .select({ body: critiques.body })
    .from(critiques)
    .where(and(eq(critiques.sessionId, sessionId), eq(critiques.userId, userId)))
    .orderBy(desc(critiques.id))
    .limit(1);
  return row?.body;
}

/** Critiques of the user's ended sessions, oldest first, with the session's scenario: the progress history. */
export async function sessionScores(db: Db, userId: string, limit = 500) {
  const rows = await db
    .select({ sessionId: sessions.id, scenarioId: sessions.scenarioId, endedAt: sessions.endedAt, body: critiques.body })
    .from(critiques)
    .innerJoin(sessions, eq(sessions.id, critiques.sessionId))
    .where(and(eq(critiques.userId, userId), eq(sessions.userId, userId)))
    .orderBy(desc(critiques.id))
    .limit(limit);
  return rows.reverse();
}

/** What the user's rehearsals with a manager of this name (case-insensitive) have shown, newest first. */
export async function sessionStatesForManager(db: Db, userId: string, managerName: string, limit = 50) {
  const rows = await db
    .select({ state: sessions.state })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sql`lower(json_extract(${sessions.context}, '$.managerName')) = lower(${managerName})`))
    .orderBy(desc(sessions.id))
    .limit(limit);
  return rows.map((r) => r.state);
}
