import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import type { CritiqueInput } from '../engine.js';
import type { Mode } from '../rubric.js';
import { rubricText } from './rubric-text.js';

export const CRITIQUE_PROMPT = getPrompt('critique');

const WRITER: Record<Mode, string> = {
  employee: 'employee, writing to their manager',
  manager: 'manager, writing to someone who reports to them',
};

/** The critique prompt for one text, as a model is asked it. */
export function critiquePrompt(input: Pick<CritiqueInput, 'text' | 'mode' | 'checks' | 'context'>) {
  const context = Object.fromEntries(Object.entries(input.context).filter(([, v]) => v));
  return renderPrompt(CRITIQUE_PROMPT, {
    mode: input.mode,
    writer: WRITER[input.mode],
    rubric: rubricText(input.checks),
    context: Object.keys(context).length > 0 ? JSON.stringify(context) : '(none)',
    text: input.text,
  });
}
