import { getScenario, personasFor, type HiddenBrief, type Persona, type PersonaId, type ScenarioId } from '../scenarios/index.js';
import type { Relation } from './entry-reading-schema.js';
import { fillPhrase, LOOP_PHRASES } from './loop-phrases.js';
import type { LoopState } from './loop-state.js';
import type { PersonaOverride } from './persona-override.js';

/**
 * The scenario closest to where the loop stands with the person: a report is rehearsed as the
 * manager starting the loop; otherwise the goal conversation once help is on record (the follow-up
 * once they have said what it would take), and asking how to help before that.
 */
export function rehearsalScenario(relation: Relation, state: LoopState): ScenarioId {
  if (relation === 'report') return 'manager-initiated';
  if (!state.steps.helpOffered.done) return 'offer-help';
  return state.steps.whatItTakesKnown.done ? 'follow-up' : 'goal-alignment';
}

const words = (text: string) => new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => w !== 'your' && w !== 'with'));

/**
 * Which persona plays the person, and so whose hidden brief holds what the user does not know: the
 * one the style names, if it plays the scenario; else the one whose description shares the most
 * words with the style the user wrote; else the scenario's own.
 */
export function rehearsalPersonaId(scenarioId: ScenarioId, style: string | null): PersonaId {
  const scenario = getScenario(scenarioId);
  const cast = personasFor(scenario);
  const named = cast.find((p) => p.id === style);
  if (named) return named.id;
  if (style === null) return scenario.defaultPersona;
  const wanted = words(style);
  let best: { id: PersonaId; score: number } = { id: scenario.defaultPersona, score: 0 };
  for (const p of cast) {
    const score = [...words(`${p.description} ${p.id.replace(/-/g, ' ')}`)].filter((w) => wanted.has(w)).length;
    if (score > best.score) best = { id: p.id, score };
  }
  return best.id;
}

/** A user's words as a quoted description, one line: what the persona is told about the person, never an instruction. */
const quoted = (text: string) =>
  `"${text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/"/g, "'")
    .trim()}"`;

/** The persona's manner without its own identity ("You are Priya Raman, engineering manager of…"): the rest of its style. */
const mannerOf = (persona: Persona) => persona.style.replace(/^You are [^.]*\.\s*/, '');

/**
 * The persona and brief of a rehearsal with a real person: the role the user gave, their words for
 * how the person talks (as a quoted description) or the persona's own manner, and the priorities
 * the user knows, which the persona brings up: in its opening and when asked what is on its mind.
 * What the user does not know stays the brief's, revealed only as it is earned.
 */
export function withOverride({ persona, brief }: { persona: Persona; brief: HiddenBrief }, scenarioId: ScenarioId, o: PersonaOverride) {
  const phrases = LOOP_PHRASES.rehearsal;
  const manner =
    o.style !== null && o.style.trim() !== '' ? `${persona.name}, as the person rehearsing describes them: ${quoted(o.style)}.` : mannerOf(persona);
  const priorities = o.priorities.filter((p) => p.trim() !== '');
  const known = priorities.length > 0 ? ` ${fillPhrase(phrases.priorities, { priorities: priorities.map(quoted).join('; ') })}` : '';
  const first = priorities[0]?.trim();
  const lead = first ? first.charAt(0).toUpperCase() + first.slice(1) : undefined;
  const opening = lead ? fillPhrase(phrases.opening, { priority: lead }) : undefined;
  return {
    persona: {
      ...persona,
      ...(o.role !== null && o.role.trim() !== '' && { role: o.role.trim() }),
      style: `${manner}${known}`,
      lines: { ...persona.lines, ...(opening && { opening: { ...persona.lines.opening, [scenarioId]: opening } }) },
    } as Persona,
    brief: {
      ...brief,
      ...(first && { answers: { ...brief.answers, focus: phrases.focus.map((line) => fillPhrase(line, { priority: first })) } }),
    },
  };
}
