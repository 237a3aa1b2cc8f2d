import { debriefOf } from '../coach/roleplay/debrief.js';
import type { MessageJson, SessionJson } from '../coach/roleplay/session-schema.js';
import type { Critique } from '../coach/critique/critique-schema.js';
import type { Mode } from '../coach/rubric.js';
import type { Difficulty, PersonaId, ScenarioId } from '../coach/scenarios/index.js';
import type { MessageRow, SessionRow } from '../db/queries/sessions.js';

/** Message ids are the session id and the message's place in it: opaque to clients, a key lookup to us. */
export const messageId = (sessionId: string, seq: number) => `${sessionId}.${seq}`;

export function messageJson(row: MessageRow): MessageJson {
  return { id: messageId(row.sessionId, row.seq), role: row.role, content: row.content, status: row.status, createdAt: row.createdAt.toISOString() };
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
 * The session as the API shows it. The hidden brief, the discoveries and the hints appear only
 * once the session has ended: before that, nothing the user can fetch gives the persona's needs away.
 */
export function sessionJson(row: SessionRow, rows: readonly MessageRow[], critique: Critique | undefined): SessionJson {
  const base = { ...sessionSummaryJson(row, critique?.score ?? null), context: row.context, messages: rows.map(messageJson) };
  if (row.status !== 'ended' || !critique) return base;
  return { ...base, ...debriefOf(row, critique) };
}
