import { z } from '@hono/zod-openapi';
import { CheckIdSchema, ModeSchema } from '../rubric.js';
import { CritiquePurposeSchema } from './purpose.js';

export const StepSchema = z.union([z.number().int().min(1).max(5), z.literal('advanced'), z.null()]);

export const CheckResultSchema = z
  .object({
    id: CheckIdSchema,
    kind: z.enum(['move', 'pitfall']),
    step: StepSchema,
    present: z.boolean(),
    /** Verbatim quotes from the user's text; never empty when `present`. */
    evidence: z.array(z.string()),
    /** What to do: shown when a move is missing or a pitfall present. */
    advice: z.string(),
  })
  .openapi('CheckResult');
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const SuggestionSchema = z.object({ quote: z.string(), replacement: z.string(), why: z.string() }).openapi('Suggestion');
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const TopFixSchema = z.object({ check: CheckIdSchema, fix: z.string() }).openapi('TopFix');
export type TopFix = z.infer<typeof TopFixSchema>;

/** The one critique shape: API responses, CLI --json, storage and evals all use it. */
export const CritiqueSchema = z
  .object({
    id: z.string(),
    draftId: z.string().optional(),
    sessionId: z.string().optional(),
    mode: ModeSchema,
    provider: z.enum(['openai', 'offline']),
    model: z.string(),
    promptId: z.string(),
    promptVersion: z.number().int(),
    score: z.number().int().min(0).max(100),
    /** What the message is for, given or detected; the score and top fixes judge it against that. Absent on critiques stored before purposes. */
    purpose: CritiquePurposeSchema.optional(),
    /** One sentence: what to do next in the loop after this message. */
    nextStep: z.string().optional(),
    summary: z.string(),
    checks: z.array(CheckResultSchema),
    topFixes: z.array(TopFixSchema).max(3),
    suggestions: z.array(SuggestionSchema),
    rewrite: z.string(),
    order: z.object({ ok: z.boolean(), note: z.string() }),
    /** Quotes the engine gave that are not in the text, dropped before anything was shown. */
    quotesDropped: z.number().int().min(0),
    /**
     * The text was too long to read in full within the analyzer's time budget
     * (`LOOP_COACH_ANALYSIS_BUDGET_MS`): the checks in `unread` were not read. They are reported not
     * present, the summary says so, no top fix asks for them, and the score cannot reach what only a
     * message with no pitfall at all can score while a pitfall is unread. Absent on a complete critique.
     */
    partial: z
      .literal(true)
      .optional()
      .openapi({ description: 'Present when the text was too long to read in full in the time allowed; `unread` names the checks not read' }),
    unread: z
      .array(CheckIdSchema)
      .optional()
      .openapi({ description: 'Checks not read (reported not present, never asked for as a fix); only on a partial critique' }),
    createdAt: z.iso.datetime(),
  })
  .openapi('Critique');
export type Critique = z.infer<typeof CritiqueSchema>;

/**
 * What an engine (model or offline) answers to the critique prompt. Loose on purpose: ids it
 * should not have sent are ignored rather than failing the request, and everything it claims
 * is checked by our code (quotes verified, score computed) before the user sees it.
 */
export const EngineCritiqueSchema = z.object({
  summary: z.string(),
  checks: z.array(z.object({ id: z.string(), present: z.boolean(), evidence: z.array(z.string()) })),
  suggestions: z.array(SuggestionSchema),
  rewrite: z.string(),
});
export type EngineCritique = z.infer<typeof EngineCritiqueSchema>;
