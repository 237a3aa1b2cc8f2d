import { z } from '@hono/zod-openapi';
import { ModeSchema } from '../rubric.js';
import { PurposeSchema } from './purpose.js';
import { userText } from '../user-text.js';

export const DraftContextSchema = z
  .object({
    managerName: userText().trim().min(1).max(100).optional(),
    goal: userText().trim().min(1).max(500).optional(),
    relationship: userText().trim().min(1).max(200).optional(),
  })
  .strict()
  .openapi('DraftContext');

export const CritiqueDraftBodySchema = z
  .object({
    // Not trimmed: evidence quotes are slices of exactly what the user wrote.
    text: userText().refine((t) => t.trim().length > 0, 'is empty: paste the message you want feedback on'),
    mode: ModeSchema.default('employee').openapi({ description: 'employee: a message to your manager; manager: to someone who reports to you' }),
    context: DraftContextSchema.optional(),
    purpose: PurposeSchema.optional(),
  })
  .strict()
  .refine((body) => body.purpose === undefined || body.mode === 'employee', {
    path: ['purpose'],
    message: 'applies to messages to your manager (mode employee); a manager-mode message has one purpose',
  })
  .openapi('CritiqueDraftRequest');

/** Critiquing a saved draft again, optionally against a purpose the user now names. */
export const CritiqueAgainBodySchema = z.object({ purpose: PurposeSchema.optional() }).strict().openapi('CritiqueAgainRequest');
export type DraftInput = z.infer<typeof CritiqueDraftBodySchema>;
