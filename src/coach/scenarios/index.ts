import { BRIEFS, PERSONAS, SCENARIOS } from './generated.js';
import type { HiddenBrief, Persona, Scenario } from './content-schema.js';
import { EMPLOYEE_PERSONA_IDS, MANAGER_PERSONA_IDS, type PersonaId, type ScenarioId } from './ids.js';

export * from './ids.js';
// The shapes are defined once, as the zod schemas that validate content/ at build time.
export type { BriefFact, HiddenBrief, Persona, PersonaLines, Scenario } from './content-schema.js';
export { BRIEFS, EARNED_BY, PERSONAS, SCENARIOS } from './generated.js';
export { pushbackLines } from './pushback-lines.js';

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
