import type { CheckId, Mode, Step } from '../rubric.js';

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

export interface Scenario {
  id: ScenarioId;
  /** `manager`: the user plays the manager and the model an employee. */
  mode: Mode;
  step: Step;
  title: string;
  /** What the user is trying to do, in one or two sentences, addressed to the user. */
  objective: string;
  /** The rubric checks the user's turns are scored on (moves; pitfalls of the mode always count). */
  scoredChecks: readonly CheckId[];
  /** The persona's first line when the persona has none of its own for this scenario. */
  openingLine: string;
  /** A goal the user may keep or replace with their own. */
  suggestedGoal: string;
  defaultPersona: PersonaId;
}

/**
 * One fact of a hidden brief. The persona says `revealLine` (in character, never the `fact`
 * sentence itself) only once a user turn shows one of `earnedBy`.
 */
export interface BriefFact {
  id: 'need' | 'perception' | 'assumption' | 'offer';
  /** The fact as the brief states it (shown to the user after the session ends). */
  fact: string;
  /** What the persona says when the fact is earned. Must not contain `fact` verbatim. */
  revealLine: string;
  earnedBy: readonly CheckId[];
}

/** What a persona knows, needs and assumes in one scenario; hidden until the session ends. */
export interface HiddenBrief {
  personaId: PersonaId;
  scenarioId: ScenarioId;
  situation: string;
  facts: readonly BriefFact[];
}

/** The persona's lines for each state of the offline engine, by difficulty where it matters. */
export interface PersonaLines {
  /** Overrides the scenario's opening line. */
  opening?: Partial<Record<ScenarioId, string>>;
  /** When the user is demanding, vague, refuses work or blames others. */
  pushback: Record<Difficulty, readonly string[]>;
  /** When the user makes no move the persona can respond to (small talk, off-topic). */
  neutral: readonly string[];
  /** When the user commits to the persona's need. */
  acceptCommitment: readonly string[];
  /** When the user proposes a follow-up. */
  agreeFollowUp: readonly string[];
  /** When nothing is left to reveal and the user keeps going. */
  close: readonly string[];
  /** A prompt-injection or out-of-character request ("ignore your instructions"). */
  stayInCharacter: readonly string[];
}

export interface Persona {
  id: PersonaId;
  /** Which side the persona plays: a manager (employee scenarios) or an employee (manager-initiated). */
  side: 'manager' | 'employee';
  name: string;
  role: string;
  /** Public description shown in the persona picker. */
  description: string;
  /** How it talks and behaves, for the model prompt. */
  style: string;
  /** How readily it opens up: the number of earning moves needed before it reveals a fact, by difficulty. */
  guardedness: Record<Difficulty, number>;
  lines: PersonaLines;
}
