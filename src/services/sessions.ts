import type { z } from '@hono/zod-openapi';
import { runCritique, type CritiqueRequest } from '../coach/critique/run-critique.js';
import type { ActId } from '../coach/reading/acts.js';
import type { CheckId } from '../coach/rubric.js';
import { debriefOf, scenarioChecks, scenarioTargetSteps, type Debrief } from '../coach/roleplay/debrief.js';
import type { CreateSessionSchema } from '../coach/roleplay/session-schema.js';
import type { WindowMessage } from '../coach/roleplay/persona-prompt.js';
import { stateFrom } from '../coach/roleplay/turn-state.js';
import { getScenario, personasFor, type ScenarioId } from '../coach/scenarios/index.js';
import { partnerOf } from '../coach/scenarios/partner.js';
import type { PersonaOverride } from '../coach/loop/persona-override.js';
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
  sessionCritique,
  type MessageRow,
  type ScoredSessionRow,
  type SessionRow,
} from '../db/queries/sessions.js';
import type { Deps } from '../deps.js';
import { NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { analysisBudget } from './analysis-budget.js';
import { lockFor, whileLocked } from './lease.js';
import { toPage, type Page, type PageQuery } from './page.js';

export type { MessageRow, ScoredSessionRow, SessionRow } from '../db/queries/sessions.js';
export type { Debrief } from '../coach/roleplay/debrief.js';

type SessionDeps = Pick<Deps, 'db' | 'engine' | 'newId' | 'now' | 'config' | 'analysisClock'>;

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

/**
 * Starts a rehearsal: the session and the persona's opening line. `link` starts it from a
 * relationship (`services/relationships.ts` `rehearse`): the persona then plays that person.
 */
export async function startSession(
  deps: SessionDeps,
  userId: string,
  body: z.infer<typeof CreateSessionSchema>,
  link?: { relationshipId: string; personaOverride: PersonaOverride },
): Promise<SessionRow> {
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
    ...(link && { relationshipId: link.relationshipId, personaOverride: link.personaOverride }),
  };
  // The persona as it plays this session: under the name the user gave, and as the relationship describes them.
  const { persona } = partnerOf(row);
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

/**
 * A hint in the transcript as a `coach` message. It takes the turn lock like a turn does, so it
 * never lands in the middle of a reply; it does not change what the persona knows.
 */
export async function giveHint(deps: SessionDeps, session: SessionRow): Promise<MessageRow> {
  if (session.status === 'ended') throw new RuleViolationError('session_ended', 'This session has ended; hints are for rehearsals in progress.');
  const lock = await lockFor(deps, session, 'A reply is being produced; ask for a hint once it has arrived.');
  return whileLocked(deps, lock, async () => {
    const locked = lock.session;
    const scenario = getScenario(session.scenarioId as ScenarioId);
    const { persona } = partnerOf(session);
    const recent = await getMessages(deps.db, session.userId, session.id, Math.max(0, locked.nextSeq - 24));
    // Asked again before anything else is said, it is the same hint: a second click, or a form sent
    // twice by a page without its script, stores it once.
    const last = recent.at(-1);
    if (last?.role === 'coach' && last.status === 'complete') return last;
    const transcript = recent
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
  });
}

type Observed = NonNullable<CritiqueRequest['observed']>;

/**
 * What the critique at the end reads: the newest turns whose text (joined as it joins them) fits in
 * `maxChars`, the most a draft may hold, so ending takes a bounded time under the turn lock however
 * long the rehearsal (300 long turns took seconds). The newest turn is always read, cut to its last
 * `maxChars` characters if longer (under a raised turn limit). What older turns showed still counts
 * when every turn has its reading: the readings decide the checks, and a check only older turns
 * showed brings its first quote along, in front, for the critique to find in its text. A check some
 * turn's reading had no time to read (`unread`) is not known absent from the rehearsal either.
 */
function endWindow(turns: readonly MessageRow[], maxChars: number): { turns: MessageRow[]; text: string; observed?: Observed; unread?: CheckId[] } {
  let first = turns.length - 1;
  let length = turns[first]?.content.length ?? 0;
  while (first > 0 && length + 2 + (turns[first - 1] as MessageRow).content.length <= maxChars) {
    first -= 1;
    length += 2 + (turns[first] as MessageRow).content.length;
  }
  const window = turns.slice(first).map((m) => (m.content.length > maxChars ? { ...m, content: tail(m.content, maxChars) } : m));
  const text = window.map((m) => m.content).join('\n\n');
  const read = window.every((m) => m.reading !== null) && turns.slice(0, first).every((m) => m.reading !== null);
  if (!read) return { turns: window, text };
  // A cut turn keeps only the quotes its remaining text holds.
  const inside: Observed = window.flatMap((m, i) =>
    (m.reading?.checks ?? []).map((c) => (m === turns[first + i] ? c : { ...c, evidence: c.evidence.filter((q) => m.content.includes(q)) })),
  );
  const shown = new Set(inside.filter((c) => c.evidence.length > 0).map((c) => c.id));
  const older = new Map<CheckId, string>();
  for (const m of turns.slice(0, first)) {
    for (const c of m.reading?.checks ?? []) if (!shown.has(c.id) && !older.has(c.id) && c.evidence[0] !== undefined) older.set(c.id, c.evidence[0]);
  }
  const quotes = [...new Set(older.values())];
  return {
    turns: window,
    text: [...quotes, text].join('\n\n'),
    observed: [...[...older].map(([id, quote]) => ({ id, evidence: [quote] })), ...inside.filter((c) => c.evidence.length > 0)],
    unread: [...new Set(turns.flatMap((m) => m.reading?.unread ?? []))],
  };
}

/** The last `maxChars` characters, not starting inside a surrogate pair. */
function tail(text: string, maxChars: number): string {
  const from = text.length - maxChars;
  return /[\udc00-\udfff]/.test(text[from] ?? '') ? text.slice(from + 1) : text.slice(from);
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
  const lock = await lockFor(deps, session, 'A reply is still being produced; end the session once it has arrived.');
  await whileLocked(deps, lock, async () => {
    // The debrief judges what the persona reacted to: the turns' stored readings, when every turn has one.
    const { turns, text, observed, unread } = endWindow(userTurns, deps.config.draftMaxChars);
    // The debrief's rewrite edits the user's own turns, leaving out the ones read as grudging, hostile or out of the role.
    const kept = turns.filter((m) => !m.reading || (!m.reading.acts.some((a) => NOT_REWRITTEN.has(a)) && m.reading.tone !== 'hostile'));
    const critique = await runCritique(deps, {
      text,
      rewriteOf: kept.map((m) => m.content).join('\n\n'),
      ...(scenario.step !== null && scenario.mode === 'employee' && { purpose: scenario.step }),
      ...(observed && { observed }),
      ...(unread && unread.length > 0 && { unread }),
      budget: analysisBudget(deps),
      mode: scenario.mode,
      checks: scenarioChecks(scenario),
      targetSteps: scenarioTargetSteps(scenario),
      earnedBefore: false,
      sessionId: session.id,
    });
    await insertCritique(deps.db, session.userId, critique);
    await markEnded(deps.db, session.userId, session.id, deps.now());
  });
  const view = await viewSession(deps, await ownSession(deps, session.userId, session.id));
  if (!view.debrief) throw new Error('the session just ended has no critique');
  return { ...view, debrief: view.debrief };
}
