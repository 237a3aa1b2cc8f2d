import type { CheckId } from '../rubric.js';

export const SCENARIO_IDS = [
  'performance-check',
  'offer-help',
  'unglamorous-task',
  'goal-alignment',
  'follow-up',
  'advanced-update',
  'manager-initiated',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const MANAGER_PERSONA_IDS = ['supportive-busy', 'overwhelmed', 'skeptical', 'assumes-path', 'new-manager', 'exploitative'] as const;
export const EMPLOYEE_PERSONA_IDS = ['quiet-high-performer', 'wants-ic-depth', 'wants-management', 'disengaged'] as const;
export const PERSONA_IDS = [...MANAGER_PERSONA_IDS, ...EMPLOYEE_PERSONA_IDS] as const;
export type ManagerPersonaId = (typeof MANAGER_PERSONA_IDS)[number];
export type EmployeePersonaId = (typeof EMPLOYEE_PERSONA_IDS)[number];
export type PersonaId = (typeof PERSONA_IDS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** The facts of every hidden brief, in the order a brief lists them. */
export const FACT_IDS = ['need', 'perception', 'assumption', 'offer'] as const;
export type FactId = (typeof FACT_IDS)[number];

/**
 * The pitfalls each side's pushback lines answer (`lines.pushback[difficulty][trigger]`), in the
 * order the whole pool takes them in turn. Manager personas answer the user's employee-side
 * pitfalls. Employee personas answer the only manager-side pitfall, a presumed goal; how they meet
 * vagueness or pressure from the user-as-manager is left to `style`, since no check detects it.
 */
export const PUSHBACK_TRIGGERS = {
  manager: ['demanding', 'vague_goal', 'refuses_work', 'blames_others'],
  employee: ['assumes_goal'],
} as const satisfies Record<'manager' | 'employee', readonly [CheckId, ...CheckId[]]>;
