import type { CoachEngine, CritiqueContext } from '../engine.js';
import { checksFor, type CheckId, type Mode, type ModeCheck } from '../rubric.js';
import { assembleCritique } from './assemble-critique.js';
import type { Critique } from './critique-schema.js';

export interface CritiqueRequest {
  text: string;
  mode: Mode;
  context?: CritiqueContext;
  /** Earlier drafts or sessions with the same manager already showed steps 1-3. */
  earnedBefore: boolean;
  draftId?: string;
  sessionId?: string;
  /** A role-play scores its scenario's checks; a draft all of its mode's. */
  checks?: readonly ModeCheck[];
  targetSteps?: number;
  /**
   * What a rehearsal's turns were read to show, turn by turn. When given, these decide which checks
   * are present (the persona reacted to the same readings); the engine writes the words around them.
   */
  observed?: ReadonlyArray<{ id: CheckId; evidence: readonly string[] }>;
  signal?: AbortSignal;
}

/**
 * Critiques a text with whichever engine it is given and verifies the answer into the critique
 * shape: quotes checked against the text, the score computed by our code, never the engine's.
 */
export async function runCritique(deps: { engine: CoachEngine; newId: (prefix: 'crq') => string; now: () => number }, req: CritiqueRequest): Promise<Critique> {
  const checks = req.checks ?? checksFor(req.mode);
  const answer = await deps.engine.critique({
    text: req.text,
    mode: req.mode,
    checks,
    context: req.context ?? {},
    ...(req.signal && { signal: req.signal }),
  });
  return assembleCritique({
    text: req.text,
    mode: req.mode,
    engine: req.observed ? { ...answer.value, checks: observedChecks(req.observed) } : answer.value,
    identity: { provider: answer.provider, model: answer.model },
    prompt: answer.prompt,
    checks,
    ...(req.targetSteps !== undefined && { targetSteps: req.targetSteps }),
    earnedBefore: req.earnedBefore,
    id: deps.newId('crq'),
    ...(req.draftId && { draftId: req.draftId }),
    ...(req.sessionId && { sessionId: req.sessionId }),
    createdAt: new Date(deps.now()).toISOString(),
  });
}

/** Every check any turn showed, with all its quotes, as an engine would report them. */
function observedChecks(observed: NonNullable<CritiqueRequest['observed']>) {
  const byId = new Map<CheckId, string[]>();
  for (const { id, evidence } of observed) byId.set(id, [...(byId.get(id) ?? []), ...evidence]);
  return [...byId].map(([id, evidence]) => ({ id, present: true, evidence }));
}
