import { z } from '@hono/zod-openapi';
import { CheckIdSchema } from '../rubric.js';

/** Who a relationship is to the user: the people the loop is run with, and the people the user manages. */
export const RELATIONS = ['manager', 'skip-level', 'report', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RelationSchema = z.enum(RELATIONS);

/** What a journal entry records: notes of a one-on-one, a message actually sent, or any other note. */
export const ENTRY_KINDS = ['one-on-one', 'message', 'note'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const EntryKindSchema = z.enum(ENTRY_KINDS);

/**
 * A promise made in a conversation: by the user (`me`) or by the other person (`them`). `due` is
 * the date the words set (`when`, as written), resolved against the entry's time; null when the
 * words name no date ("before the offsite") or there are none. Stored `open` or `done`; a view
 * shows an open one past its date as `overdue`.
 */
export const StoredCommitmentSchema = z.object({
  /** `c1`, `c2`, …: stable within the entry; the API names one as `<entry id>.<id>`. */
  id: z.string().regex(/^c\d{1,3}$/),
  text: z.string(),
  owner: z.enum(['me', 'them']),
  due: z.iso.date().nullable(),
  when: z.string().nullable(),
  status: z.enum(['open', 'done']),
});
export type StoredCommitment = z.infer<typeof StoredCommitmentSchema>;

/**
 * What one journal entry shows, read by the analyzer or a model (whose quotes our code verified):
 * the rubric checks of the user's own words with verbatim quotes, what the other person said they
 * need and the feedback they gave (in their words, slices of the entry's text), the commitments
 * made on both sides, and whether the other person engaged with the user's goal when it came up
 * (null: it did not come up, or their answer is not in the entry).
 */
export const EntryReadingSchema = z.object({
  checks: z.array(z.object({ id: CheckIdSchema, evidence: z.array(z.string()).min(1) })),
  needs: z.array(z.string()),
  commitments: z.array(StoredCommitmentSchema),
  feedback: z.array(z.string()),
  goalEngaged: z.boolean().nullable(),
  source: z.enum(['analyzer', 'model']),
});
export type EntryReading = z.infer<typeof EntryReadingSchema>;

/** The fields of a reading the user can correct; a correction replaces each field it names, whole. */
export const CORRECTABLE = ['checks', 'needs', 'commitments', 'feedback', 'goalEngaged'] as const;
export type EntryCorrection = Partial<Pick<EntryReading, (typeof CORRECTABLE)[number]>>;
