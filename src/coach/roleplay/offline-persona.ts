import { getBrief, getPersona, pushbackLines, type Difficulty, type PersonaId, type ScenarioId } from '../scenarios/index.js';
import type { Reaction } from './turn-state.js';

/** What the offline persona engine gets through the prompt's structured data. */
export interface PersonaTurnData {
  personaId: PersonaId;
  scenarioId: ScenarioId;
  difficulty: Difficulty;
  reactions: Reaction[];
  /** The user turn being answered (1-based), to vary lines deterministically. */
  turn: number;
}

function pick(lines: readonly string[], turn: number): string {
  return lines.length === 0 ? '' : (lines[turn % lines.length] as string);
}

/**
 * The scripted persona: answers each reaction of the turn (most important first) with the persona's
 * own lines, so a rehearsal reads as a conversation without any model, and the same input always
 * gets the same reply.
 */
export function offlinePersonaReply(data: PersonaTurnData): string {
  const persona = getPersona(data.personaId);
  const brief = getBrief(data.personaId, data.scenarioId);
  const parts: string[] = [];
  for (const reaction of data.reactions) {
    switch (reaction.kind) {
      case 'injection':
        parts.push(pick(persona.lines.stayInCharacter, data.turn));
        break;
      case 'pushback':
        parts.push(pick(pushbackLines(persona, data.difficulty, reaction.because), data.turn));
        break;
      case 'reveal':
        for (const fact of reaction.facts) parts.push(brief.facts.find((f) => f.id === fact.id)?.revealLine ?? '');
        break;
      case 'commitment':
        parts.push(pick(persona.lines.acceptCommitment, data.turn));
        break;
      case 'follow-up':
        parts.push(pick(persona.lines.agreeFollowUp, data.turn));
        break;
      case 'close':
        parts.push(pick(persona.lines.close, data.turn));
        break;
      case 'neutral':
        parts.push(pick(persona.lines.neutral, data.turn));
        break;
    }
  }
  return parts.filter(Boolean).join(' ');
}
