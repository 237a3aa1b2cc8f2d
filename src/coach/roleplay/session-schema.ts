import { z } from '@hono/zod-openapi';
import { CritiqueSchema } from '../critique/critique-schema.js';
import { ModeSchema } from '../rubric.js';
import { userText } from '../user-text.js';
import { DIFFICULTIES, PERSONA_IDS, SCENARIO_IDS } from '../scenarios/index.js';

export const ScenarioIdSchema = z.enum(SCENARIO_IDS);
export const PersonaIdSchema = z.enum(PERSONA_IDS);
export const DifficultySchema = z.enum(DIFFICULTIES);

export const MessageSchema = z
  .object({
    id: z.string(),
    role: z.enum(['user', 'persona', 'coach']),
    content: z.string(),
    status: z.enum(['complete', 'pending', 'failed']),
    createdAt: z.iso.datetime(),
  })
  .openapi('Message');
export type MessageJson = z.infer<typeof MessageSchema>;

export const DiscoverySchema = z
  .object({
    id: z.enum(['need', 'perception', 'assumption', 'offer']),
    fact: z.string(),
    uncovered: z.boolean(),
    /** Not uncovered, though the user made a move that earns it: the persona held back (a guarded one needs more than one). */
    heldBack: z.boolean(),
    /** The user's words that earned it. */
    evidence: z.array(z.string()),
  })
  .openapi('Discovery');

export const BriefSchema = z.object({ situation: z.string(), facts: z.array(z.object({ id: z.string(), fact: z.string() })) }).openapi('Brief');

export const SessionSummarySchema = z
  .object({
    id: z.string(),
    scenarioId: ScenarioIdSchema,
    personaId: PersonaIdSchema,
    difficulty: DifficultySchema,
    mode: ModeSchema,
    goal: z.string().nullable(),
    status: z.enum(['active', 'ended']),
    provider: z.string(),
    model: z.string(),
    userTurns: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
    score: z.number().int().nullable(),
  })
  .openapi('SessionSummary');

export const SessionSchema = SessionSummarySchema.extend({
  context: z.record(z.string(), z.string()),
  messages: z.array(MessageSchema),
  /** Present once the session has ended. */
  critique: CritiqueSchema.optional(),
  discoveries: z.array(DiscoverySchema).optional(),
  /** For next time: the facts not found and how to find them, then the critique's top fixes. */
  hints: z.array(z.string()).optional(),
  brief: BriefSchema.optional(),
}).openapi('Session');
export type SessionJson = z.infer<typeof SessionSchema>;

export const CreateSessionSchema = z
  .object({
    scenarioId: ScenarioIdSchema,
    personaId: PersonaIdSchema.optional(),
    difficulty: DifficultySchema.default('medium'),
    goal: userText().trim().min(1).max(300).optional(),
    context: z
      .object({ managerName: userText().trim().min(1).max(100).optional(), reportName: userText().trim().min(1).max(100).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('CreateSession');

export const TurnBodySchema = z
  .object({ text: userText().refine((t) => t.trim().length > 0, 'is empty: say something to continue the rehearsal') })
  .strict()
  .openapi('Turn');

export const TurnResultSchema = z.object({ userMessage: MessageSchema, reply: MessageSchema }).openapi('TurnResult');

export const EndResultSchema = z
  .object({
    session: SessionSchema,
    critique: CritiqueSchema,
    discoveries: z.array(DiscoverySchema),
    hints: z.array(z.string()),
    brief: BriefSchema,
  })
  .openapi('SessionEnd');
