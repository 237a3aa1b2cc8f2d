import type { Analysis } from '../analyzer/index.js';
import { checksFor, type CheckId, type Mode, type Step } from '../rubric.js';
import { helpMeToward, likeTo, seeFromMeFor } from './goal-phrases.js';
import { withoutHedges } from './hedges.js';

interface Fill {
  goal: string | undefined;
  task: string | undefined;
}

/** A sentence that makes a missing move, in the writer's terms where we found them. */
const MOVE_SENTENCES: Partial<Record<CheckId, (f: Fill) => string | null>> = {
  asks_for_feedback: ({ task }) =>
    task
      ? `How do you see my work on ${task} so far, and what would you like me to do differently?`
      : 'How do you see my current work, and what would you like me to do differently?',
  offers_help: () => 'What is the most important thing on your plate right now that I could take off it?',
  // Committing to nothing in particular is not a commitment; without a task there is no sentence.
  commits_to_task: ({ task }) => (task ? `I'll take on ${task} and keep you posted as it goes.` : null),
  states_goal: ({ goal }) => (goal ? `I'd like to ${likeTo(goal)}.` : 'My goal is [a concrete goal: a role, level, skill or project].'),
  links_goal_to_needs: ({ goal, task }) =>
    `Is there a way I could help with ${task ?? 'what matters most to you right now'} ` +
    `that would also help me ${goal ? helpMeToward(goal) : 'toward that goal'}?`,
  asks_what_it_takes: ({ goal }) => `What would you need to see from me ${goal ? seeFromMeFor(goal) : 'to get there'}?`,
  asks_about_goals: () => 'Where would you like your career to go over the next year or two?',
  clarifies_expectations: () => 'At the next level I would expect you to [what the level requires]; today the gap is mostly [the gap].',
  names_stretch_work: ({ task }) =>
    task ? `Would you like to lead ${task}?` : 'Would you like to lead [a specific project beyond your current scope] next quarter?',
  offers_partnership: () => "If you take that on, I'll back you toward your goal and make sure your work is seen by [the people who decide].",
};

const FOLLOW_UP: Record<Mode, string> = {
  employee: 'Could we check in on this every month or so?',
  manager: "Let's check in on how it's going every two weeks.",
};

/** Pitfalls whose sentences are replaced rather than kept. */
const REPLACED: readonly CheckId[] = ['demanding', 'refuses_work', 'blames_others', 'vague_goal', 'assumes_goal'];

const GREETING = /^(?:hi|hey|hello|dear|morning|good (?:morning|afternoon|evening)|hiya)\b[^\n.?!]{0,40}[,!:]?\s*$/i;
const SIGN_OFF = /^(?:thanks|thank you|many thanks|cheers|best|regards|kind regards|warmly|ta|thx)\b[^\n]{0,40}$/i;

function sentenceMovesFor(step: Step, mode: Mode): CheckId[] {
  return checksFor(mode)
    .filter((c) => c.kind === 'move' && c.step === step)
    .map((c) => c.id);
}

const finish = (s: string) => (/[.!?…)\]]$/.test(s) ? s : `${s}.`);

/**
 * A rewrite that keeps the writer's own sentences for the moves they made (hedges removed when
 * they over-hedge), replaces the sentences that fall into pitfalls, and adds a sentence for each
 * missing move the top fixes name, in the order of the loop.
 */
export function composeRewrite(text: string, mode: Mode, analysis: Analysis, add: readonly CheckId[], contextGoal?: string): string {
  const fill: Fill = { goal: analysis.goal ?? contextGoal, task: analysis.task };
  const hedged = analysis.checks.over_hedging?.present ?? false;
  const replaced = new Set(REPLACED.flatMap((id) => (analysis.checks[id]?.present ? (analysis.checks[id]?.evidence ?? []) : [])));
  const toAdd = new Set(add);
  if (analysis.checks.demanding?.present || analysis.checks.vague_goal?.present) toAdd.add('states_goal');
  if (analysis.checks.refuses_work?.present) toAdd.add('commits_to_task');

  const body: string[] = [];
  const push = (s: string | null) => {
    if (s && !body.includes(s)) body.push(finish(s));
  };
  for (const step of [1, 2, 3, 4, 5, 'advanced'] as const) {
    for (const id of sentenceMovesFor(step, mode)) {
      const finding = analysis.checks[id];
      const own = (finding?.present ? finding.evidence : []).filter((q) => !replaced.has(q));
      if (own.length > 0) for (const q of own) push(hedged ? withoutHedges(q) : q);
      // A commitment to a task the writer already offered to take would only repeat them.
      else if (id === 'commits_to_task' && fill.task && body.some((b) => b.includes(fill.task as string))) continue;
      else if (toAdd.has(id)) push(id === 'proposes_follow_up' ? FOLLOW_UP[mode] : (MOVE_SENTENCES[id]?.(fill) ?? null));
    }
  }

  const lines = text
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const greeting = lines[0] && GREETING.test(lines[0]) ? lines[0] : undefined;
  const last = lines.at(-1);
  const signOff = lines.length > 1 && last && SIGN_OFF.test(last) ? last : undefined;
  return [greeting, body.join(' '), signOff].filter(Boolean).join('\n\n');
}
