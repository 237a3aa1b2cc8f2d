import type { PersonaTurn } from '../engine.js';
import { pushbackLines, type Persona } from '../scenarios/index.js';
import type { Reaction } from './turn-state.js';

/** The `n`th line of a pool: each said once, in order; a pool said through starts over. */
function nth(lines: readonly string[] | undefined, n: number): string | undefined {
  return lines && lines.length > 0 ? lines[n % lines.length] : undefined;
}

function linesFor(persona: Persona, turn: Pick<PersonaTurn, 'difficulty' | 'brief'>, reaction: Reaction): readonly string[] | undefined {
  const { lines } = persona;
  switch (reaction.kind) {
    case 'injection':
      return lines.stayInCharacter;
    case 'pushback':
      return pushbackLines(persona, turn.difficulty, reaction.because);
    case 'grudging':
      return lines.grudging;
    case 'reveal':
      return reaction.facts.map((fact) => turn.brief.facts.find((f) => f.id === fact.id)?.revealLine ?? fact.revealLine);
    case 'farewell':
      return lines.farewell;
    case 'commitment':
      return lines.acceptCommitment;
    case 'follow-up':
      return lines.agreeFollowUp;
    case 'deflect':
      return lines.deflect?.[reaction.topic];
    case 'small-talk':
      return lines.smallTalk;
    case 'acknowledge':
      return lines.acknowledge;
    case 'close':
      return lines.close;
    case 'neutral':
      return lines.neutral;
  }
}

/**
 * The scripted persona as a small dialogue manager: it answers the most important thing the
 * user's turn did (the first reaction: stepping out of the role, a pitfall, grudging agreement,
 * an earned fact, a goodbye, a commitment, a follow-up, a question, small talk, an answer), with
 * one line of the persona's own (facts earned together are told together), never one it has said
 * before in the session while its pool lasts. Deterministic: the same turn in the same state gets the same reply.
 */
export function offlinePersonaReply(turn: Pick<PersonaTurn, 'persona' | 'brief' | 'difficulty' | 'reactions' | 'line'>): string {
  const first = turn.reactions[0] ?? { kind: 'neutral' };
  // Facts earned by the same turn are told together: each is the answer to what was just done.
  if (first.kind === 'reveal') return (linesFor(turn.persona, turn, first) ?? []).join(' ');
  const n = turn.line;
  // A persona without lines of this kind yet answers with its neutral lines rather than nothing.
  return nth(linesFor(turn.persona, turn, first), n) ?? nth(turn.persona.lines.neutral, n) ?? '';
}
