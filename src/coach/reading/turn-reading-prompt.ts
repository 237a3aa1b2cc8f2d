import { z } from '@hono/zod-openapi';
import { asData, newMarker } from '../../prompts/data-block.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import { CheckIdSchema, checksFor, type Mode } from '../rubric.js';
import { ACT_IDS, ActIdSchema, TONES, ToneSchema } from './acts.js';
import { ACT_WORDS } from './act-words.js';

export const READ_TURN_PROMPT = getPrompt('read-turn');

/** What a model answers to the reading prompt; our code then verifies its quotes. */
export const ModelReadingSchema = z.object({
  acts: z.array(ActIdSchema),
  checks: z.array(z.object({ id: CheckIdSchema, evidence: z.array(z.string()) })),
  tone: ToneSchema,
});
export type ModelReading = z.infer<typeof ModelReadingSchema>;

/** The reading prompt for one user line, after the other side's last line: both in data blocks closed by this request's marker. */
export function readTurnPrompt(input: { text: string; mode: Mode; previous?: string | undefined }) {
  const marker = newMarker();
  return renderPrompt(READ_TURN_PROMPT, {
    userRole: input.mode === 'employee' ? 'employee, talking to their manager' : 'manager, talking to someone who reports to them',
    acts: ACT_IDS.map((id) => `- ${id}: ${ACT_WORDS[id]}`).join('\n'),
    checks: checksFor(input.mode)
      .map((c) => `- ${c.id}: ${c.description}`)
      .join('\n'),
    tones: TONES.join(', '),
    marker,
    previous: input.previous === undefined ? '(the conversation has just started)' : asData(input.previous, marker),
    text: asData(input.text, marker),
  });
}
