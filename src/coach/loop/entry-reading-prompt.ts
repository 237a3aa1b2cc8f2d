import { z } from '@hono/zod-openapi';
import { asData, newMarker } from '../../prompts/data-block.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import { CheckIdSchema, checksFor } from '../rubric.js';
import type { EntryInput } from './read-entry.js';
import { modeFor } from './read-entry.js';

const READ_ENTRY_PROMPT = getPrompt('read-entry');

/** What a model answers to the entry-reading prompt; our code then verifies its quotes and resolves its dates. */
export const ModelEntryReadingSchema = z.object({
  checks: z.array(z.object({ id: CheckIdSchema, evidence: z.array(z.string()) })),
  needs: z.array(z.string()),
  commitments: z.array(z.object({ text: z.string(), owner: z.enum(['me', 'them']), when: z.string().nullable(), due: z.string().nullable() })),
  feedback: z.array(z.string()),
  goalEngaged: z.boolean().nullable(),
});
export type ModelEntryReading = z.infer<typeof ModelEntryReadingSchema>;

const RELATION_WORDS = { manager: 'manager', 'skip-level': "manager's manager (skip-level)", report: 'direct report', other: 'colleague' } as const;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The reading prompt for one entry: the entry in a data block closed by this request's marker. */
export function readEntryPrompt(input: EntryInput) {
  const marker = newMarker();
  const mode = modeFor(input.relation);
  const day = new Date(input.at);
  return renderPrompt(READ_ENTRY_PROMPT, {
    name: asData(input.name, marker),
    relation: RELATION_WORDS[input.relation],
    userRole: mode === 'employee' ? 'the employee' : 'the manager',
    checks: checksFor(mode)
      .map((c) => `  - ${c.id}: ${c.description}`)
      .join('\n'),
    date: day.toISOString().slice(0, 10),
    weekday: WEEKDAYS[day.getUTCDay()] as string,
    goal: input.goal ? asData(input.goal, marker) : '(none given)',
    marker,
    kind: input.kind,
    text: asData(input.text, marker),
  });
}
