import type { CheckId, Mode } from '../rubric.js';
import type { CheckResult } from './critique-schema.js';
import { helpMeToward, likeTo, seeFromMeFor } from './goal-phrases.js';
import { withoutHedges } from './hedges.js';
import { movesFor, type Purpose } from './purpose.js';

export interface RewriteFill {
  /** The writer's own concrete goal, if the text or the context names one. */
  goal: string | undefined;
  /** A concrete task the text names. */
  task: string | undefined;
}

/**
 * The one sentence a rewrite may add, for a missing move of the purpose, in the writer's terms.
 * null when it could only be said with a blank to fill in: a rewrite never holds a placeholder.
 */
const ADDED: Partial<Record<CheckId, (f: RewriteFill) => string | null>> = {
  asks_for_feedback: ({ task }) =>
    task
      ? `How do you see my work on ${task} so far, and what would you want me to do differently?`
      : 'How do you see my work at the moment, and what would you want me to do differently?',
  offers_help: () => 'Is there something on your plate right now that I could take off it?',
  commits_to_task: ({ task }) => (task ? `I'll take on ${task}.` : null),
  states_goal: ({ goal }) => (goal ? `I'd like to ${likeTo(goal)}.` : null),
  links_goal_to_needs: ({ goal, task }) =>
    goal ? `Is there a way I could help with ${task ?? 'what matters most to you right now'} that would also help me ${helpMeToward(goal)}?` : null,
  asks_what_it_takes: ({ goal }) => `What would you need to see from me ${goal ? seeFromMeFor(goal) : 'to get there'}?`,
  proposes_follow_up: () => 'Could we check in on this again in a couple of weeks?',
  keeps_leader_informed: () => null,
  asks_about_goals: () => 'Where would you like to be in a year or two?',
  names_stretch_work: ({ task }) => (task ? `Would you like to lead ${task}?` : null),
  offers_partnership: () => "If you take it on, I'll back you and make sure the right people see your work.",
  clarifies_expectations: () => null,
};

/** What a sentence that falls into a pitfall becomes: the same intent, said well, or nothing. */
const FIXED: Partial<Record<CheckId, (f: RewriteFill) => string | null>> = {
  demanding: ({ goal }) =>
    goal ? `I'd like to ${likeTo(goal)}. What would you need to see from me to get there?` : 'What would you need to see from me to get there?',
  vague_goal: ({ goal }) => (goal ? `I'd like to ${likeTo(goal)}.` : null),
  refuses_work: ({ task }) => (task ? `I'll take on ${task}.` : "I'll take it on."),
  // Blame is left out: what happened and what the writer does about it is already in their other sentences.
  blames_others: () => null,
  assumes_goal: () => 'What would you like to do next?',
};

const PITFALL_ORDER: readonly CheckId[] = ['demanding', 'refuses_work', 'blames_others', 'assumes_goal', 'vague_goal'];

const finish = (s: string) => (/[.!?…)\]"'”’]$/.test(s) ? s : `${s}.`);
const SIGN_OFF = /^(?:thanks|thank you|many thanks|cheers|best|regards|kind regards|warmly|ta|thx)\b[^\n]{0,40}$/i;

/**
 * A rewrite made by editing the writer's own message: every sentence stays, in its order and
 * voice, except that hedges are taken out of hedged sentences and a sentence that falls into a
 * pitfall is said well in its place (or left out, for blame). At most one sentence is added, for
 * the purpose's most important missing move, before the sign-off. A draft with nothing to fix
 * comes back as written.
 */
export function editRewrite(text: string, mode: Mode, checks: readonly CheckResult[], step: Purpose | null, fill: RewriteFill): string {
  const present = (id: CheckId) => checks.find((c) => c.id === id && c.present);
  let out = text.trim();
  const replace = (quote: string, by: string | null) => {
    const at = out.indexOf(quote);
    if (at < 0) return;
    const replacement = by === null ? '' : finish(by);
    out = out.slice(0, at) + replacement + out.slice(at + quote.length);
  };
  for (const id of PITFALL_ORDER) {
    const check = present(id);
    if (!check) continue;
    for (const quote of check.evidence) replace(quote, FIXED[id]?.(fill) ?? null);
  }
  const hedged = present('over_hedging');
  if (hedged) for (const quote of hedged.evidence) replace(quote, withoutHedges(quote));

  const missing = movesFor(mode, step).counts.find((id) => !present(id));
  const added = missing ? (ADDED[missing]?.(fill) ?? null) : null;
  out = tidy(out);
  if (!added) return out;
  const lines = out.split('\n');
  const last = lines.at(-1)?.trim() ?? '';
  if (lines.length > 1 && SIGN_OFF.test(last)) {
    lines.splice(lines.length - 1, 0, added, '');
    return tidy(lines.join('\n'));
  }
  return `${out}${/\n/.test(out) ? '\n\n' : ' '}${added}`;
}

/** Spaces and blank lines left by a sentence taken out. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.!?])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^[ \t]+|[ \t]+$/gm, '')
    .trim();
}
