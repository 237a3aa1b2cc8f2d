import type { ChatStreamEvent, ModelIdentity } from '../llm/chat-model.js';
import type { AnalysisBudget } from './analyzer/budget.js';
import type { EngineCritique } from './critique/critique-schema.js';
import type { EntryReading } from './loop/entry-reading-schema.js';
import type { EntryInput } from './loop/read-entry.js';
import type { TurnReading } from './reading/reading-schema.js';
import type { Purpose } from './critique/purpose.js';
import type { CheckId, Mode, ModeCheck } from './rubric.js';
import type { PersonaPromptInput, WindowMessage } from './roleplay/persona-prompt.js';
import type { RoleplayState } from './roleplay/turn-state.js';
import type { Scenario } from './scenarios/index.js';

/** What the writer told us about a draft's setting; fields the writer left out are absent. */
export interface CritiqueContext {
  managerName?: string | undefined;
  goal?: string | undefined;
  relationship?: string | undefined;
}

export interface CritiqueInput {
  text: string;
  mode: Mode;
  /** The checks to judge; a role-play scores its scenario's, a draft all of its mode's. */
  checks: readonly ModeCheck[];
  context: CritiqueContext;
  /** What the message is for, when the user said (a draft in employee mode). */
  purpose?: Purpose | undefined;
  /** How long the offline analyzer may read the text, when an engine uses it. */
  budget?: AnalysisBudget;
  signal?: AbortSignal;
}

/** An engine's critique before it is checked against the text and scored (`assembleCritique`). */
export interface CritiqueAnswer extends ModelIdentity {
  value: EngineCritique;
  /** The prompt the answer is to, stored with the critique so evals can report per version. */
  prompt: { id: string; version: number };
  /** Checks the offline analyzer ran out of time to read (`budget`): answered not present, but not known absent. */
  unread?: readonly CheckId[];
}

/** One reply's input: the prompt's, and which line of its kind the offline persona says (it never says one twice). */
export type PersonaTurn = PersonaPromptInput & { line: number };

export interface SummaryInput {
  previous: string;
  turns: readonly WindowMessage[];
  personaName: string;
  mode: Mode;
  state: RoleplayState;
  signal?: AbortSignal;
}

export interface HintInput {
  scenario: Scenario;
  state: RoleplayState;
  transcript: readonly WindowMessage[];
  personaName: string;
}

/**
 * Everything the coach asks of an engine. Two implementations: `offline` (the rubric analyzer and
 * the scripted personas, deterministic, in-process) and `llm` (the versioned prompts sent to any
 * chat model). The app is given one by its entry point and never asks which it has.
 */
export interface CoachEngine extends ModelIdentity {
  critique(input: CritiqueInput): Promise<CritiqueAnswer>;
  /** What a user turn of a rehearsal does (acts, checks with quotes, tone), read after the other side's last line. */
  readTurn(input: { text: string; mode: Mode; previous?: string | undefined; turn?: number; budget?: AnalysisBudget }): Promise<TurnReading>;
  /**
   * The persona's next line as text deltas, then exactly one `done` with the whole text. With
   * `stream: false` the reply is produced whole and arrives as one delta.
   */
  personaReply(turn: PersonaTurn, opts: { stream: boolean; signal?: AbortSignal }): AsyncIterable<ChatStreamEvent>;
  /** The coach's hint, out of character: the next move of the loop and why it helps now. */
  hint(input: HintInput): Promise<string>;
  /**
   * What a journal entry of a real conversation shows: the checks of the user's own words, the
   * other person's needs and feedback, commitments with dates, whether they engaged with the goal.
   */
  readEntry(input: EntryInput & { signal?: AbortSignal }): Promise<EntryReading>;
  /** Folds older turns into the running summary that stands in for them in the persona's prompt. */
  summary(input: SummaryInput): Promise<string>;
}
