import { withOverride } from '../loop/rehearsal-persona.js';
import type { PersonaOverride } from '../loop/persona-override.js';
import { getBrief, getPersona, getScenario, type HiddenBrief, type Persona, type PersonaId, type ScenarioId } from './index.js';

/**
 * A name the user may give the other side of a rehearsal: one to three words of letters (with
 * apostrophes, hyphens and dots inside a word), each capitalised, as names are written. The name
 * goes into the persona's own text, system prompt included, so nothing shaped like an instruction
 * may pass; anything else keeps the persona's name.
 */
const PARTNER_NAME = /^\p{Lu}[\p{L}\p{M}'’.-]{0,23}(?: \p{Lu}[\p{L}\p{M}'’.-]{0,23}){0,2}$/u;

export const isPartnerName = (name: string): boolean => PARTNER_NAME.test(name);

/** The name the user gave the other side (`managerName` or `reportName` in the session's context), if it is one. */
export function partnerNameOf(context: unknown): string | undefined {
  const { managerName, reportName } = (context ?? {}) as { managerName?: unknown; reportName?: unknown };
  const name = typeof managerName === 'string' ? managerName : typeof reportName === 'string' ? reportName : undefined;
  return name !== undefined && isPartnerName(name) ? name : undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (s: string) => new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escape(s)}(?![\\p{L}\\p{M}\\p{N}])`, 'gu');

/** Every string in `value` with the persona's full name, then its first name, as the user named them. */
function renamed<T>(value: T, from: string, to: string): T {
  const [full, first] = [word(from), word(from.split(' ')[0] ?? from)];
  const toFirst = to.split(' ')[0] ?? to;
  const map = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(full, to).replace(first, toFirst)
      : Array.isArray(v)
        ? v.map(map)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x)]))
          : v;
  return map(value) as T;
}

export interface Partner {
  persona: Persona;
  brief: HiddenBrief;
}

/**
 * The other side of a session as it is played: its persona and hidden brief, under the name the
 * user gave them, so the replies (either engine), the transcript, the hints, the summary and the
 * debrief all say the same name. Without a name it is the persona as written.
 */
export function partnerOf(session: { personaId: string; scenarioId: string; context: unknown; personaOverride?: PersonaOverride | null }): Partner {
  const persona = getPersona(session.personaId as PersonaId);
  const brief = getBrief(persona.id, getScenario(session.scenarioId as ScenarioId).id);
  const name = partnerNameOf(session.context);
  const named =
    name === undefined || name === persona.name
      ? { persona, brief }
      : { persona: renamed(persona, persona.name, name), brief: renamed(brief, persona.name, name) };
  // A rehearsal with a real person (a relationship's): their role, manner and known priorities too.
  return session.personaOverride ? withOverride(named, brief.scenarioId, session.personaOverride) : named;
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A day as people write it, "7 Dec 2025" (UTC, as every date the app stores). */
export const dayText = (date: Date | string): string => DAY.format(typeof date === 'string' ? new Date(date) : date);

/** A rehearsal's title, by scenario, partner and date: the same on its page, in lists and in progress. */
export function rehearsalTitle(session: { scenarioId: string; personaId: string; context: unknown; createdAt: Date }) {
  const scenario = getScenario(session.scenarioId as ScenarioId).title;
  const partner = partnerNameOf(session.context) ?? getPersona(session.personaId as PersonaId).name;
  const date = dayText(session.createdAt);
  return { scenario, partner, date, text: `${scenario}, with ${partner}, ${date}` };
}
