import { createRoute, z } from '@hono/zod-openapi';
import { CritiqueSchema } from '../coach/critique/critique-schema.js';
import { EntryKindSchema, EntryReadingSchema } from '../coach/loop/entry-reading-schema.js';
import { PersonaOverrideSchema } from '../coach/loop/persona-override.js';
import { RelationshipSchema } from '../coach/loop/relationship-schema.js';
import { TurnReadingSchema } from '../coach/reading/reading-schema.js';
import { MessageSchema, SessionSchema } from '../coach/roleplay/session-schema.js';
import { ModeSchema } from '../coach/rubric.js';
import type { Deps } from '../deps.js';
import { errorResponses } from '../http/problem.js';
import { createRouter } from '../http/router.js';
import { deleteAccount, exportAccount } from '../services/account.js';
import { UserSchema, userJson } from './user-schema.js';

const security = [{ bearer: [] }];

const ExportSchema = z
  .object({
    exportedAt: z.iso.datetime(),
    user: UserSchema,
    /** The account's tokens, never the tokens themselves or their hashes. */
    tokens: z.array(z.object({ id: z.string(), createdAt: z.iso.datetime(), expiresAt: z.iso.datetime(), revokedAt: z.iso.datetime().nullable() })),
    drafts: z.array(z.object({ id: z.string(), mode: ModeSchema, text: z.string(), context: z.record(z.string(), z.string()), createdAt: z.iso.datetime() })),
    /** Every critique kept, of drafts and of ended sessions, oldest first. */
    critiques: z.array(CritiqueSchema),
    /**
     * Sessions as `GET /api/sessions/{id}` shows them, transcript included, with what that view
     * leaves out: the running summary, the persona's state, the counters, each message's engine and reading.
     */
    sessions: z.array(
      SessionSchema.extend({
        summary: z.string(),
        summarizedThrough: z.number().int(),
        state: z.record(z.string(), z.unknown()),
        nextSeq: z.number().int(),
        inFlightUntil: z.iso.datetime().nullable(),
        /** A rehearsal started from a relationship: which, and the persona it was played with. */
        relationshipId: z.string().nullable(),
        personaOverride: PersonaOverrideSchema.nullable(),
        messages: z.array(
          MessageSchema.extend({ provider: z.string().nullable(), model: z.string().nullable(), reading: z.union([TurnReadingSchema, z.null()]) }).openapi(
            'ExportedMessage',
          ),
        ),
      }).openapi('ExportedSession'),
    ),
    /** This minute's request count under the user's id, if any. */
    rateLimits: z.array(z.object({ windowStart: z.iso.datetime(), count: z.number().int() })),
    /** The passkeys that sign in to the account: never their public keys. */
    passkeys: z.array(
      z
        .object({
          id: z.string(),
          credentialId: z.string(),
          name: z.string(),
          signCount: z.number().int(),
          transports: z.array(z.string()),
          backedUp: z.boolean(),
          createdAt: z.iso.datetime(),
          lastUsedAt: z.iso.datetime().nullable(),
        })
        .openapi('ExportedPasskey'),
    ),
    /** When the account's recovery code was made, if it has one: never the code or its hash. */
    recoveryCode: z.object({ createdAt: z.iso.datetime() }).nullable(),
    /** A passkey being added right now (its challenge lives 5 minutes): when, never the challenge itself. */
    passkeyChallenges: z.array(z.object({ purpose: z.enum(['register', 'sign-in']), createdAt: z.iso.datetime(), expiresAt: z.iso.datetime() })),
    /** Each relationship with its journal: each entry's reading as it was made, and the user's corrections of it. */
    relationships: z.array(
      RelationshipSchema.extend({
        entries: z.array(
          z
            .object({
              id: z.string(),
              relationshipId: z.string(),
              kind: EntryKindSchema,
              at: z.iso.datetime(),
              text: z.string(),
              reading: EntryReadingSchema,
              correction: EntryReadingSchema.omit({ source: true }).partial(),
              provider: z.string(),
              model: z.string(),
              createdAt: z.iso.datetime(),
              updatedAt: z.iso.datetime(),
            })
            .openapi('ExportedEntry'),
        ),
      }).openapi('ExportedRelationship'),
    ),
  })
  .openapi('AccountExport');

const me = createRoute({
  method: 'get',
  path: '/',
  tags: ['account'],
  summary: 'The user the token belongs to',
  security,
  responses: {
    200: { description: 'The current user', content: { 'application/json': { schema: z.object({ user: UserSchema }) } } },
    ...errorResponses(401),
  },
});

const exportAll = createRoute({
  method: 'get',
  path: '/export',
  tags: ['account'],
  summary: 'Everything stored about you, as one JSON document',
  security,
  responses: {
    200: { description: 'Your data', content: { 'application/json': { schema: ExportSchema } } },
    ...errorResponses(401),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/',
  tags: ['account'],
  summary: 'Delete your account and everything in it; the token stops working',
  security,
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401) },
});

/** Mounted behind `requireUser`: each handler sees only `c.get('user')`'s rows. */
export function meRoutes(deps: Pick<Deps, 'db' | 'now'>) {
  return createRouter()
    .openapi(me, (c) => c.json({ user: userJson(c.get('user')) }, 200))
    .openapi(exportAll, async (c) => {
      const data = await exportAccount(deps, c.get('user'));
      return c.json({ ...data, user: userJson(data.user) }, 200);
    })
    .openapi(remove, async (c) => {
      await deleteAccount(deps, c.get('user').id);
      return c.body(null, 204);
    });
}
