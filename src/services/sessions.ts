import type { z } from '@hono/zod-openapi';
import { runCritique } from '../coach/critique/run-critique.js';
import type { ActId } from '../coach/reading/acts.js';
import { debriefOf, scenarioChecks, scenarioTargetSteps, type Debrief } from '../coach/roleplay/debrief.js';
import type { CreateSessionSchema } from '../coach/roleplay/session-schema.js';
import type { WindowMessage } from '../coach/roleplay/persona-prompt.js';
import { turnDeadlineMs } from '../coach/roleplay/turn-rules.js';
import { stateFrom } from '../coach/roleplay/turn-state.js';
import { getPersona, getScenario, personasFor, type PersonaId, type ScenarioId } from '../coach/scenarios/index.js';
import { insertCritique } from '../db/queries/drafts.js';
import {
  appendMessages,
  countSessions,
  deleteSession as deleteSessionRows,
  endSession as markEnded,
  getMessages,
  getSession,
  insertSession,
  listSessions as listSessionRows,
  lockSession,
  sessionCritique,
  unlockSession,
  type MessageRow,
  type ScoredSessionRow,
  type SessionRow,
} from '../db/queries/sessions.js';
import type { Deps } from '../deps.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { toPage, type Page, type PageQuery } from './page.js';

export type { MessageRow, ScoredSessionRow, SessionRow } from '../db/queries/sessions.js';
export type { Debrief } from '../coach/roleplay/debrief.js';

type SessionDeps = Pick<Deps, 'db' | 'engine' | 'newId' | 'now' | 'config'>;

/** The user's session, or undefined: for callers that answer a missing one their own way (a page). */
export function findSession(deps: Pick<Deps, 'db'>, userId: string, id: string): Promise<SessionRow | undefined> {
  return getSession(deps.db, userId, id);
}

/** The user's session; another user's is as missing as one that never existed. */
export async function ownSession(deps: Pick<Deps, 'db'>, userId: string, id: string): Promise<SessionRow> {
  const session = await getSession(deps.db, userId, id);
  if (!session) throw new NotFoundError('No such session.');
  return session;
}

/** Starts a rehearsal: the session and the persona's opening line. */
export async function startSession(deps: SessionDeps, userId: string, body: z.infer<typeof CreateSessionSchema>): Promise<SessionRow> {
  const scenario = getScenario(body.scenarioId);
  const personaId = body.personaId ?? scenario.defaultPersona;
  if (!personasFor(scenario).some((p) => p.id === personaId)) {
    throw new ValidationError('That persona does not play this scenario.', {
      details: [
        {
          path: 'personaId',
          message: `choose one of ${personasFor(scenario)
            .map((p) => p.id)
            .join(', ')}`,
        },
      ],
    });
  }
  // A cap on what one account can store, so no single user can grow the database without bound.
  if ((await countSessions(deps.db, userId)) >= deps.config.maxSessions) {
    throw new RuleViolationError(
      'session_limit',
      `You have ${deps.config.maxSessions} rehearsals, the most an account can keep; delete some (DELETE /api/sessions/{id}) to start new ones.`,
    );
  }
  const persona = getPersona(personaId);
  const now = new Date(deps.now());
  const identity = { provider: deps.engine.provider, model: deps.engine.model };
  const row = {
    id: deps.newId('ses'),
    userId,
    mode: scenario.mode,
    scenarioId: scenario.id,
    personaId,
    difficulty: body.difficulty,
    goal: body.goal ?? null,
    context: body.context ?? {},
    status: 'active' as const,
    canary: `LC-${crypto.randomUUID().slice(0, 13)}`,
    ...identity,
    createdAt: now,
    updatedAt: now,
  };
  const opening = persona.lines.opening?.[scenario.id] ?? scenario.openingLine;
  await insertSession(deps.db, row, { role: 'persona', content: opening, status: 'complete', createdAt: now, ...identity });
  const created = await getSession(deps.db, userId, row.id);
  if (!created) throw new Error('the session just inserted is missing');
  return created;
}

/** One session as every reader shows it: the transcript, and once ended its debrief. Takes no lock. */
export interface SessionView {
  session: SessionRow;
  messages: MessageRow[];
  debrief?: Debrief;
}

export async function viewSession(deps: Pick<Deps, 'db'>, session: SessionRow): Promise<SessionView> {
  const [messages, critique] = await Promise.all([
    getMessages(deps.db, session.userId, session.id),
    session.status === 'ended' ? sessionCritique(deps.db, session.userId, session.id) : undefined,
  ]);
  return { session, messages, ...(critique && { debrief: debriefOf(session, critique) }) };
}

/** The user's sessions, newest first, each with its score once it has one. */
export async function listSessions(deps: Pick<Deps, 'db'>, userId: string, query: PageQuery): Promise<Page<ScoredSessionRow>> {
  return toPage(await listSessionRows(deps.db, userId, query), query.limit);
}

export async function deleteSession(deps: Pick<Deps, 'db'>, userId: string, id: string): Promise<void> {
  if (!(await deleteSessionRows(deps.db, userId, id))) throw new NotFoundError('No such session.');
}

/** Takes the session's turn lock for a step that must not interleave with a reply, or says why not. */
export async function lockFor(deps: Pick<Deps, 'db' | 'now' | 'config'>, session: SessionRow, busy: string): Promise<SessionRow> {
  const now = deps.now();
  const locked = await lockSession(deps.db, session.userId, session.id, now, now + turnDeadlineMs(deps.config));
  if (!locked) throw new ConflictError(busy);
  return locked;
}

/**
 * A hint in the transcript as a `coach` message. It takes the turn lock like a turn does, so it
 * never lands in the middle of a reply; it does not change what the persona knows.
 */
export async function giveHint(deps: SessionDeps, session: SessionRow): Promise<MessageRow> {
  if (session.status === 'ended') throw new RuleViolationError('session_ended', 'This session has ended; hints are for rehearsals in progress.');
  const locked = await lockFor(deps, session, 'A reply is being produced; ask for a hint once it has arrived.');
  try {
    const scenario = getScenario(session.scenarioId as ScenarioId);
    const persona = getPersona(session.personaId as PersonaId);
    const transcript = (await getMessages(deps.db, session.userId, session.id, Math.max(0, locked.nextSeq - 24)))
      .filter((m): m is MessageRow & { role: WindowMessage['role'] } => m.status === 'complete' && m.role !== 'coach')
      .map((m) => ({ role: m.role, content: m.content }));
    const text = await deps.engine.hint({ scenario, state: stateFrom(locked.state), transcript, personaName: persona.name });
    const at = new Date(deps.now());
    const [hint] = await appendMessages(
      deps.db,
      locked,
      [{ role: 'coach', content: text, status: 'complete', createdAt: at, provider: deps.engine.provider, model: deps.engine.model }],
      { updatedAt: at },
    );
    return hint as MessageRow;
  } finally {
    await unlockSession(deps.db, session.userId, session.id);
  }
}

/** Turns a debrief's rewrite leaves out rather than edits. */
const NOT_REWRITTEN: ReadonlySet<ActId> = new Set(['grudging', 'refuses', 'demands', 'breaks_frame']);

/**
 * Ends a rehearsal with a critique of the user's own turns (same engine and shape as drafts) and
 * returns the session's view with its debrief. Ending an ended session returns the same result.
 */
export async function endSession(deps: SessionDeps, session: SessionRow): Promise<SessionView & { debrief: Debrief }> {
  if (session.status === 'ended') {
    const view = await viewSession(deps, session);
    if (view.debrief) return { ...view, debrief: view.debrief };
  }
  const scenario = getScenario(session.scenarioId as ScenarioId);
  const userTurns = (await getMessages(deps.db, session.userId, session.id)).filter((m) => m.role === 'user');
  if (userTurns.length === 0) throw new RuleViolationError('no_turns', 'Say at least one thing in the rehearsal before ending it.');
  // Holding the turn lock means no reply lands after the transcript was critiqued.
  await lockFor(deps, session, 'A reply is still being produced; end the session once it has arrived.');
  try {
    // The debrief judges what the persona reacted to: the turns' stored readings, when every turn has one.
    const readings = userTurns.map((m) => m.reading);
    const observed = readings.every((r) => r !== null) ? readings.flatMap((r) => r.checks) : undefined;
    // The debrief's rewrite edits the user's own turns, leaving out the ones read as grudging, hostile or out of the role.
    const kept = userTurns.filter((m) => !m.reading || (!m.reading.acts.some((a) => NOT_REWRITTEN.has(a)) && m.reading.tone !== 'hostile'));
    const critique = await runCritique(deps, {
      text: userTurns.map((m) => m.content).join('\n\n'),
      rewriteOf: kept.map((m) => m.content).join('\n\n'),
      ...(scenario.step !== null && scenario.mode === 'employee' && { purpose: scenario.step }),
      ...(observed && { observed }),
      mode: scenario.mode,
      checks: scenarioChecks(scenario),
      targetSteps: scenarioTargetSteps(scenario),
      earnedBefore: false,
      sessionId: session.id,
    });
    await insertCritique(deps.db, session.userId, critique);
    await markEnded(deps.db, session.userId, session.id, deps.now());
  } finally {
    await unlockSession(deps.db, session.userId, session.id);
  }
  const view = await viewSession(deps, await ownSession(deps, session.userId, session.id));
  if (!view.debrief) throw new Error('the session just ended has no critique');
  return { ...view, debrief: view.debrief };
}
