import { BRIEFS } from './briefs.js';
import { PERSONAS } from './personas.js';
import { SCENARIOS } from './scenarios.js';
import { EMPLOYEE_PERSONA_IDS, MANAGER_PERSONA_IDS, type HiddenBrief, type Persona, type PersonaId, type Scenario, type ScenarioId } from './types.js';

export * from './types.js';
export { BRIEFS, EARNED_BY, FACT_IDS } from './briefs.js';
export { PERSONAS, PUSHBACK_TRIGGERS, pushbackLines } from './personas.js';
export { SCENARIOS } from './scenarios.js';

export function getScenario(id: ScenarioId): Scenario {
  const scenario = (SCENARIOS as Partial<Record<string, Scenario>>)[id];
  if (!scenario) throw new Error(`Unknown scenario: ${String(id)}`);
  return scenario;
}

export function getPersona(id: PersonaId): Persona {
  const persona = (PERSONAS as Partial<Record<string, Persona>>)[id];
  if (!persona) throw new Error(`Unknown persona: ${String(id)}`);
  return persona;
}

const briefKey = (personaId: string, scenarioId: string): string => `${personaId}\u0000${scenarioId}`;
const BRIEFS_BY_PAIR = new Map<string, HiddenBrief>(BRIEFS.map((b) => [briefKey(b.personaId, b.scenarioId), b]));

/** The hidden brief for one persona in one scenario; throws for a pair that has none (a persona on the wrong side). */
export function getBrief(personaId: PersonaId, scenarioId: ScenarioId): HiddenBrief {
  const brief = BRIEFS_BY_PAIR.get(briefKey(personaId, scenarioId));
  if (!brief) throw new Error(`No brief for persona ${String(personaId)} in scenario ${String(scenarioId)}`);
  return brief;
}

/** The personas that can play the other side of a scenario: managers for employee scenarios, employees for `manager-initiated`. */
export function personasFor(scenario: Scenario | ScenarioId): Persona[] {
  const { mode } = typeof scenario === 'string' ? getScenario(scenario) : scenario;
  const ids: readonly PersonaId[] = mode === 'employee' ? MANAGER_PERSONA_IDS : EMPLOYEE_PERSONA_IDS;
  return ids.map(getPersona);
}
