import type { PersonaTurn } from '../engine.js';
import { pushbackLines } from '../scenarios/index.js';

function pick(lines: readonly string[], turn: number): string {
  return lines.length === 0 ? '' : (lines[turn % lines.length] as string);
}

/**
 * The scripted persona: answers each reaction of the turn (most important first) with the persona's
 * own lines, so a rehearsal reads as a conversation without any model, and the same input always
 * gets the same reply.
 */
export function offlinePersonaReply(data: Pick<PersonaTurn, 'persona' | 'brief' | 'difficulty' | 'reactions' | 'turn'>): string {
  const { persona, brief } = data;
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
