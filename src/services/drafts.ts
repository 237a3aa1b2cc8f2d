import { EARNING_CHECKS } from '../coach/critique/order-check.js';
import type { Critique } from '../coach/critique/critique-schema.js';
import type { Purpose } from '../coach/critique/purpose.js';
import type { DraftInput } from '../coach/critique/draft-schema.js';
import { runCritique } from '../coach/critique/run-critique.js';
import type { CritiqueContext } from '../coach/engine.js';
import { stateFrom } from '../coach/roleplay/turn-state.js';
import {
  countDrafts,
  critiquesForManager,
  deleteDraft as deleteDraftRow,
  getDraft,
  insertCritique,
  insertDraft,
  latestCritiques,
  listDrafts as listDraftRows,
  type DraftRow,
} from '../db/queries/drafts.js';
import { sessionStatesForManager } from '../db/queries/sessions.js';
import type { Deps } from '../deps.js';
import { AppError, NotFoundError, PayloadTooLargeError, RuleViolationError } from '../errors.js';
import { analysisBudget } from './analysis-budget.js';
import { toPage, type Page, type PageQuery } from './page.js';

export type { DraftRow } from '../db/queries/drafts.js';

type DraftDeps = Pick<Deps, 'db' | 'engine' | 'newId' | 'now' | 'config' | 'analysisClock'>;

/** A draft with its latest critique; `critique` is absent when every attempt failed. */
export interface DraftView {
  draft: DraftRow;
  critique?: Critique | undefined;
}

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

/** Critiques a saved draft and stores the critique. */
export async function critiqueDraft(deps: DraftDeps, userId: string, draft: DraftRow, purpose?: Purpose): Promise<Critique> {
  const context = draft.context as CritiqueContext;
  try {
    const earlier = context.managerName ? await critiquesForManager(deps.db, userId, context.managerName, draft.id) : [];
    const earnedBefore = context.managerName ? await hasEarnedBefore(deps, userId, context.managerName, earlier) : false;
    // The last message to the same manager says where the loop stands, for a message that shows no purpose of its own.
    const previousPurpose = earlier.map((c) => c.purpose?.step).find((step): step is Purpose => step !== undefined && step !== null);
    const result = await runCritique(deps, {
      text: draft.text,
      mode: draft.mode,
      context,
      earnedBefore,
      draftId: draft.id,
      ...(purpose !== undefined && { purpose }),
      ...(previousPurpose !== undefined && { previousPurpose }),
      budget: analysisBudget(deps),
    });
    await insertCritique(deps.db, userId, result);
    return result;
  } catch (err) {
    // The draft is saved whatever happened: tell the client how to try again without retyping it.
    if (err instanceof AppError) err.details = { ...(err.details as object | undefined), draftId: draft.id };
    throw err;
  }
}

/** Steps 1-3 shown before to this manager: in an earlier draft's critique, or in a rehearsal's turns. */
async function hasEarnedBefore(deps: DraftDeps, userId: string, managerName: string, earlier: readonly Critique[]): Promise<boolean> {
  if (earlier.some((c) => c.checks.some((check) => check.present && EARNING_CHECKS.includes(check.id)))) return true;
  const rehearsals = await sessionStatesForManager(deps.db, userId, managerName);
  return rehearsals.some((state) => EARNING_CHECKS.some((id) => stateFrom(state).seen[id] !== undefined));
}

/** The user's draft, or undefined: for callers that answer a missing one their own way (a page). */
export function findDraft(deps: Pick<Deps, 'db'>, userId: string, id: string): Promise<DraftRow | undefined> {
  return getDraft(deps.db, userId, id);
}

/** The user's draft; another user's is as missing as one that never existed. */
export async function ownDraft(deps: Pick<Deps, 'db'>, userId: string, id: string): Promise<DraftRow> {
  const draft = await getDraft(deps.db, userId, id);
  if (!draft) throw new NotFoundError('No such draft.');
  return draft;
}

export async function viewDraft(deps: Pick<Deps, 'db'>, draft: DraftRow): Promise<DraftView> {
  return { draft, critique: (await latestCritiques(deps.db, draft.userId, [draft.id])).get(draft.id) };
}

/** The user's drafts, newest first, each with its latest critique. */
export async function listDrafts(deps: Pick<Deps, 'db'>, userId: string, query: PageQuery): Promise<Page<DraftView>> {
  const page = toPage(await listDraftRows(deps.db, userId, query), query.limit);
  const latest = await latestCritiques(
    deps.db,
    userId,
    page.items.map((d) => d.id),
  );
  return { items: page.items.map((draft) => ({ draft, critique: latest.get(draft.id) })), nextCursor: page.nextCursor };
}

export async function deleteDraft(deps: Pick<Deps, 'db'>, userId: string, id: string): Promise<void> {
  if (!(await deleteDraftRow(deps.db, userId, id))) throw new NotFoundError('No such draft.');
}
