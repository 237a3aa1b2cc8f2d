import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CheckIdSchema, checksFor, ModeSchema } from '../src/coach/rubric.js';

export const DraftCaseSchema = z.object({
  id: z.string().min(1),
  mode: ModeSchema,
  text: z.string().min(1),
  expected: z.array(CheckIdSchema),
  split: z.string().optional(),
  note: z.string().optional(),
});
export type DraftCase = z.infer<typeof DraftCaseSchema>;

export interface Dataset<T> {
  path: string;
  /** sha256 of the file, so a report says exactly which data it measured. */
  sha256: string;
  cases: T[];
}

/** Reads a JSONL dataset, failing with the line number of the first bad line. */
export function readDraftDataset(path: string): Dataset<DraftCase> {
  const raw = readFileSync(path, 'utf8');
  const cases: DraftCase[] = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: DraftCase;
    try {
      parsed = DraftCaseSchema.parse(JSON.parse(line));
    } catch (err) {
      throw new Error(`${path}:${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const allowed = new Set(checksFor(parsed.mode).map((c) => c.id));
    const wrong = parsed.expected.filter((id) => !allowed.has(id));
    if (wrong.length > 0) throw new Error(`${path}:${i + 1}: ${wrong.join(', ')} not a ${parsed.mode}-mode check`);
    cases.push(parsed);
  });
  return { path, sha256: createHash('sha256').update(raw).digest('hex'), cases };
}
