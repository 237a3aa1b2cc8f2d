import { z } from '@hono/zod-openapi';
import { CheckIdSchema } from '../rubric.js';
import { ActIdSchema, ToneSchema } from './acts.js';

/**
 * What a user turn of a rehearsal did, stored with the turn so the persona, the debrief and progress
 * all use the same reading. `checks` lists only the checks present, each with verbatim quotes.
 */
export const TurnReadingSchema = z
  .object({
    acts: z.array(ActIdSchema),
    checks: z.array(z.object({ id: CheckIdSchema, evidence: z.array(z.string()).min(1) })),
    tone: ToneSchema,
    /**
     * What a question no check places asks for (`asks_other`): permission, a favour, a decision, a
     * fact, or something about the other person themselves.
     */
    asks: z.enum(['permit', 'request', 'decide', 'unknown', 'personal']).optional(),
    /** Who read it: the offline analyzer, or a model (whose quotes our code verified). */
    source: z.enum(['analyzer', 'model']),
    /**
     * The analyzer's time budget ran out before it read the whole turn (`LOOP_COACH_ANALYSIS_BUDGET_MS`):
     * the checks in `unread` were not read, so their absence from `checks` says nothing.
     */
    partial: z
      .literal(true)
      .optional()
      .openapi({ description: 'Present when the turn was too long to read in full in the time allowed; `unread` names the checks not read' }),
    unread: z.array(CheckIdSchema).optional().openapi({ description: 'Checks not read, so not known absent; only on a partial reading' }),
  })
  .openapi('TurnReading');
export type TurnReading = z.infer<typeof TurnReadingSchema>;
