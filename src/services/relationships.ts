import type { z } from '@hono/zod-openapi';
import { runCritique } from '../coach/critique/run-critique.js';
import { calendarFeed } from '../coach/loop/calendar.js';
import { CORRECTABLE, type EntryCorrection, type EntryReading } from '../coach/loop/entry-reading-schema.js';
import { commitmentsOf, loopState, type LoopEntry, type LoopState } from '../coach/loop/loop-state.js';
import { askByDate, prepareConversation, spokenDate } from '../coach/loop/plan.js';
import { modeFor } from '../coach/loop/read-entry.js';
import { rehearsalPersonaId, rehearsalScenario } from '../coach/loop/rehearsal-persona.js';
import type {
  CorrectEntry,
  CreateEntry,
  CreateRelationship,
  EntrySchema,
  PlanSchema,
  RelationshipSchema,
  UpdateRelationship,
} from '../coach/loop/relationship-schema.js';
import { stopLooping } from '../coach/loop/stop-looping.js';
import { CHECKS_BY_MODE } from '../coach/rubric.js';
import { PERSONA_IDS } from '../coach/scenarios/index.js';
import { isPartnerName } from '../coach/scenarios/partner.js';
import {
  allEntries,
  countEntries,
  countRelationships,
  deleteEntry as deleteEntryRow,
  deleteRelationship as deleteRelationshipRow,
  getEntry,
  getRelationship,
  insertEntry,
  insertRelationship,
  listEntries as listEntryRows,
  listRelationships as listRelationshipRows,
  setCorrection,
  updateRelationship as updateRelationshipRow,
  type EntryRow,
  type RelationshipRow,
} from '../db/queries/relationships.js';
import type { Deps } from '../deps.js';
import { NotFoundError, PayloadTooLargeError, RuleViolationError, ValidationError } from '../errors.js';
import { analysisBudget } from './analysis-budget.js';
import { toPage, type Page, type PageQuery } from './page.js';
import { startSession, type SessionRow } from './sessions.js';

export type { EntryRow, RelationshipRow } from '../db/queries/relationships.js';

type RelationshipDeps = Pick<Deps, 'db' | 'engine' | 'newId' | 'now' | 'config' | 'analysisClock'>;
type Relationship = z.infer<typeof RelationshipSchema>;
type Entry = z.infer<typeof EntrySchema>;
type Plan = z.infer<typeof PlanSchema>;

const iso = (d: Date) => d.toISOString();
const NO_SUCH = 'No such relationship.';

export function relationshipJson(row: RelationshipRow): Relationship {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    relation: row.relation,
    style: row.style,
    knownPriorities: row.knownPriorities,
    yourGoal: row.yourGoal,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The reading as it stands: the engine's, with each field the user corrected replaced by theirs. */
function effectiveReading(row: EntryRow): EntryReading {
  return { ...row.reading, ...row.correction };
}

function loopEntry(row: EntryRow): LoopEntry {
  return { id: row.id, kind: row.kind, at: row.at.getTime(), text: row.text, reading: effectiveReading(row) };
}

/** An entry as the API shows it, as of `now` (an open commitment past its date is `overdue`). */
export function entryJson(row: EntryRow, now: number): Entry {
  const reading = effectiveReading(row);
  return {
    id: row.id,
    relationshipId: row.relationshipId,
    kind: row.kind,
    at: iso(row.at),
    text: row.text,
    reading: { ...reading, commitments: commitmentsOf([loopEntry(row)], now) },
    corrected: CORRECTABLE.filter((field) => row.correction[field] !== undefined),
    provider: row.provider,
    model: row.model,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The user's relationship; another user's is as missing as one that never existed. */
export async function ownRelationship(deps: Pick<Deps, 'db'>, userId: string, id: string): Promise<RelationshipRow> {
  const row = await getRelationship(deps.db, userId, id);
  if (!row) throw new NotFoundError(NO_SUCH);
  return row;
}

/** The user's relationship, or undefined: for callers that answer a missing one their own way (a page). */
export function findRelationship(deps: Pick<Deps, 'db'>, userId: string, id: string): Promise<RelationshipRow | undefined> {
  return getRelationship(deps.db, userId, id);
}

const changes = (body: UpdateRelationship) => ({
  ...(body.name !== undefined && { name: body.name }),
  ...(body.role !== undefined && { role: body.role }),
  ...(body.relation !== undefined && { relation: body.relation }),
  ...(body.style !== undefined && { style: body.style }),
  ...(body.knownPriorities !== undefined && { knownPriorities: body.knownPriorities }),
  ...(body.yourGoal !== undefined && { yourGoal: body.yourGoal }),
});

export async function createRelationship(
  deps: Pick<Deps, 'db' | 'newId' | 'now' | 'config'>,
  userId: string,
  body: CreateRelationship,
): Promise<RelationshipRow> {
  // A cap on what one account can store, so no single user can grow the database without bound.
  if ((await countRelationships(deps.db, userId)) >= deps.config.maxRelationships) {
    throw new RuleViolationError(
      'relationship_limit',
      `You have ${deps.config.maxRelationships} relationships, the most an account can keep; delete one (DELETE /api/relationships/{id}) to add another.`,
    );
  }
  const now = new Date(deps.now());
  return insertRelationship(deps.db, {
    id: deps.newId('rel'),
    userId,
    name: body.name,
    relation: body.relation,
    role: body.role ?? null,
    style: body.style ?? null,
    knownPriorities: body.knownPriorities ?? [],
    yourGoal: body.yourGoal ?? null,
    createdAt: now,
    updatedAt: now,
  });
}

export async function listRelationships(deps: Pick<Deps, 'db'>, userId: string, query: PageQuery): Promise<Page<RelationshipRow>> {
  return toPage(await listRelationshipRows(deps.db, userId, query), query.limit);
}

export async function updateRelationship(deps: Pick<Deps, 'db' | 'now'>, userId: string, id: string, body: UpdateRelationship): Promise<RelationshipRow> {
  const row = await updateRelationshipRow(deps.db, userId, id, { ...changes(body), updatedAt: new Date(deps.now()) });
  if (!row) throw new NotFoundError(NO_SUCH);
  return row;
}

export async function deleteRelationship(deps: Pick<Deps, 'db'>, userId: string, id: string): Promise<void> {
  if (!(await deleteRelationshipRow(deps.db, userId, id))) throw new NotFoundError(NO_SUCH);
}

/** Where the loop stands with the person, from every entry (oldest first), as of now. */
export async function relationshipState(deps: Pick<Deps, 'db' | 'now'>, relationship: RelationshipRow): Promise<{ state: LoopState; entries: LoopEntry[] }> {
  const entries = (await allEntries(deps.db, relationship.userId, relationship.id)).map(loopEntry);
  return { state: loopState(entries, deps.now()), entries };
}

/**
 * Records a conversation and reads it (the engine's reading, stored as made). The entry is read
 * before it is stored: a reading that fails on a model falls back to the analyzer's, so an entry is
 * always stored with one.
 */
export async function addEntry(deps: RelationshipDeps, relationship: RelationshipRow, body: CreateEntry): Promise<EntryRow> {
  if (body.text.length > deps.config.draftMaxChars) {
    throw new PayloadTooLargeError(`The text has ${body.text.length} characters; the limit is ${deps.config.draftMaxChars}.`);
  }
  if ((await countEntries(deps.db, relationship.userId)) >= deps.config.maxEntries) {
    throw new RuleViolationError(
      'entry_limit',
      `You have ${deps.config.maxEntries} journal entries, the most an account can keep; ` +
        'delete some (DELETE /api/relationships/{id}/entries/{entryId}) to add more.',
    );
  }
  const at = Date.parse(body.at);
  const reading = await deps.engine.readEntry({
    text: body.text,
    kind: body.kind,
    at,
    relation: relationship.relation,
    name: relationship.name,
    goal: relationship.yourGoal,
  });
  const now = new Date(deps.now());
  return insertEntry(deps.db, {
    id: deps.newId('ent'),
    userId: relationship.userId,
    relationshipId: relationship.id,
    kind: body.kind,
    at: new Date(at),
    text: body.text,
    reading,
    correction: {},
    provider: deps.engine.provider,
    model: deps.engine.model,
    createdAt: now,
    updatedAt: now,
  });
}

export async function listEntries(deps: Pick<Deps, 'db'>, relationship: RelationshipRow, query: PageQuery): Promise<Page<EntryRow>> {
  return toPage(await listEntryRows(deps.db, relationship.userId, relationship.id, query), query.limit);
}

export async function ownEntry(deps: Pick<Deps, 'db'>, relationship: RelationshipRow, entryId: string): Promise<EntryRow> {
  const row = await getEntry(deps.db, relationship.userId, relationship.id, entryId);
  if (!row) throw new NotFoundError('No such entry.');
  return row;
}

export async function deleteEntry(deps: Pick<Deps, 'db'>, relationship: RelationshipRow, entryId: string): Promise<void> {
  if (!(await deleteEntryRow(deps.db, relationship.userId, relationship.id, entryId))) throw new NotFoundError('No such entry.');
}

/**
 * The user's corrections of a reading: each field given replaces the reading's, whole. Quotes for
 * a check must be in the entry's text, as any check's are; corrected commitments are numbered again
 * in the order given.
 */
export async function correctEntry(deps: Pick<Deps, 'db' | 'now'>, relationship: RelationshipRow, entryId: string, body: CorrectEntry): Promise<EntryRow> {
  const entry = await ownEntry(deps, relationship, entryId);
  const allowed = new Set<string>(CHECKS_BY_MODE[modeFor(relationship.relation)].map((c) => c.id));
  const problems = (body.checks ?? []).flatMap((check, i) => [
    ...(allowed.has(check.id) ? [] : [{ path: `checks.${i}.id`, message: `is not a check of ${modeFor(relationship.relation)} mode` }]),
    ...check.evidence.flatMap((q, j) => (entry.text.includes(q) ? [] : [{ path: `checks.${i}.evidence.${j}`, message: "is not in the entry's text" }])),
  ]);
  if (problems.length > 0) throw new ValidationError('A quote must be copied from the entry, and a check must be of its mode.', { details: problems });
  const correction: EntryCorrection = {
    ...entry.correction,
    ...(body.checks !== undefined && { checks: body.checks }),
    ...(body.needs !== undefined && { needs: body.needs }),
    ...(body.feedback !== undefined && { feedback: body.feedback }),
    ...(body.goalEngaged !== undefined && { goalEngaged: body.goalEngaged }),
    ...(body.commitments !== undefined && {
      commitments: body.commitments.map((c, i) => ({
        id: `c${i + 1}`,
        text: c.text,
        owner: c.owner,
        due: c.due,
        when: c.when ?? null,
        status: c.status ?? 'open',
      })),
    }),
  };
  return saveCorrection(deps, entry, correction);
}

async function saveCorrection(deps: Pick<Deps, 'db' | 'now'>, entry: EntryRow, correction: EntryCorrection): Promise<EntryRow> {
  const row = await setCorrection(deps.db, entry.userId, entry.relationshipId, entry.id, correction, new Date(deps.now()));
  if (!row) throw new NotFoundError('No such entry.');
  return row;
}

const COMMITMENT_ID = /^(ent_[0-9a-z]{21})\.(c\d{1,3})$/;

/** Marks a commitment done (or open again): a correction of its entry's commitments, which keeps every other. */
export async function setCommitmentStatus(
  deps: Pick<Deps, 'db' | 'now'>,
  relationship: RelationshipRow,
  commitmentId: string,
  status: 'open' | 'done',
): Promise<EntryRow> {
  const [, entryId, id] = COMMITMENT_ID.exec(commitmentId) ?? [];
  const entry = entryId ? await getEntry(deps.db, relationship.userId, relationship.id, entryId) : undefined;
  const commitments = entry ? effectiveReading(entry).commitments : [];
  if (!entry || !commitments.some((c) => c.id === id)) throw new NotFoundError('No such commitment.');
  return saveCorrection(deps, entry, { ...entry.correction, commitments: commitments.map((c) => (c.id === id ? { ...c, status } : c)) });
}

/**
 * The next conversation, prepared: what to report, ask and offer, whether the step-4 ask is due,
 * the stop-looping check, and a draft message critiqued against its purpose (not stored: the plan
 * is read, and changes with every entry). The draft's order check counts the help on record.
 */
export async function planFor(deps: RelationshipDeps, relationship: RelationshipRow): Promise<Plan> {
  const { state, entries } = await relationshipState(deps, relationship);
  const now = deps.now();
  const warning = stopLooping({
    name: relationship.name,
    relation: relationship.relation,
    entries,
    threshold: deps.config.stopLoopingAfter,
    askBy: spokenDate(askByDate(state, now)),
  });
  const prepared = prepareConversation({
    name: relationship.name,
    relation: relationship.relation,
    yourGoal: relationship.yourGoal,
    knownPriorities: relationship.knownPriorities,
    entries,
    state,
    stopLooping: warning,
    now,
  });
  const { draft } = prepared;
  const critique = await runCritique(deps, {
    text: draft.text,
    mode: draft.mode,
    context: { managerName: relationship.name, ...(relationship.yourGoal && { goal: relationship.yourGoal }) },
    earnedBefore: state.steps.helpOffered.done,
    ...(draft.purpose !== null && { purpose: draft.purpose }),
    budget: analysisBudget(deps),
  });
  return { relationshipId: relationship.id, state, ...prepared, draft: { ...draft, critique }, stopLooping: warning };
}

/** The name the persona is given: the user's, capitalised as names are, when it reads as one. */
function personaName(name: string): string | undefined {
  const cased = name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return isPartnerName(cased) ? cased : undefined;
}

/**
 * A rehearsal with the person: a normal session of the scenario closest to where the loop stands,
 * whose persona has their name, role, manner and the priorities the user knows. What the user does
 * not know stays hidden: the brief of the persona closest to their style, earned as in any rehearsal.
 */
export async function rehearse(
  deps: RelationshipDeps,
  relationship: RelationshipRow,
  body: { difficulty: 'easy' | 'medium' | 'hard'; goal?: string | undefined },
): Promise<SessionRow> {
  const { state } = await relationshipState(deps, relationship);
  const scenarioId = rehearsalScenario(relationship.relation, state);
  const personaId = rehearsalPersonaId(scenarioId, relationship.style);
  const named = personaName(relationship.name);
  const goal = body.goal ?? relationship.yourGoal?.slice(0, 300) ?? undefined;
  return startSession(
    deps,
    relationship.userId,
    {
      scenarioId,
      personaId,
      difficulty: body.difficulty,
      ...(goal && { goal }),
      ...(named && { context: relationship.relation === 'report' ? { reportName: named } : { managerName: named } }),
    },
    {
      relationshipId: relationship.id,
      personaOverride: {
        role: relationship.role,
        // A persona style id picked the persona above, whose manner it is; only the user's own words are passed on.
        style: relationship.style !== null && !(PERSONA_IDS as readonly string[]).includes(relationship.style) ? relationship.style : null,
        priorities: relationship.knownPriorities,
      },
    },
  );
}

/** The relationship's reminders as an iCalendar feed: the next check-in and the commitments with a date. */
export async function calendarFor(deps: Pick<Deps, 'db' | 'now'>, relationship: RelationshipRow): Promise<string> {
  const { state } = await relationshipState(deps, relationship);
  return calendarFeed({
    relationshipId: relationship.id,
    name: relationship.name,
    nextCheckIn: state.nextCheckIn,
    commitments: state.commitments.items,
    now: deps.now(),
  });
}
