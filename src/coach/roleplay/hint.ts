import { appendMessages, getMessages, lockSession, unlockSession, type MessageRow, type SessionRow } from '../../db/queries/sessions.js';
import type { Deps } from '../../deps.js';
import { ConflictError, RuleViolationError } from '../../errors.js';
import type { ChatModel } from '../../llm/chat-model.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import { checksFor, type CheckId, type ModeCheck } from '../rubric.js';
import { getPersona, getScenario, type PersonaId, type Scenario, type ScenarioId } from '../scenarios/index.js';
import type { WindowMessage } from './persona-prompt.js';
import { sessionState } from './session-view.js';
import { turnDeadlineMs } from './take-turn.js';
import type { RoleplayState } from './turn-state.js';

export const HINT_PROMPT = getPrompt('hint');

export interface HintData {
  next: Pick<ModeCheck, 'id' | 'label' | 'advice'> | null;
}

/** The scenario's next move the user has not made yet, in the loop's order. */
export function nextMove(scenario: Scenario, state: RoleplayState): ModeCheck | null {
  const moves = checksFor(scenario.mode).filter((c) => scenario.scoredChecks.includes(c.id));
  const missing = moves.filter((c) => state.seen[c.id] === undefined);
  const order = (c: ModeCheck) => (typeof c.step === 'number' ? c.step : 6);
  return [...missing].sort((a, b) => order(a) - order(b))[0] ?? null;
}

export function offlineHint(data: HintData): string {
  if (!data.next)
    return 'You have made every move this scenario practises. Close the loop: recap what you agreed and when you will check back, then end the session for your feedback.';
  return `Next, try this: ${data.next.label}. ${data.next.advice}`;
}

/** The coach's hint, out of character: the next move of the loop and why it helps now. */
export async function coachHint(
  model: ChatModel,
  input: { scenario: Scenario; state: RoleplayState; transcript: readonly WindowMessage[]; personaName: string },
): Promise<string> {
  const next = nextMove(input.scenario, input.state);
  const moves = checksFor(input.scenario.mode).filter((c) => input.scenario.scoredChecks.includes(c.id));
  const data: HintData = { next: next && { id: next.id, label: next.label, advice: next.advice } };
  const { text, ref } = renderPrompt(
    HINT_PROMPT,
    {
      scenarioTitle: input.scenario.title,
      objective: input.scenario.objective,
      moves: moves.map((m) => `- ${m.label}: ${input.state.seen[m.id as CheckId] ? 'made' : 'not yet'}`).join('\n'),
      nextMove: next ? `${next.label} (${next.description})` : 'none left: recap and agree when to check back',
      transcript: input.transcript.map((m) => `${m.role === 'user' ? 'User' : input.personaName}: ${m.content}`).join('\n') || '(nothing yet)',
    },
    data,
  );
  const result = await model.complete({ messages: [{ role: 'user', content: text }], prompt: ref, maxTokens: 200 });
  return result.text.trim();
}

/**
 * A hint in the transcript as a `coach` message. It takes the turn lock like a turn does, so it
 * never lands in the middle of a reply; it does not change what the persona knows.
 */
export async function giveHint(deps: Pick<Deps, 'db' | 'model' | 'now' | 'config'>, session: SessionRow): Promise<MessageRow> {
  if (session.status === 'ended') throw new RuleViolationError('session_ended', 'This session has ended; hints are for rehearsals in progress.');
  const now = deps.now();
  const locked = await lockSession(deps.db, session.userId, session.id, now, now + turnDeadlineMs(deps.config));
  if (!locked) throw new ConflictError('A reply is being produced; ask for a hint once it has arrived.');
  try {
    const scenario = getScenario(session.scenarioId as ScenarioId);
    const persona = getPersona(session.personaId as PersonaId);
    const transcript = (await getMessages(deps.db, session.userId, session.id, Math.max(0, locked.nextSeq - 24)))
      .filter((m): m is MessageRow & { role: WindowMessage['role'] } => m.status === 'complete' && m.role !== 'coach')
      .map((m) => ({ role: m.role, content: m.content }));
    const text = await coachHint(deps.model, { scenario, state: sessionState(locked), transcript, personaName: persona.name });
    const at = new Date(deps.now());
    const [hint] = await appendMessages(
      deps.db,
      locked,
      [{ role: 'coach', content: text, status: 'complete', createdAt: at, provider: deps.model.provider, model: deps.model.model }],
      { updatedAt: at },
    );
    return hint as MessageRow;
  } finally {
    await unlockSession(deps.db, session.userId, session.id);
  }
}
