import { z } from '@hono/zod-openapi';
import { CritiqueSchema } from '../critique/critique-schema.js';
import { PurposeSchema } from '../critique/purpose.js';
import { DifficultySchema } from '../roleplay/session-schema.js';
import { CheckIdSchema, ModeSchema } from '../rubric.js';
import { userText } from '../user-text.js';
import { EntryKindSchema, RelationSchema, StoredCommitmentSchema } from './entry-reading-schema.js';
import { CommitmentSchema, LoopStateSchema } from './loop-state.js';
import { StopLoopingSchema } from './stop-looping.js';

// The API's shapes for relationships, their journal, the loop and the plan: one schema per shape,
// shared by the routes, the OpenAPI document and the services.

/** One line of the user's own text: trimmed, at least one character, at most `max`. */
const line = (max: number) => userText().trim().min(1).max(max);

/**
 * A person's name as the user writes it: letters (any script), spaces, and the marks names carry.
 * It names the person in prompts and in the rehearsal's persona, so nothing shaped like an
 * instruction (no colons, no line breaks, no quotes) passes.
 */
const PersonName = line(60).regex(/^[\p{L}\p{M}][\p{L}\p{M}\p{N} .'’()-]*$/u, "letters, spaces and . ' ( ) - only");

const RelationshipFields = {
  name: PersonName,
  role: line(100).nullable().optional(),
  relation: RelationSchema,
  style: line(300)
    .nullable()
    .optional()
    .openapi({ description: 'A persona style id (GET /api/personas) or your own words for how they work and talk, at most 300 characters' }),
  knownPriorities: z.array(line(200)).max(10).optional().openapi({ description: 'What you already know they care about, one item each' }),
  yourGoal: line(300)
    .nullable()
    .optional()
    .openapi({ description: 'The concrete goal you want to work toward with them: a role, a level, a skill, a project' }),
};

export const CreateRelationshipSchema = z.object(RelationshipFields).strict().openapi('CreateRelationship');
export type CreateRelationship = z.infer<typeof CreateRelationshipSchema>;

export const UpdateRelationshipSchema = z
  .object({ ...RelationshipFields, name: PersonName.optional(), relation: RelationSchema.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'names nothing to change')
  .openapi('UpdateRelationship');
export type UpdateRelationship = z.infer<typeof UpdateRelationshipSchema>;

export const RelationshipSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string().nullable(),
    relation: RelationSchema,
    style: z.string().nullable(),
    knownPriorities: z.array(z.string()),
    yourGoal: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Relationship');

export const RelationshipWithStateSchema = RelationshipSchema.extend({ state: LoopStateSchema }).openapi('RelationshipWithState');

export const CreateEntrySchema = z
  .object({
    kind: EntryKindSchema,
    at: z.iso.datetime({ offset: true }).openapi({ description: 'When the conversation happened or the message was sent; "by Friday" counts from here' }),
    // Not trimmed: the reading's quotes are slices of exactly what the user wrote.
    text: userText().refine((t) => t.trim().length > 0, 'is empty: write what was said'),
  })
  .strict()
  .openapi('CreateEntry');
export type CreateEntry = z.infer<typeof CreateEntrySchema>;

/** An entry's reading as shown: the user's corrections applied, commitments named across the relationship. */
const EntryReadingViewSchema = z
  .object({
    checks: z.array(z.object({ id: CheckIdSchema, evidence: z.array(z.string()) })),
    needs: z.array(z.string()),
    commitments: z.array(CommitmentSchema),
    feedback: z.array(z.string()),
    goalEngaged: z.boolean().nullable(),
    source: z.enum(['analyzer', 'model']),
  })
  .openapi('EntryReading');

export const EntrySchema = z
  .object({
    id: z.string(),
    relationshipId: z.string(),
    kind: EntryKindSchema,
    at: z.iso.datetime(),
    text: z.string(),
    reading: EntryReadingViewSchema,
    /** The reading's fields the user corrected (PATCH): what is shown for them is the user's. */
    corrected: z.array(z.string()),
    provider: z.string(),
    model: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Entry');

/** A commitment as the user corrects it: its id is given again by its place in the list. */
const CorrectedCommitmentSchema = z
  .object({
    text: line(300),
    owner: z.enum(['me', 'them']),
    due: z.iso.date().nullable(),
    when: line(100).nullable().optional(),
    status: StoredCommitmentSchema.shape.status.optional(),
  })
  .strict();

export const CorrectEntrySchema = z
  .object({
    checks: z
      .array(z.object({ id: CheckIdSchema, evidence: z.array(userText().min(1).max(2_000)).min(1).max(10) }).strict())
      .max(20)
      .optional()
      .openapi({ description: "The checks your own words show, each with quotes copied from the entry's text" }),
    needs: z.array(line(500)).max(20).optional(),
    commitments: z.array(CorrectedCommitmentSchema).max(20).optional(),
    feedback: z.array(line(500)).max(20).optional(),
    goalEngaged: z.boolean().nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'names nothing to correct')
  .openapi('CorrectEntry');
export type CorrectEntry = z.infer<typeof CorrectEntrySchema>;

export const CommitmentStatusSchema = z
  .object({ status: z.enum(['open', 'done']) })
  .strict()
  .openapi('CommitmentStatus');

export const PlanSchema = z
  .object({
    relationshipId: z.string(),
    state: LoopStateSchema,
    /** What to report: your commitments done, on track or late. */
    report: z.array(z.string()),
    /** What to ask. */
    ask: z.array(z.string()),
    /** What to offer: a piece of what they care about. */
    offer: z.array(z.string()),
    /** Whether it is time for the step-4 ask (your goal, linked to their needs): never before help is on record. */
    step4: z.object({ time: z.boolean(), reason: z.string() }),
    /** A message for the next conversation, critiqued against its purpose. */
    draft: z.object({ text: z.string(), mode: ModeSchema, purpose: PurposeSchema.nullable(), critique: CritiqueSchema }),
    stopLooping: StopLoopingSchema,
  })
  .openapi('Plan');

export const RehearseBodySchema = z
  .object({ difficulty: DifficultySchema.default('medium'), goal: line(300).optional() })
  .strict()
  .openapi('Rehearse');
