import type { z } from '@hono/zod-openapi';
import { countSessions, getSession, insertSession, type SessionRow } from '../../db/queries/sessions.js';
import type { Deps } from '../../deps.js';
import { RuleViolationError, ValidationError } from '../../errors.js';
import { getPersona, getScenario, personasFor } from '../scenarios/index.js';
import type { CreateSessionSchema } from './session-schema.js';

/** Starts a rehearsal: the session and the persona's opening line. Used by the API and the web pages alike. */
export async function startSession(
  deps: Pick<Deps, 'db' | 'model' | 'newId' | 'now' | 'config'>,
  userId: string,
  body: z.infer<typeof CreateSessionSchema>,
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
  const persona = getPersona(personaId);
  const now = new Date(deps.now());
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
    provider: deps.model.provider,
    model: deps.model.model,
    createdAt: now,
    updatedAt: now,
  };
  const opening = persona.lines.opening?.[scenario.id] ?? scenario.openingLine;
  await insertSession(deps.db, row, {
    role: 'persona',
    content: opening,
    status: 'complete',
    createdAt: now,
    provider: deps.model.provider,
    model: deps.model.model,
  });
  const created = await getSession(deps.db, userId, row.id);
  if (!created) throw new Error('the session just inserted is missing');
  return created;
}
