import { and, asc, count, desc, eq, getTableColumns, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { QueryBuilder } from 'drizzle-orm/sqlite-core';
import { all, columnArg, compile, compileQuery, first, run, writeBatch } from '../compiled.js';
import type { TurnReading } from '../../coach/reading/reading-schema.js';
import { critiques, messages, sessions } from '../schema.js';

export type SessionRow = typeof sessions.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
/** What a reply's prompt needs of each earlier message. */
export type HistoryMessage = Pick<MessageRow, 'seq' | 'role' | 'content' | 'status'>;
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

// The statements every turn runs are compiled once (see ../compiled.ts); the rest use the builder.
const ph = sql.placeholder;
const sessionColumns = getTableColumns(sessions);
const messageColumns = getTableColumns(messages);
// The native driver's cost grows with every value it hands back, so the history reads only these.
const historyColumns = { seq: messages.seq, role: messages.role, content: messages.content, status: messages.status };
const ownSession = () => and(eq(sessions.id, ph('id')), eq(sessions.userId, ph('userId')));
type Own = { id: string; userId: string };

const selectSession = compileQuery<Own, SessionRow>(sessionColumns, (w) => w.select().from(sessions).where(ownSession()).limit(1));

export async function getSession(db: Db, userId: string, id: string): Promise<SessionRow | undefined> {
  return first(db, selectSession, { id, userId });
}

/** A session in a list, with the score of its latest critique (null until it has one). */
export type ScoredSessionRow = SessionRow & { score: number | null };

/** Newest first; `cursor` is the last id of the previous page. Fetches `limit + 1` rows: the extra one says whether more exist. */
export async function listSessions(db: Db, userId: string, page: { limit: number; cursor?: string | undefined }): Promise<ScoredSessionRow[]> {
  // One query for the page and its scores, whoever asks (the API's list, the progress page).
  // Qualified by hand: drizzle leaves columns of a one-table select unqualified, which inside the
  // subquery would name the critique's own columns.
  const score = sql<number | null>`(select "c"."score" from ${critiques} as "c"
    where "c"."session_id" = "sessions"."id" and "c"."user_id" = "sessions"."user_id"
    order by "c"."id" desc limit 1)`;
  return db
    .select({ ...sessionColumns, score })
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

const selectMessages = compileQuery<Own & { fromSeq: number }, MessageRow>(messageColumns, (w) =>
  w
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, ph('id')), eq(messages.userId, ph('userId')), gte(messages.seq, ph('fromSeq'))))
    .orderBy(asc(messages.seq)),
);

/** Messages in order, from `fromSeq` on. */
export async function getMessages(db: Db, userId: string, sessionId: string, fromSeq = 0): Promise<MessageRow[]> {
  return all(db, selectMessages, { id: sessionId, userId, fromSeq });
}

/** A lock whose deadline passed (a crashed process) is free again. */
const unlocked = () => or(isNull(sessions.inFlightUntil), lt(sessions.inFlightUntil, ph('now')));

const lockStatement = compileQuery<Own & { now: Date; until: Date; token: string }, SessionRow>(sessionColumns, (w) =>
  w
    .update(sessions)
    .set({ inFlightUntil: columnArg(sessions.inFlightUntil, 'until'), turnToken: columnArg(sessions.turnToken, 'token') })
    .where(and(ownSession(), unlocked()))
    .returning(),
);

/**
 * Takes the session's turn lock under `token` until `until`: one statement, so of two concurrent
 * turns exactly one wins. Returns the locked row, or undefined.
 */
export async function lockSession(db: Db, userId: string, id: string, lease: { now: number; until: number; token: string }): Promise<SessionRow | undefined> {
  return first(db, lockStatement, { id, userId, now: new Date(lease.now), until: new Date(lease.until), token: lease.token });
}

const renewStatement = compile<Own & { token: string; until: Date }>((w) =>
  w
    .update(sessions)
    .set({ inFlightUntil: columnArg(sessions.inFlightUntil, 'until') })
    .where(and(ownSession(), eq(sessions.turnToken, ph('token')))),
);

/** Extends the lock taken under `token` to `until`; false when the lock is no longer this holder's. */
export async function renewLock(db: Db, userId: string, id: string, token: string, until: number): Promise<boolean> {
  return (await run(db, renewStatement, { id, userId, token, until: new Date(until) })) > 0;
}

const unlockStatement = compile<Own>((w) => w.update(sessions).set({ inFlightUntil: null, turnToken: null }).where(ownSession()));

export async function unlockSession(db: Db, userId: string, id: string): Promise<void> {
  await run(db, unlockStatement, { id, userId });
}

type TurnArgs = Own & { token: string; now: Date; until: Date; maxTurns: number; reach: number };

/**
 * A turn's first write, in one batch (one round trip): take the lock of an active session under
 * its turn limit, count the turn, store the user's words and a pending reply after it, and read
 * the history the reply needs. The statements after the lock act only on a session holding this
 * turn's token, so when the lock is not taken the batch changes nothing and returns no session.
 */
const beginTurnStatements = {
  lock: compileQuery<TurnArgs, SessionRow>(sessionColumns, (w) =>
    w
      .update(sessions)
      .set({
        inFlightUntil: columnArg(sessions.inFlightUntil, 'until'),
        turnToken: columnArg(sessions.turnToken, 'token'),
        userTurns: sql`${sessions.userTurns} + 1`,
        nextSeq: sql`${sessions.nextSeq} + 2`,
        updatedAt: columnArg(sessions.updatedAt, 'now'),
      })
      .where(and(ownSession(), eq(sessions.status, 'active'), lt(sessions.userTurns, ph('maxTurns')), unlocked()))
      .returning(),
  ),
  // seq counts back from the new next_seq: the user's turn is next_seq - 2, the reply next_seq - 1.
  append: compile<
    TurnArgs & { createdAtMs: number; back: number; role: string; content: string; status: string; provider: string | null; model: string | null }
  >((w) =>
    w.insert(messages).select((qb: QueryBuilder) =>
      qb
        .select({
          sessionId: sessions.id,
          seq: sql<number>`${sessions.nextSeq} - ${ph('back')}`.as('seq'),
          userId: sessions.userId,
          role: sql`${ph('role')}`.as('role'),
          content: sql`${ph('content')}`.as('content'),
          status: sql`${ph('status')}`.as('status'),
          provider: sql`${ph('provider')}`.as('provider'),
          model: sql`${ph('model')}`.as('model'),
          // Set when the reply settles: the turn is read after it is safely stored.
          reading: sql`null`.as('reading'),
          createdAt: sql`${ph('createdAtMs')}`.as('created_at'),
        })
        .from(sessions)
        .where(and(ownSession(), eq(sessions.turnToken, ph('token')))),
    ),
  ),
  // From the summary's end, or `reach` messages back from the reply, whichever is later.
  history: compileQuery<TurnArgs, HistoryMessage>(historyColumns, (w) =>
    w
      .select(historyColumns)
      .from(messages)
      .where(
        and(
          eq(messages.sessionId, ph('id')),
          eq(messages.userId, ph('userId')),
          gte(
            messages.seq,
            sql`(select max(${sessions.summarizedThrough}, ${sessions.nextSeq} - 1 - ${ph('reach')}) from ${sessions}
              where ${ownSession()} and ${sessions.turnToken} = ${ph('token')})`,
          ),
        ),
      )
      .orderBy(asc(messages.seq)),
  ),
};

export interface BegunTurn {
  /** The session after the lock, with this turn counted. */
  session: SessionRow;
  userMessage: MessageRow;
  replySeq: number;
  /** Messages from `reach` before the reply (or the summary's end) through the pending reply. */
  history: HistoryMessage[];
}

/**
 * Begins a user turn (see `beginTurnStatements`); undefined when the session is missing, not
 * the user's, ended, at its turn limit or locked by another turn.
 */
export async function beginTurnWrite(
  db: Db,
  input: {
    userId: string;
    id: string;
    text: string;
    now: number;
    until: number;
    maxTurns: number;
    provider: string;
    model: string;
    reach: number;
    token: string;
  },
): Promise<BegunTurn | undefined> {
  const args: TurnArgs = {
    id: input.id,
    userId: input.userId,
    token: input.token,
    maxTurns: input.maxTurns,
    reach: input.reach,
    now: new Date(input.now),
    until: new Date(input.until),
  };
  const common = { ...args, createdAtMs: input.now };
  const [locked, , , history] = await writeBatch(db, [
    beginTurnStatements.lock.statement(args),
    beginTurnStatements.append.statement({ ...common, back: 2, role: 'user', content: input.text, status: 'complete', provider: null, model: null }),
    beginTurnStatements.append.statement({ ...common, back: 1, role: 'persona', content: '', status: 'pending', provider: input.provider, model: input.model }),
    beginTurnStatements.history.statement(args),
  ]);
  const row = locked?.[0];
  if (!row) return undefined;
  const session = beginTurnStatements.lock.decode(row);
  const replySeq = session.nextSeq - 1;
  const userMessage: MessageRow = {
    sessionId: session.id,
    seq: replySeq - 1,
    userId: session.userId,
    role: 'user',
    content: input.text,
    status: 'complete',
    provider: null,
    model: null,
    reading: null,
    createdAt: new Date(input.now),
  };
  const rows = (history ?? []).map((r) => beginTurnStatements.history.decode(r));
  return { session, userMessage, replySeq, history: rows };
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
  return rows.map((r) => ({ provider: null, model: null, reading: null, ...r }));
}

type SettleArgs = Own & Pick<MessageRow, 'seq' | 'content' | 'status' | 'provider' | 'model'>;
const settleStatements = {
  reply: compile<SettleArgs>((w) =>
    w
      .update(messages)
      .set({
        content: columnArg(messages.content, 'content'),
        status: columnArg(messages.status, 'status'),
        provider: columnArg(messages.provider, 'provider'),
        model: columnArg(messages.model, 'model'),
      })
      .where(and(eq(messages.sessionId, ph('id')), eq(messages.userId, ph('userId')), eq(messages.seq, ph('seq')))),
  ),
  reading: compile<Own & Pick<MessageRow, 'seq' | 'reading'>>((w) =>
    w
      .update(messages)
      .set({ reading: columnArg(messages.reading, 'reading') })
      .where(and(eq(messages.sessionId, ph('id')), eq(messages.userId, ph('userId')), eq(messages.seq, ph('seq')))),
  ),
  unlock: unlockStatement,
  unlockWithState: compile<Own & Pick<SessionRow, 'state' | 'summary' | 'summarizedThrough' | 'updatedAt'>>((w) =>
    w
      .update(sessions)
      .set({
        state: columnArg(sessions.state, 'state'),
        summary: columnArg(sessions.summary, 'summary'),
        summarizedThrough: columnArg(sessions.summarizedThrough, 'summarizedThrough'),
        updatedAt: columnArg(sessions.updatedAt, 'updatedAt'),
        inFlightUntil: null,
        turnToken: null,
      })
      .where(ownSession()),
  ),
};

/**
 * Completes (or fails) a reply and releases the lock in one batch; a completed reply also saves
 * the session's new state and the reading of the user turn it answers (the message before it).
 */
export async function settleReply(
  db: Db,
  session: Pick<SessionRow, 'id' | 'userId'>,
  seq: number,
  reply: Pick<MessageRow, 'content' | 'status' | 'provider' | 'model'>,
  patch?: Pick<SessionRow, 'state' | 'summary' | 'summarizedThrough' | 'updatedAt'> & { reading?: TurnReading },
): Promise<void> {
  const own = { id: session.id, userId: session.userId };
  if (!patch) {
    await writeBatch(db, [settleStatements.reply.statement({ ...own, seq, ...reply }), settleStatements.unlock.statement(own)]);
    return;
  }
  const { reading, ...state } = patch;
  await writeBatch(db, [
    settleStatements.reply.statement({ ...own, seq, ...reply }),
    ...(reading ? [settleStatements.reading.statement({ ...own, seq: seq - 1, reading })] : []),
    settleStatements.unlockWithState.statement({ ...own, ...state }),
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
