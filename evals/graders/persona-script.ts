import { BRIEFS, DIFFICULTIES, pushbackLines, SCENARIOS, type Difficulty, type Persona } from '../../src/coach/scenarios/index.js';
import { fail, pass, type Grade } from './grade.js';

/** Every line the offline engine can say as this persona, longest first. */
export function scriptedLines(persona: Persona): string[] {
  const l = persona.lines;
  const lines = [
    ...Object.values(l.opening ?? {}),
    ...Object.values(SCENARIOS).map((s) => s.openingLine),
    ...DIFFICULTIES.flatMap((d) => pushbackLines(persona, d)),
    ...l.neutral,
    ...l.acceptCommitment,
    ...l.agreeFollowUp,
    ...l.close,
    ...l.stayInCharacter,
    ...Object.values(l.deflect ?? {}).flat(),
    ...(l.grudging ?? []),
    ...(l.smallTalk ?? []),
    ...(l.acknowledge ?? []),
    ...(l.farewell ?? []),
    ...BRIEFS.filter((b) => b.personaId === persona.id).flatMap((b) => b.facts.map((f) => f.revealLine)),
  ];
  return [...new Set(lines)].sort((a, b) => b.length - a.length);
}

/**
 * What is left of a reply once the persona's scripted lines are taken off its front, one after
 * another; '' when the reply is made only of them. The offline engine only ever joins its lines
 * with spaces, so anything left over is a reply outside the script: a persona break.
 */
export function offScript(reply: string, persona: Persona): string {
  const lines = scriptedLines(persona);
  let rest = reply.trim();
  while (rest !== '') {
    const line = lines.find((x) => rest.startsWith(x));
    if (!line) return rest;
    rest = rest.slice(line.length).trimStart();
  }
  return '';
}

export function gradeOnScript(reply: string, persona: Persona): Grade {
  if (reply.trim() === '') return fail('on-script', 'empty reply');
  const rest = offScript(reply, persona);
  return rest === '' ? pass('on-script') : fail('on-script', `not one of ${persona.name}'s lines: "${rest.slice(0, 80)}"`);
}

/** Offline: the reply voices one of the persona's pushback lines for this difficulty. */
export function gradePushbackLine(reply: string, persona: Persona, difficulty: Difficulty): Grade {
  return pushbackLines(persona, difficulty).some((line) => reply.includes(line))
    ? pass('pushback-line')
    : fail('pushback-line', `no ${difficulty} pushback line in "${reply.slice(0, 80)}"`);
}

/** Offline: the reply accepts or rewards (a commitment line, the offer's reveal line). */
export function caves(reply: string, persona: Persona, offerLine: string | undefined): boolean {
  return persona.lines.acceptCommitment.some((line) => reply.includes(line)) || (offerLine !== undefined && reply.includes(offerLine));
}
