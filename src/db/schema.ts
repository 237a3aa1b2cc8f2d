import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { TurnReading } from '../coach/reading/reading-schema.js';
import type { Critique } from '../coach/critique/critique-schema.js';
import type { EntryCorrection, EntryReading } from '../coach/loop/entry-reading-schema.js';
import type { PersonaOverride } from '../coach/loop/persona-override.js';
import type { PasskeyPublicKey } from '../auth/webauthn/verify.js';

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
  // By expiry: the purge of expired guests reads the oldest tokens first.
  (t) => [uniqueIndex('auth_tokens_hash_idx').on(t.tokenHash), index('auth_tokens_user_idx').on(t.userId), index('auth_tokens_expires_idx').on(t.expiresAt)],
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
    /** Optional context such as the manager's name, as JSON. */
    context: text('context', { mode: 'json' })
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'`),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    /** What the persona has learned and revealed so far (see coach/roleplay/state.ts), as JSON. */
    state: text('state', { mode: 'json' })
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'`),
    /** A random token planted in the hidden brief: a reply containing it is a leak. */
    canary: text('canary').notNull(),
    /** Running summary of the turns before `summarizedThrough`, so prompts stay bounded. */
    summary: text('summary').notNull().default(''),
    summarizedThrough: integer('summarized_through').notNull().default(0),
    /** Set while a reply is being produced; a crashed turn unlocks itself when it passes. */
    inFlightUntil: integer('in_flight_until', { mode: 'timestamp_ms' }),
    /**
     * A random token naming the turn that holds the lock, so the turn's later statements in the
     * same batch (its messages, its history read) act only if its own lock was taken.
     */
    turnToken: text('turn_token'),
    userTurns: integer('user_turns').notNull().default(0),
    nextSeq: integer('next_seq').notNull().default(0),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    /** A rehearsal with a real person: the relationship it was started from, and the persona built from it. */
    relationshipId: text('relationship_id').references(() => relationships.id, { onDelete: 'set null' }),
    personaOverride: text('persona_override', { mode: 'json' }).$type<PersonaOverride>(),
  },
  // Lists page newest first by id (ids sort by creation): (user, id) serves them without a sort.
  (t) => [index('sessions_user_id_idx').on(t.userId, t.id)],
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
    /** `user` in every scenario; `persona` is the model's side; `coach` is a hint. */
    role: text('role', { enum: ['user', 'persona', 'coach'] }).notNull(),
    content: text('content').notNull(),
    /** `pending` while the reply is produced; `failed` when it can be retried. */
    status: text('status', { enum: ['complete', 'pending', 'failed'] }).notNull(),
    provider: text('provider'),
    model: text('model'),
    /** A user turn's reading (acts, checks with quotes, tone), stored when its reply settles. */
    reading: text('reading', { mode: 'json' }).$type<TurnReading>(),
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
    context: text('context', { mode: 'json' })
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'`),
    createdAt: createdAt(),
  },
  (t) => [index('drafts_user_id_idx').on(t.userId, t.id)],
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
    body: text('body', { mode: 'json' }).$type<Critique>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('critiques_user_id_idx').on(t.userId, t.id), index('critiques_draft_idx').on(t.draftId), index('critiques_session_idx').on(t.sessionId)],
);

/** The people the user runs the loop with (a manager, a skip-level, a new manager after a reorg) or manages. */
export const relationships = sqliteTable(
  'relationships',
  {
    id: text('id').primaryKey(),
    userId: owner(),
    name: text('name').notNull(),
    role: text('role'),
    relation: text('relation', { enum: ['manager', 'skip-level', 'report', 'other'] }).notNull(),
    /** A persona style id (content/personas) or free text. */
    style: text('style'),
    knownPriorities: text('known_priorities', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    yourGoal: text('your_goal'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('relationships_user_id_idx').on(t.userId, t.id)],
);

/** The journal of real conversations with one person, each with its reading and the user's corrections of it. */
export const relationshipEntries = sqliteTable(
  'relationship_entries',
  {
    id: text('id').primaryKey(),
    userId: owner(),
    relationshipId: text('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['one-on-one', 'message', 'note'] }).notNull(),
    /** When the conversation happened (or the message was sent); relative dates in the text resolve against it. */
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    text: text('text').notNull(),
    /** The reading as the engine made it, kept as made. */
    reading: text('reading', { mode: 'json' }).$type<EntryReading>().notNull(),
    /** The user's corrections: each field named replaces the reading's. Marking a commitment done is one. */
    correction: text('correction', { mode: 'json' })
      .$type<EntryCorrection>()
      .notNull()
      .default(sql`'{}'`),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('relationship_entries_relationship_idx').on(t.relationshipId, t.at), index('relationship_entries_user_id_idx').on(t.userId, t.id)],
);

/**
 * Fixed one-minute windows of request counts per key (a user, later also a client address).
 * In the database, not in memory, because Worker isolates share nothing: every isolate in every
 * region must see the same count. One upsert per request keeps it atomic.
 */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * A guest's passkeys (WebAuthn credentials): how they sign in again once the cookie is gone, on
 * this device or another holding the passkey. Only the public key is stored; the private key
 * never leaves the person's authenticator.
 */
export const passkeys = sqliteTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    userId: owner(),
    /** The authenticator's id for the credential, base64url: what a sign-in names. */
    credentialId: text('credential_id').notNull(),
    publicKey: text('public_key', { mode: 'json' }).$type<PasskeyPublicKey>().notNull(),
    /** The authenticator's signature counter as last seen (0 for those that keep none). */
    signCount: integer('sign_count').notNull(),
    /** How the browser said it reaches the authenticator (`internal`, `hybrid`, `usb`…), offered back when adding another. */
    transports: text('transports', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Synced to the person's other devices (the authenticator's backup state), as last seen. */
    backedUp: integer('backed_up', { mode: 'boolean' }).notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('passkeys_credential_idx').on(t.credentialId), index('passkeys_user_id_idx').on(t.userId, t.id)],
);

/** A guest's one recovery code, as its SHA-256: a new one replaces it, and signing in with it uses it up. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    userId: owner().primaryKey(),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_hash_idx').on(t.codeHash)],
);

/**
 * The challenges of passkey ceremonies under way: random values the browser has its authenticator
 * sign. Each is used up by the first answer naming it, and dies after a few minutes unanswered. A
 * registration's belongs to the guest adding the passkey; a sign-in's belongs to no one yet.
 */
export const passkeyChallenges = sqliteTable(
  'passkey_challenges',
  {
    challenge: text('challenge').primaryKey(),
    purpose: text('purpose', { enum: ['register', 'sign-in'] }).notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('passkey_challenges_expires_idx').on(t.expiresAt), index('passkey_challenges_user_idx').on(t.userId)],
);
