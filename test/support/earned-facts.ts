import { expect } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { getSession } from '../../src/db/queries/sessions.js';
import { stateFrom } from '../../src/coach/roleplay/turn-state.js';
import { getBrief, type PersonaId, type ScenarioId } from '../../src/coach/scenarios/index.js';
import type { RecordedRequest } from './scripted-openai-server.js';

/** Every message text of a request, as the provider received it. */
export function requestText(request: RecordedRequest): string {
  return (request.body?.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
}

/**
 * Checks that none of `requests` (those made during one turn) holds a fact of the session's brief
 * that the session had not earned by the end of that turn: the persona sees only what it may say.
 * Returns how many facts were earned, so a caller can show the check was not vacuous.
 */
export async function expectOnlyEarnedFacts(db: Db, userId: string, sessionId: string, requests: readonly RecordedRequest[]): Promise<number> {
  const session = await getSession(db, userId, sessionId);
  if (!session) throw new Error(`session ${sessionId} vanished`);
  const brief = getBrief(session.personaId as PersonaId, session.scenarioId as ScenarioId);
  const revealed = new Set(stateFrom(session.state).revealed.map((r) => r.id));
  for (const request of requests) {
    const text = requestText(request);
    for (const fact of brief.facts) {
      if (!revealed.has(fact.id)) expect(text.includes(fact.fact), `unearned fact "${fact.id}" sent to the model`).toBe(false);
    }
  }
  return revealed.size;
}
