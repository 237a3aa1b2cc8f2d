import type { ChatMessage, PromptRef } from '../../llm/chat-model.js';
import { asData, capped, newMarker } from '../../prompts/data-block.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import type { TurnReading } from '../reading/reading-schema.js';
import type { Difficulty, HiddenBrief, Persona, Scenario } from '../scenarios/index.js';
import { DIFFICULTY_NOTES, directionFor } from './direction.js';
import type { Reaction, RoleplayState } from './turn-state.js';

/** Complete messages of the transcript that a prompt may show the model. */
export interface WindowMessage {
  role: 'user' | 'persona';
  content: string;
}

/** How many recent messages go to the model verbatim; older ones live in the running summary. */
export const PROMPT_WINDOW = 12;

/** The longest running summary a prompt carries: a summary that grew (or was made to grow) is cut, never sent whole. */
export const SUMMARY_MAX_CHARS = 2_000;

export const TURN_NOTE_PROMPT = getPrompt('turn-note');
export const SUMMARY_NOTE_PROMPT = getPrompt('summary-note');

export const PERSONA_PROMPTS = { employee: getPrompt('roleplay-manager'), manager: getPrompt('roleplay-employee') } as const;

export interface PersonaPromptInput {
  scenario: Scenario;
  persona: Persona;
  brief: HiddenBrief;
  difficulty: Difficulty;
  canary: string;
  state: RoleplayState;
  reactions: Reaction[];
  summary: string;
  window: readonly WindowMessage[];
  /** The user turn being answered (1-based), to vary the offline persona's lines deterministically. */
  turn: number;
  /** The reading of the user turn being answered; the request ends with it and the direction. */
  reading?: TurnReading;
}

/**
 * The persona's prompt for one reply: the versioned role-play prompt (persona, brief with its
 * canary, what is earned, the direction for this turn), the running summary, then the last
 * PROMPT_WINDOW messages. Bounded however long the session runs.
 *
 * The system message is ours alone. The summary is written from the user's turns, so it comes
 * as data (a user message, in a block closed by this request's marker, capped), never in the
 * system text; and only notes with the marker come from the coach (the user cannot know it).
 */
export function personaPrompt(input: PersonaPromptInput): { messages: ChatMessage[]; ref: PromptRef } {
  const { scenario, persona, brief, state } = input;
  const revealed = brief.facts.filter((f) => state.revealed.some((r) => r.id === f.id));
  const marker = newMarker();
  const { text, ref } = renderPrompt(PERSONA_PROMPTS[scenario.mode], {
    personaName: persona.name,
    personaRole: persona.role,
    personaStyle: persona.style,
    difficulty: input.difficulty,
    difficultyNote: DIFFICULTY_NOTES[input.difficulty],
    scenarioTitle: scenario.title,
    situation: brief.situation,
    canary: input.canary,
    brief: brief.facts.map((f) => `- ${f.id}: ${f.fact}`).join('\n'),
    revealed: revealed.length > 0 ? revealed.map((f) => f.id).join(', ') : 'nothing yet',
    direction: directionFor(input.reactions, input.difficulty),
    marker,
  });
  const recent = input.window.slice(-PROMPT_WINDOW);
  const summary = asData(capped(input.summary.trim(), SUMMARY_MAX_CHARS), marker);
  const messages: ChatMessage[] = [
    { role: 'system', content: text },
    ...(summary ? [{ role: 'user' as const, content: renderPrompt(SUMMARY_NOTE_PROMPT, { marker, summary }).text.trim() }] : []),
    ...recent.map((m): ChatMessage => ({ role: m.role === 'user' ? 'user' : 'assistant', content: asData(m.content, marker) })),
  ];
  // The request ends with what the user just said, how it was read and what to do about it, so
  // the model answers that line rather than the conversation in general.
  const last = messages.at(-1);
  if (input.reading && recent.length > 0 && last?.role === 'user') {
    const note = renderPrompt(TURN_NOTE_PROMPT, {
      marker,
      acts: input.reading.acts.join(', ') || 'makes no move',
      tone: input.reading.tone,
      direction: directionFor(input.reactions, input.difficulty),
    });
    messages[messages.length - 1] = { role: 'user', content: `${last.content}\n\n${note.text.trim()}` };
  }
  return { messages, ref };
}

/** What a reply must never carry, whichever engine wrote it: the canary or a sentence of the brief. */
export function forbiddenIn(brief: HiddenBrief, canary: string): string[] {
  return [canary, ...brief.facts.map((f) => f.fact), brief.situation];
}
