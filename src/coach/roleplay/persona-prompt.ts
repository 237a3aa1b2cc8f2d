import type { ChatMessage, PromptRef } from '../../llm/chat-model.js';
import { asData, capped, newMarker } from '../../prompts/data-block.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import type { TurnReading } from '../reading/reading-schema.js';
import type { Difficulty, HiddenBrief, Persona, Scenario } from '../scenarios/index.js';
import { DIFFICULTY_NOTES, directionFor } from './direction.js';
import { MIN_SENTENCE, SENTENCE_BREAK } from './leak-guard.js';
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
export const EARLIER_LINE_PROMPT = getPrompt('earlier-line-note');

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
 * The persona's prompt for one reply: the versioned role-play prompt (persona, the scene as the
 * user knows it, the canary, only the facts already earned, the direction for this turn), the
 * running summary, then the last PROMPT_WINDOW messages. Bounded however long the session runs.
 *
 * The persona sees only what it may say: a fact enters its prompt once our code has judged it
 * earned (`state.revealed`), and the brief's situation, which restates its facts, never does; so
 * no wording of a question, and no model that repeats its prompt, can get an unearned fact out.
 *
 * The system message is ours alone. The summary is written from the user's turns, so it comes
 * as data (a user message, in a block closed by this request's marker, capped), never in the
 * system text; and only notes with the marker come from the coach (the user cannot know it).
 *
 * The conversation starts with a user message, as strict chat templates require: a window that
 * would open on the persona's line (its opening, or an older reply once turns scroll out) carries
 * that line in a note of ours instead. The client merges what is then two user messages in a row.
 */
export function personaPrompt(input: PersonaPromptInput): { messages: ChatMessage[]; ref: PromptRef } {
  const marker = newMarker();
  const { text, ref } = renderPrompt(PERSONA_PROMPTS[input.scenario.mode], systemVars(input, marker));
  const recent = input.window.slice(-PROMPT_WINDOW);
  const summary = asData(capped(input.summary.trim(), SUMMARY_MAX_CHARS), marker);
  const [first, ...rest] = recent;
  const opensWithPersona = !summary && first?.role === 'persona';
  const messages: ChatMessage[] = [
    { role: 'system', content: text },
    ...(summary ? [{ role: 'user' as const, content: renderPrompt(SUMMARY_NOTE_PROMPT, { marker, summary }).text.trim() }] : []),
    ...(opensWithPersona ? [{ role: 'user' as const, content: earlierLineNote(first.content, marker) }] : []),
    ...(opensWithPersona ? rest : recent).map((m): ChatMessage => ({ role: m.role === 'user' ? 'user' : 'assistant', content: asData(m.content, marker) })),
  ];
  // The request ends with what the user just said, how it was read and what to do about it, so
  // the model answers that line rather than the conversation in general.
  const last = messages.at(-1);
  if (input.reading && recent.length > 0 && last?.role === 'user') {
    const note = renderPrompt(TURN_NOTE_PROMPT, {
      marker,
      acts: input.reading.acts.join(', ') || 'makes no move',
      tone: input.reading.tone,
      direction: directionOf(input),
    });
    messages[messages.length - 1] = { role: 'user', content: `${last.content}\n\n${note.text.trim()}` };
  }
  return { messages, ref };
}

function earlierLineNote(line: string, marker: string): string {
  return renderPrompt(EARLIER_LINE_PROMPT, { marker, line: asData(line, marker) }).text.trim();
}

/** The system prompt's variables: the persona, the scene, the canary, and of the brief only what was earned. */
function systemVars(input: PersonaPromptInput, marker: string): Record<string, string> {
  const { scenario, persona } = input;
  const earned = earnedFacts(input);
  return {
    personaName: persona.name,
    personaRole: persona.role,
    personaStyle: persona.style,
    difficulty: input.difficulty,
    difficultyNote: DIFFICULTY_NOTES[input.difficulty],
    scenarioTitle: scenario.title,
    // The scene as the user may know it: the brief's own situation restates its secrets.
    personaDescription: persona.description,
    canary: input.canary,
    earned: earned.length > 0 ? earned.map((f) => `- ${f.fact}`).join('\n') : '- nothing yet',
    direction: directionOf(input),
    marker,
  };
}

function directionOf(input: PersonaPromptInput): string {
  return directionFor(input.reactions, input.difficulty, { answers: input.brief.answers, turn: input.turn });
}

function earnedFacts({ brief, state }: Pick<PersonaPromptInput, 'brief' | 'state'>) {
  return brief.facts.filter((f) => state.revealed.some((r) => r.id === f.id));
}

/** A paragraph break, a list item's dash, or a colon: where a restated piece of the prompt may start. */
const CLAUSE_BREAK = /\n\s*\n|\n- |:\s+/;

/** Stands where the request's marker goes, to cut the system text around it: each request draws its own marker. */
const HOLE = '\u0000';

/**
 * What a reply must never carry, whichever engine wrote it: the canary, a sentence of the brief,
 * and any sentence of the persona's system prompt (its rules and direction too, not only the
 * brief). The lines the direction hands over for the persona to say (an earned fact's reveal line,
 * an answer line) are left out: saying them is the point. The leak guard checks each string whole
 * and sentence by sentence.
 */
export function forbiddenIn(input: PersonaPromptInput): string[] {
  const { brief, canary } = input;
  const system = renderPrompt(PERSONA_PROMPTS[input.scenario.mode], systemVars(input, HOLE)).text;
  const mayVoice = [...earnedFacts(input).map((f) => f.revealLine), ...Object.values(brief.answers ?? {}).flat()];
  const pieces = mayVoice.reduce((text, line) => text.split(line).join(HOLE), system).split(HOLE);
  // Sentences (and the clauses after a heading such as "Rules:" or a list's dash), and only those
  // long enough to be the prompt's rather than anyone's words.
  const sentences = pieces.flatMap((p) => p.split(CLAUSE_BREAK)).flatMap((p) => p.split(SENTENCE_BREAK).map((s) => s.trim()));
  return [canary, ...brief.facts.map((f) => f.fact), brief.situation, ...new Set(sentences.filter((p) => p.length >= MIN_SENTENCE))];
}
