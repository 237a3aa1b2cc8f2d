import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Every row holding user content carries `userId` and `createdAt`, and every query in
 * `queries/` filters on `userId`: a row that belongs to someone else is simply not found.
 * Timestamps are epoch milliseconds; the API renders them as ISO 8601.
 */
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();
const owner = () =>
  text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['guest'] }).notNull(),
  createdAt: createdAt(),
});

export const authTokens = sqliteTable(
  'auth_tokens',
  {
    id: text('id').primaryKey(),
    userId: owner(),
    /** SHA-256 of the token, hex: the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('auth_tokens_hash_idx').on(t.tokenHash), index('auth_tokens_user_idx').on(t.userId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: owner(),
    mode: text('mode', { enum: ['employee', 'manager'] }).notNull(),
    scenarioId: text('scenario_id').notNull(),
    personaId: text('persona_id').notNull(),
    difficulty: text('difficulty', { enum: ['easy', 'medium', 'hard'] }).notNull(),
    goal: text('goal'),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    /** Persona state the engine carries between turns (discoveries so far, mood), as JSON. */
    state: text('state', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    turnCount: integer('turn_count').notNull().default(0),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('sessions_user_created_idx').on(t.userId, t.createdAt)],
);

/** Keyed on (session, seq) so a turn's history is one range read in order. */
export const messages = sqliteTable(
  'messages',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    userId: owner(),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    content: text('content').notNull(),
    /** `pending` while the reply is being produced, `failed` when it can be retried. */
    status: text('status', { enum: ['ok', 'pending', 'failed'] }).notNull(),
    provider: text('provider'),
    model: text('model'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

export const drafts = sqliteTable(
  'drafts',
  {
    id: text('id').primaryKey(),
    userId: owner(),
    mode: text('mode', { enum: ['employee', 'manager'] }).notNull(),
    text: text('text').notNull(),
    /** Optional context such as the manager's name, as JSON. */
    context: text('context', { mode: 'json' }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
  },
  (t) => [index('drafts_user_created_idx').on(t.userId, t.createdAt)],
);

export const critiques = sqliteTable(
  'critiques',
  {
    id: text('id').primaryKey(),
    userId: owner(),
    draftId: text('draft_id').references(() => drafts.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: ['employee', 'manager'] }).notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    promptId: text('prompt_id').notNull(),
    promptVersion: integer('prompt_version').notNull(),
    score: integer('score').notNull(),
    /** The full critique as the API returns it, so what the user saw is what we keep. */
    body: text('body', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('critiques_user_created_idx').on(t.userId, t.createdAt),
    index('critiques_draft_idx').on(t.draftId),
    index('critiques_session_idx').on(t.sessionId),
  ],
);
