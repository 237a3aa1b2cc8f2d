import type { MessageRow, SessionRow } from '../../db/queries/sessions.js';
import type { Critique } from '../critique/critique-schema.js';
import type { Mode } from '../rubric.js';
import { getBrief, type Difficulty, type PersonaId, type ScenarioId } from '../scenarios/index.js';
import type { MessageJson, SessionJson } from './session-schema.js';
import { stateFrom, type RoleplayState } from './turn-state.js';

/** Message ids are the session id and the message's place in it: opaque to clients, a key lookup to us. */
export const messageId = (sessionId: string, seq: number) => `${sessionId}.${seq}`;

export function messageJson(row: MessageRow): MessageJson {
  return { id: messageId(row.sessionId, row.seq), role: row.role, content: row.content, status: row.status, createdAt: row.createdAt.toISOString() };
}

export function sessionState(row: SessionRow): RoleplayState {
  return stateFrom(row.state);
}

export function sessionSummaryJson(row: SessionRow, score: number | null) {
  return {
    id: row.id,
    scenarioId: row.scenarioId as ScenarioId,
    personaId: row.personaId as PersonaId,
    difficulty: row.difficulty as Difficulty,
    mode: row.mode as Mode,
    goal: row.goal,
    status: row.status,
    provider: row.provider,
    model: row.model,
    userTurns: row.userTurns,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    score,
  };
}

/**
 * The session as the API shows it. The hidden brief and the discoveries appear only once the
 * session has ended: before that, nothing the user can fetch gives the persona's needs away.
 */
export function sessionJson(row: SessionRow, rows: readonly MessageRow[], critique: Critique | undefined): SessionJson {
  const base = { ...sessionSummaryJson(row, critique?.score ?? null), context: row.context, messages: rows.map(messageJson) };
  if (row.status !== 'ended' || !critique) return base;
  const brief = getBrief(row.personaId as PersonaId, row.scenarioId as ScenarioId);
  return { ...base, critique, discoveries: discoveries(brief, sessionState(row)), brief: briefJson(brief) };
}

export function briefJson(brief: ReturnType<typeof getBrief>) {
  return { situation: brief.situation, facts: brief.facts.map((f) => ({ id: f.id, fact: f.fact })) };
}

/** Which facts of the brief the user uncovered, with the words of theirs that earned each. */
export function discoveries(brief: ReturnType<typeof getBrief>, state: RoleplayState) {
  return brief.facts.map((f) => {
    const revealed = state.revealed.find((r) => r.id === f.id);
    return { id: f.id, fact: f.fact, uncovered: revealed !== undefined, evidence: revealed?.evidence ?? [] };
  });
}
