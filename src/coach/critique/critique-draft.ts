import { z } from '@hono/zod-openapi';
import { countDrafts, critiquesForManager, insertCritique, insertDraft, type DraftRow } from '../../db/queries/drafts.js';
import { sessionStatesForManager } from '../../db/queries/sessions.js';
import type { Deps } from '../../deps.js';
import { AppError, PayloadTooLargeError, RuleViolationError } from '../../errors.js';
import { stateFrom } from '../roleplay/turn-state.js';
import { ModeSchema } from '../rubric.js';
import { userText } from '../user-text.js';
import type { Critique } from './critique-schema.js';
import { EARNING_CHECKS } from './order-check.js';
import { runCritique, type CritiqueContext } from './run-critique.js';

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
  })
  .strict()
  .openapi('CritiqueDraftRequest');
type DraftInput = z.infer<typeof CritiqueDraftBodySchema>;

type DraftDeps = Pick<Deps, 'db' | 'model' | 'newId' | 'now' | 'config'>;

/** Saves the draft before any model is called, so a failed critique can be retried without retyping. */
export async function saveDraft(deps: DraftDeps, userId: string, input: DraftInput): Promise<DraftRow> {
  if (input.text.length > deps.config.draftMaxChars) {
    throw new PayloadTooLargeError(`The text has ${input.text.length} characters; the limit is ${deps.config.draftMaxChars}.`);
  }
  // A cap on what one account can store, so no single user can grow the database without bound.
  if ((await countDrafts(deps.db, userId)) >= deps.config.maxDrafts) {
    throw new RuleViolationError(
      'draft_limit',
      `You have ${deps.config.maxDrafts} saved drafts, the most an account can keep; delete some (DELETE /api/drafts/{id}) to save new ones.`,
    );
  }
  return insertDraft(deps.db, {
    id: deps.newId('drf'),
    userId,
    mode: input.mode,
    text: input.text,
    context: input.context ?? {},
    createdAt: new Date(deps.now()),
  });
}

/** Critiques a saved draft and stores the critique. Used by the API and the web pages alike. */
export async function critiqueDraft(deps: DraftDeps, userId: string, draft: DraftRow): Promise<Critique> {
  const context = draft.context as CritiqueContext;
  try {
    const earnedBefore = context.managerName ? await hasEarnedBefore(deps, userId, context.managerName, draft.id) : false;
    const result = await runCritique(deps, { text: draft.text, mode: draft.mode, context, earnedBefore, draftId: draft.id });
    await insertCritique(deps.db, userId, result);
    return result;
  } catch (err) {
    // The draft is saved whatever happened: tell the client how to try again without retyping it.
    if (err instanceof AppError) err.details = { ...(err.details as object | undefined), draftId: draft.id };
    throw err;
  }
}

/** Steps 1-3 shown before to this manager: in an earlier draft's critique, or in a rehearsal's turns. */
async function hasEarnedBefore(deps: DraftDeps, userId: string, managerName: string, draftId: string): Promise<boolean> {
  const earlier = await critiquesForManager(deps.db, userId, managerName, draftId);
  if (earlier.some((c) => c.checks.some((check) => check.present && EARNING_CHECKS.includes(check.id)))) return true;
  const rehearsals = await sessionStatesForManager(deps.db, userId, managerName);
  return rehearsals.some((state) => EARNING_CHECKS.some((id) => stateFrom(state).seen[id] !== undefined));
}
