import { BRIEFS, DIFFICULTIES, pushbackLines, SCENARIOS, type Difficulty, type Persona } from '../../src/coach/scenarios/index.js';
import { closingAsk } from '../../src/coach/reading/closing-ask.js';
import { fillEcho, fillResult, LEADS, OPEN_LEADS, RESULT_LEADS } from '../../src/coach/roleplay/reply-leads.js';
import { resultOf } from '../../src/coach/reading/result.js';
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
    ...BRIEFS.filter((b) => b.personaId === persona.id).flatMap((b) => [...b.facts.map((f) => f.revealLine), ...Object.values(b.answers ?? {}).flat()]),
  ];
  // A reply keeps a long line's opening sentences when it must stay short.
  const openings = lines.flatMap((line) => {
    const sentences = line.match(/[^.!?…]+(?:[.!?…]+["'’”)\]]*|$)\s*/g) ?? [line];
    return sentences.slice(1).map((_, k) =>
      sentences
        .slice(0, k + 1)
        .join('')
        .trim(),
    );
  });
  return [...new Set([...lines, ...openings])].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The few words any persona may start a reply with (`reply-leads.ts`), the user's time phrase standing for `{when}`:
 * one pattern per lead, each tried, since "{When}, then." would otherwise take "Thank you. Right, then." as a time.
 */
const LEADS_AT_START = Object.values(LEADS)
  .flat()
  .map((t) => new RegExp(`^${escape(t).replace(/\\\{When\\\}|\\\{when\\\}/g, '.{1,60}?')}\\s+`));

/**
 * What is left of a reply once the persona's scripted lines are taken off its front, one after
 * another; '' when the reply is made only of them. The offline engine only ever joins its lines
 * with spaces, so anything left over is a reply outside the script: a persona break.
 */
export function offScript(reply: string, persona: Persona, userLine?: string): string {
  const lines = scriptedLines(persona);
  // The plain answer to the user's closed question is made of the user's own words.
  const ask = userLine === undefined ? undefined : closingAsk(userLine);
  if (ask?.kind === 'closed' && reply.trim().startsWith(ask.answer)) reply = reply.trim().slice(ask.answer.length);
  // So is the answer to a practical question, which names the question in the user's words.
  if (ask?.kind === 'open') {
    const open = ask.open;
    const lead = OPEN_LEADS[open.form].map((t) => fillEcho(t, open.echo)).find((t) => reply.trim().startsWith(t));
    if (lead) reply = reply.trim().slice(lead.length);
  }
  // And so is noticing a result the user reported, in their figures.
  const result = userLine === undefined ? undefined : resultOf(userLine);
  if (result) {
    const lead = RESULT_LEADS[result.down ? 'down' : 'up'].map((t) => fillResult(t, result)).find((t) => reply.trim().startsWith(t));
    if (lead) reply = reply.trim().slice(lead.length);
  }
  if (reply.trim() === '') return '';
  const strip = (text: string) => {
    let rest = text;
    while (rest !== '') {
      const line = lines.find((x) => rest.startsWith(x));
      if (!line) return rest;
      rest = rest.slice(line.length).trimStart();
    }
    return '';
  };
  const whole = strip(reply.trim());
  // "Yes, let's." is a line of its own and a lead ("Yes, {when}."): a reply is on script if either reading is.
  const trimmed = reply.trim();
  return whole === '' || LEADS_AT_START.some((lead) => lead.test(trimmed) && strip(trimmed.replace(lead, '')) === '') ? '' : whole;
}

export function gradeOnScript(reply: string, persona: Persona, userLine?: string): Grade {
  if (reply.trim() === '') return fail('on-script', 'empty reply');
  const rest = offScript(reply, persona, userLine);
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
