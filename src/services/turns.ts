import type { Mode } from '../coach/rubric.js';
import { createLeakGuard, leaks } from '../coach/roleplay/leak-guard.js';
import { forbiddenIn, PROMPT_WINDOW, type WindowMessage } from '../coach/roleplay/persona-prompt.js';
import { SUMMARY_BATCH } from '../coach/roleplay/running-summary.js';
import { checkTurnAllowed, LOCKED_MESSAGE, textError } from '../coach/roleplay/turn-rules.js';
import { advanceTurn, stateFrom, type RoleplayState } from '../coach/roleplay/turn-state.js';
import { getScenario, type Difficulty, type ScenarioId } from '../coach/scenarios/index.js';
import { partnerOf } from '../coach/scenarios/partner.js';
import { withoutBidiControls } from '../coach/user-text.js';
import type { HistoryMessage, MessageRow, SessionRow } from '../db/queries/sessions.js';
import { beginTurnWrite, getMessages, getSession, settleReply, unlockSession } from '../db/queries/sessions.js';
import type { Deps } from '../deps.js';
import type { ChatStreamEvent } from '../llm/chat-model.js';
import { ConflictError, NotFoundError, PersonaLeakError, RuleViolationError } from '../errors.js';
import { analysisBudget } from './analysis-budget.js';
import { heartbeat, leaseUntil, lockFor } from './lease.js';

export type TurnDeps = Pick<Deps, 'db' | 'engine' | 'now' | 'config' | 'analysisClock'>;

/** Called with each piece of the reply as it may be shown, when the client streams. */
export type OnDelta = (text: string) => Promise<void> | void;

export interface PreparedReply {
  /** The session, its turn lock held by this request (under `session.turnToken`). */
  session: SessionRow;
  /** When the lock was taken: its heartbeats stop at the longest a turn may take from then. */
  started: number;
  replySeq: number;
  userText: string;
  userMessage?: MessageRow;
  /** The history read with the turn's first write, when it was. */
  history?: HistoryMessage[];
}

/**
 * Starts one user turn: the user's words are stored (with a pending reply) before any model is
 * called, so a failed reply loses nothing and can be retried; the session lock makes a second
 * concurrent turn a 409 instead of an interleaved transcript. Throws only client errors, so a
 * streaming route can answer them with a status before it starts streaming.
 */
export async function beginTurn(deps: TurnDeps, userId: string, sessionId: string, sent: string): Promise<PreparedReply> {
  // The API's schema has removed bidi controls already; a web page's form post arrives as typed.
  const text = withoutBidiControls(sent);
  const badText = textError(deps.config, text);
  if (!badText) {
    const now = deps.now();
    const begun = await beginTurnWrite(deps.db, {
      userId,
      id: sessionId,
      text,
      now,
      until: leaseUntil(deps, now),
      maxTurns: deps.config.maxTurns,
      provider: deps.engine.provider,
      model: deps.engine.model,
      reach: PROMPT_WINDOW + SUMMARY_BATCH,
      token: crypto.randomUUID(),
    });
    if (begun) {
      const { session, replySeq, userMessage, history } = begun;
      return { session, started: now, replySeq, userText: text, userMessage, history };
    }
  }
  // Nothing was written: say why, a missing session first, as for every other route.
  const session = await getSession(deps.db, userId, sessionId);
  if (!session) throw new NotFoundError('No such session.');
  if (badText) throw badText;
  checkTurnAllowed(session, deps.config);
  throw new ConflictError(LOCKED_MESSAGE);
}

/** Prepares to regenerate the last reply when it failed (or was left pending by a crash whose lock expired). */
export async function beginRetry(deps: TurnDeps, session: SessionRow): Promise<PreparedReply> {
  if (session.status === 'ended') throw new RuleViolationError('session_ended', 'This session has ended.');
  const { session: locked, started } = await lockFor(deps, session, LOCKED_MESSAGE);
  const recent = await getMessages(deps.db, session.userId, session.id, Math.max(0, locked.nextSeq - 2));
  const last = recent.at(-1);
  const userTurn = recent.at(-2);
  if (!last || last.role !== 'persona' || last.status === 'complete' || userTurn?.role !== 'user') {
    await unlockSession(deps.db, session.userId, session.id);
    throw new RuleViolationError('nothing_to_retry', 'The last reply did not fail; there is nothing to retry.');
  }
  return { session: locked, started, replySeq: last.seq, userText: userTurn.content };
}

/**
 * Produces the persona's reply for a prepared turn, renewing the turn lock's lease all along; on
 * failure the reply is marked failed and the lock released.
 */
export async function produceReply(deps: TurnDeps, prepared: PreparedReply, opts: { onDelta?: OnDelta; signal?: AbortSignal } = {}): Promise<MessageRow> {
  const { session, replySeq, userText } = prepared;
  const beat = heartbeat(deps, session, prepared.started);
  // The client going away, or the lease lost to another request, stops the model call.
  const stop = opts.signal ? AbortSignal.any([opts.signal, beat.signal]) : beat.signal;
  const { engine } = deps;
  const scenario = getScenario(session.scenarioId as ScenarioId);
  const { persona, brief } = partnerOf(session);
  const difficulty = session.difficulty as Difficulty;

  let partial = '';
  try {
    const history =
      prepared.history ??
      (await getMessages(deps.db, session.userId, session.id, Math.max(session.summarizedThrough, replySeq - PROMPT_WINDOW - SUMMARY_BATCH)));
    const complete = history.filter(
      (m): m is HistoryMessage & { role: WindowMessage['role'] } => m.seq < replySeq && m.status === 'complete' && m.role !== 'coach',
    );
    const previous = complete.findLast((m) => m.role === 'persona')?.content;
    const reading = await engine.readTurn({ text: userText, mode: scenario.mode, previous, turn: session.userTurns, budget: analysisBudget(deps) });
    const outcome = advanceTurn(stateFrom(session.state), { brief, persona, difficulty, reading, turn: session.userTurns, text: userText });
    const { summary, summarizedThrough, window } = await bringSummaryUpToDate(deps, session, complete, outcome.state, persona.name, scenario.mode, stop);
    const turn = {
      scenario,
      persona,
      brief,
      difficulty,
      canary: session.canary,
      state: outcome.state,
      reactions: outcome.reactions,
      summary,
      window,
      turn: session.userTurns,
      line: outcome.line,
      reading,
    };
    const forbidden = forbiddenIn(turn);
    const leaked = () => new PersonaLeakError('The reply gave away part of the hidden brief or its instructions and was withheld; retry for a new one.');
    const ask = (stream: boolean) => engine.personaReply(turn, { stream, signal: stop });

    let text: string;
    let identity = { provider: engine.provider, model: engine.model };
    if (opts.onDelta) {
      // A reply that repeats its prompt is regenerated once, as long as none of it was shown:
      // streamed text cannot be taken back (the guard releases none of a leak itself).
      for (let attempt = 0; ; attempt++) {
        const guard = createLeakGuard(forbidden);
        let leak = false;
        for await (const event of ask(true)) {
          if (event.type === 'done') {
            identity = { provider: event.provider, model: event.model };
            break;
          }
          const pushed = guard.push(event.text);
          if (pushed.leak) {
            leak = true;
            break;
          }
          if (pushed.release) {
            partial += pushed.release;
            await opts.onDelta(pushed.release);
          }
        }
        if (!leak) {
          const rest = guard.flush();
          if (rest) {
            partial += rest;
            await opts.onDelta(rest);
          }
          break;
        }
        if (partial !== '' || attempt > 0) throw leaked();
      }
      text = partial;
    } else {
      // Not yet shown to anyone: a leaking reply is regenerated once before giving up.
      let result = await wholeReply(ask(false));
      if (leaks(result.text, forbidden)) result = await wholeReply(ask(false));
      if (leaks(result.text, forbidden)) throw leaked();
      text = result.text;
      identity = { provider: result.provider, model: result.model };
    }

    const settled = { content: text.trim(), status: 'complete' as const, ...identity };
    beat.stop();
    await settleReply(deps.db, session, replySeq, settled, {
      state: { ...outcome.state },
      summary,
      summarizedThrough,
      updatedAt: new Date(deps.now()),
      reading,
    });
    return { sessionId: session.id, seq: replySeq, userId: session.userId, role: 'persona', createdAt: new Date(deps.now()), reading: null, ...settled };
  } catch (err) {
    const lost = beat.signal.aborted && beat.signal.reason instanceof ConflictError ? beat.signal.reason : undefined;
    beat.stop();
    // The lease went to another request: this one no longer owns the reply or the lock, so it leaves both alone.
    if (lost) throw lost;
    // The partial reply is kept for the record but marked failed: never shown as a finished turn.
    await settleReply(deps.db, session, replySeq, { content: partial, status: 'failed', provider: engine.provider, model: engine.model });
    throw err;
  }
}

/** A reply asked for whole: its one `done` event. */
async function wholeReply(events: AsyncIterable<ChatStreamEvent>): Promise<Extract<ChatStreamEvent, { type: 'done' }>> {
  for await (const event of events) if (event.type === 'done') return event;
  throw new Error('the engine ended a reply without its done event');
}

/**
 * Keeps the last PROMPT_WINDOW messages verbatim and folds anything older into the running
 * summary, in batches of SUMMARY_BATCH so the summary call is occasional.
 */
async function bringSummaryUpToDate(
  deps: TurnDeps,
  session: SessionRow,
  complete: ReadonlyArray<HistoryMessage & { role: WindowMessage['role'] }>,
  state: RoleplayState,
  personaName: string,
  mode: Mode,
  signal: AbortSignal | undefined,
): Promise<{ summary: string; summarizedThrough: number; window: WindowMessage[] }> {
  const unsummarized = complete.filter((m) => m.seq >= session.summarizedThrough);
  const older = unsummarized.slice(0, Math.max(0, unsummarized.length - PROMPT_WINDOW));
  let summary = session.summary;
  let summarizedThrough = session.summarizedThrough;
  if (older.length >= SUMMARY_BATCH) {
    summary = await deps.engine.summary({ previous: summary, turns: older, personaName, mode, state, ...(signal && { signal }) });
    summarizedThrough = (older.at(-1)?.seq ?? summarizedThrough) + 1;
  }
  const window = complete.filter((m) => m.seq >= summarizedThrough).map((m) => ({ role: m.role, content: m.content }));
  return { summary, summarizedThrough, window };
}
