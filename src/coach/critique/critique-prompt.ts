import { asData, newMarker } from '../../prompts/data-block.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import type { CritiqueInput } from '../engine.js';
import type { Mode } from '../rubric.js';
import type { Purpose } from './purpose.js';
import { rubricText } from './rubric-text.js';

export const CRITIQUE_PROMPT = getPrompt('critique');

const WRITER: Record<Mode, string> = {
  employee: 'employee, writing to their manager',
  manager: 'manager, writing to someone who reports to them',
};

/** The critique prompt for one text, as a model is asked it: the writer's context and text go in data blocks closed by this request's marker. */
export function critiquePrompt(input: Pick<CritiqueInput, 'text' | 'mode' | 'checks' | 'context' | 'purpose'>) {
  const marker = newMarker();
  const context = Object.fromEntries(Object.entries(input.context).flatMap(([k, v]) => (v ? [[k, asData(v, marker)]] : [])));
  return renderPrompt(CRITIQUE_PROMPT, {
    mode: input.mode,
    writer: WRITER[input.mode],
    rubric: rubricText(input.checks),
    marker,
    context: JSON.stringify(context),
    purpose: purposeLine(input.mode, input.purpose),
    text: asData(input.text, marker),
  });
}

const PURPOSE_WORDS: Record<Purpose, string> = {
  1: 'step 1, finding out how their work is seen (asks_for_feedback)',
  2: 'step 2, offering help (offers_help)',
  3: 'step 3, taking on work that was asked for (commits_to_task)',
  4: 'step 4, the goal-alignment ask (states_goal, links_goal_to_needs, asks_what_it_takes)',
  5: 'step 5, reporting what was delivered and starting the next loop (commits_to_task, offers_help, proposes_follow_up)',
  advanced: 'advanced mode, telling the leader what they already fixed (keeps_leader_informed)',
};

/** The purpose as the prompt states it: the one the writer chose, or to be read from the message. */
function purposeLine(mode: CritiqueInput['mode'], purpose: Purpose | undefined): string {
  if (mode === 'manager') return "the manager's side of the loop (its moves are the mode's moves).";
  return purpose === undefined ? 'read it from the message (the step of the loop it serves).' : `${PURPOSE_WORDS[purpose]}, as the writer said.`;
}
