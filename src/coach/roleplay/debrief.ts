import type { Critique } from '../critique/critique-schema.js';
import { checksFor, type ModeCheck } from '../rubric.js';
import { getScenario, type HiddenBrief, type Scenario, type ScenarioId } from '../scenarios/index.js';
import { partnerOf } from '../scenarios/partner.js';
import { stateFrom, type RoleplayState } from './turn-state.js';

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

export function briefJson(brief: HiddenBrief) {
  return { situation: brief.situation, facts: brief.facts.map((f) => ({ id: f.id, fact: f.fact })) };
}

/** Which facts of the brief the user uncovered, with the words of theirs that earned each. */
export function discoveries(brief: HiddenBrief, state: RoleplayState) {
  return brief.facts.map((f) => {
    const revealed = state.revealed.find((r) => r.id === f.id);
    const heldBack = revealed === undefined && (state.earned[f.id] ?? 0) > 0;
    return { id: f.id, fact: f.fact, uncovered: revealed !== undefined, heldBack, evidence: revealed?.evidence ?? [] };
  });
}

export interface Debrief {
  critique: Critique;
  discoveries: ReturnType<typeof discoveries>;
  /** For next time: the facts not found and how to find them, then the critique's top fixes. */
  hints: string[];
  brief: ReturnType<typeof briefJson>;
}

/**
 * What an ended rehearsal tells the user: its critique, which facts of the hidden brief they
 * uncovered, hints for next time, and the brief itself. Computed from what is stored, so every
 * reader (the end call, the session's GET, its page) shows the same debrief.
 */
export function debriefOf(session: { scenarioId: string; personaId: string; context: unknown; state: Record<string, unknown> }, critique: Critique): Debrief {
  const scenario = getScenario(session.scenarioId as ScenarioId);
  const { brief } = partnerOf(session);
  const found = discoveries(brief, stateFrom(session.state));
  const hints = [
    ...found
      .filter((d) => !d.uncovered)
      .map((d) => {
        const move = checksFor(scenario.mode).find((c) => brief.facts.find((f) => f.id === d.id)?.earnedBy.includes(c.id));
        // Asking and being held back is not the same as not asking: say so, and how to ask again.
        if (d.heldBack) return `You asked about ${FACT_WORDS[d.id]}, but they held back: ask again, more specifically, once you have shown them something.`;
        return `You did not find out ${FACT_WORDS[d.id]}: ${move ? move.advice : 'ask more open questions'}`;
      }),
    ...critique.topFixes.map((f) => f.fix),
  ];
  return { critique, discoveries: found, hints: [...new Set(hints)].slice(0, 5), brief: briefJson(brief) };
}
