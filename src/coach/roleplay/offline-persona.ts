import type { PersonaTurn } from '../engine.js';
import { pushbackLines, type Persona } from '../scenarios/index.js';
import { LEADS, OPEN_LEADS, RESULT_LEADS, fillEcho, fillResult, fillWhen } from './reply-leads.js';
import type { Reaction } from './turn-state.js';

/** At most this many sentences a reply, lead included: people answer in a few. */
export const MAX_SENTENCES = 4;

/** The `n`th line of a pool: each said once, in order; a pool said through starts over. */
function nth(lines: readonly string[] | undefined, n: number): string | undefined {
  return lines && lines.length > 0 ? lines[n % lines.length] : undefined;
}

/** The persona's pool of lines for a reaction (the facts' lines for a reveal), or undefined when it has none of that kind. */
export function linesFor(persona: Persona, turn: Pick<PersonaTurn, 'difficulty' | 'brief'>, reaction: Reaction): readonly string[] | undefined {
  const { lines } = persona;
  switch (reaction.kind) {
    case 'confirm':
      return undefined;
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
    case 'answer':
    case 'also':
      return turn.brief.answers?.[reaction.topic];
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

/** The short words in front of the line: the time or "that's right" the turn ended on, or thanks for what came before the question. */
function leadOf(reactions: readonly Reaction[], main: Reaction): string | undefined {
  const confirm = reactions.find((r) => r.kind === 'confirm');
  if (confirm?.kind === 'confirm') {
    if (confirm.answer) return confirm.answer;
    if (confirm.open) return fillEcho(nth(OPEN_LEADS[confirm.open.form], confirm.n) ?? '', confirm.open.echo);
    if (confirm.counts) return nth(LEADS.counts, confirm.n);
    if (confirm.depends) return nth(LEADS.depends, confirm.n);
    if (confirm.result) return fillResult(nth(RESULT_LEADS[confirm.result.down ? 'down' : 'up'], confirm.n) ?? '', confirm.result);
    if (!confirm.when) return nth(confirm.right ? LEADS.checkRight : LEADS.check, confirm.n);
    const when = confirm.earlier ? LEADS.whenEarlier : main.kind === 'farewell' ? LEADS.whenFarewell : LEADS.when;
    return fillWhen(nth(when, confirm.n) ?? '', confirm.when);
  }
  if ((main.kind === 'answer' || main.kind === 'deflect') && reactions.some((r) => r.kind === 'commitment')) return nth(LEADS.thanks, reactions.length);
  // So is work reported done before a fact it earned ("Trolley checks done every shift." -> "Thank you. Right — I'm interviewing…"),
  // unless the fact's own words thank them.
  if (main.kind === 'reveal' && main.reported && !/^\W*thank/i.test(main.facts[0]?.revealLine ?? '')) return nth(LEADS.reportThanks, reactions.length);
  return undefined;
}

const SENTENCE = /[^.!?…]+(?:[.!?…]+["'’”)\]]*|$)\s*/g;

/** The first `max` sentences of a line (a long scripted line keeps its opening, where its point is). */
function firstSentences(text: string, max: number): string {
  const sentences = text.match(SENTENCE) ?? [text];
  return sentences.length <= max ? text : sentences.slice(0, max).join('').trim();
}

/**
 * The scripted persona as a small dialogue manager: it answers the most important thing the
 * user's turn did (the first reaction: stepping out of the role, a pitfall, grudging agreement,
 * an earned fact, a goodbye, a commitment, a follow-up, a question, small talk, an answer), with
 * one line of the persona's own (facts earned together are told together), never one it has said
 * before in the session while its pool lasts; a time or "is that right?" at the end of the turn
 * is answered first, in a few words, and so is a question asked before the last one.
 * Deterministic: the same turn in the same state gets the same reply.
 */
export function offlinePersonaReply(turn: Pick<PersonaTurn, 'persona' | 'brief' | 'difficulty' | 'reactions' | 'line'>): string {
  const earlier = turn.reactions.find((r) => r.kind === 'confirm' && r.earlier);
  const before = earlier ? leadOf([earlier], { kind: 'neutral' }) : undefined;
  const rest = earlier ? turn.reactions.filter((r) => r !== earlier) : turn.reactions;
  const reply = replyTo({ ...turn, reactions: rest }, MAX_SENTENCES - sentencesIn(before));
  return before ? `${before} ${reply}`.trim() : reply;
}

const sentencesIn = (text: string | undefined) => (text ? (text.match(SENTENCE)?.length ?? 1) : 0);

function replyTo(turn: Pick<PersonaTurn, 'persona' | 'brief' | 'difficulty' | 'reactions' | 'line'>, max: number): string {
  const main = turn.reactions.find((r) => r.kind !== 'confirm');
  // The plain answer to a closed question, and nothing else to say: that is the reply.
  if (!main) return leadOf(turn.reactions, { kind: 'neutral' }) ?? nth(turn.persona.lines.neutral, turn.line) ?? '';
  const lead = leadOf(turn.reactions, main);
  // Facts earned by the same turn are told together: each is the answer to what was just done.
  const budget = Math.max(1, max - sentencesIn(lead));
  let line: string;
  if (main.kind === 'reveal') {
    // A fact told is said whole: the debrief and the probes hold it to its words.
    line = (linesFor(turn.persona, turn, main) ?? []).join(' ');
  } else if (main.kind === 'answer' && main.at !== undefined && turn.brief.answers?.[main.topic]?.[main.at] !== undefined) {
    // The line matched to the question, or the next one not said yet.
    line = firstSentences(turn.brief.answers[main.topic]?.[main.at] ?? '', budget);
  } else {
    // A persona without lines of this kind yet answers with its neutral lines rather than nothing.
    line = firstSentences(nth(linesFor(turn.persona, turn, main), turn.line) ?? nth(turn.persona.lines.neutral, turn.line) ?? '', budget);
  }
  // Another question of the turn, answered after the first when the line leaves room.
  const also = turn.reactions.find((r) => r.kind === 'also');
  const room = max - sentencesIn(lead) - sentencesIn(line);
  const second = also?.kind === 'also' && room > 0 ? firstSentences(turn.brief.answers?.[also.topic]?.[also.at] ?? '', room) : '';
  return [lead, line, second].filter(Boolean).join(' ');
}
