import { insertCritique } from '../../db/queries/drafts.js';
import { endSession, getMessages, getSession, lockSession, sessionCritique, unlockSession, type SessionRow } from '../../db/queries/sessions.js';
import type { Deps } from '../../deps.js';
import { ConflictError, RuleViolationError } from '../../errors.js';
import type { Critique } from '../critique/critique-schema.js';
import { runCritique } from '../critique/run-critique.js';
import { checksFor, type ModeCheck } from '../rubric.js';
import { getBrief, getScenario, type PersonaId, type Scenario, type ScenarioId } from '../scenarios/index.js';
import { briefJson, discoveries, sessionJson, sessionState } from './session-view.js';
import { turnDeadlineMs } from './take-turn.js';

const FACT_WORDS = {
  need: 'what they need from you',
  perception: 'how they see your work',
  assumption: 'what they assume you want',
  offer: 'what they would offer in return',
};

/** The checks a scenario's critique is scored on: its moves, and every pitfall of its mode. */
export function scenarioChecks(scenario: Scenario): ModeCheck[] {
  return checksFor(scenario.mode).filter((c) => c.kind === 'pitfall' || scenario.scoredChecks.includes(c.id));
}

export function scenarioTargetSteps(scenario: Scenario): number {
  return new Set(
    scenarioChecks(scenario)
      .filter((c) => c.kind === 'move')
      .map((c) => String(c.step)),
  ).size;
}

/**
 * Ends a rehearsal: a critique of the user's own turns (same engine and shape as drafts), which
 * facts of the hidden brief they uncovered, hints for next time, and the brief itself. Ending an
 * ended session returns the same result.
 */
export async function endRoleplay(deps: Pick<Deps, 'db' | 'model' | 'now' | 'newId' | 'config'>, session: SessionRow) {
  const scenario = getScenario(session.scenarioId as ScenarioId);
  const brief = getBrief(session.personaId as PersonaId, scenario.id);
  let critique: Critique | undefined = session.status === 'ended' ? await sessionCritique(deps.db, session.userId, session.id) : undefined;
  let ended = session;

  if (!critique) {
    const userTurns = (await getMessages(deps.db, session.userId, session.id)).filter((m) => m.role === 'user');
    if (userTurns.length === 0) throw new RuleViolationError('no_turns', 'Say at least one thing in the rehearsal before ending it.');
    const now = deps.now();
    // Holding the turn lock means no reply lands after the transcript was critiqued.
    const locked = await lockSession(deps.db, session.userId, session.id, now, now + turnDeadlineMs(deps.config));
    if (!locked) throw new ConflictError('A reply is still being produced; end the session once it has arrived.');
    try {
      critique = await runCritique(deps, {
        text: userTurns.map((m) => m.content).join('\n\n'),
        mode: scenario.mode,
        checks: scenarioChecks(scenario),
        targetSteps: scenarioTargetSteps(scenario),
        earnedBefore: false,
        sessionId: session.id,
      });
      await insertCritique(deps.db, session.userId, critique);
      await endSession(deps.db, session.userId, session.id, deps.now());
    } finally {
      await unlockSession(deps.db, session.userId, session.id);
    }
    ended = (await getSession(deps.db, session.userId, session.id)) ?? session;
  }

  const found = discoveries(brief, sessionState(ended));
  const hints = [
    ...found
      .filter((d) => !d.uncovered)
      .map((d) => {
        const move = checksFor(scenario.mode).find((c) => brief.facts.find((f) => f.id === d.id)?.earnedBy.includes(c.id));
        return `You did not find out ${FACT_WORDS[d.id]}: ${move ? move.advice : 'ask more open questions'}`;
      }),
    ...critique.topFixes.map((f) => f.fix),
  ];
  const messages = await getMessages(deps.db, session.userId, session.id);
  return {
    session: sessionJson(ended, messages, critique),
    critique,
    discoveries: found,
    hints: [...new Set(hints)].slice(0, 5),
    brief: briefJson(brief),
  };
}
