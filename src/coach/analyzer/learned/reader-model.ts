import { z } from 'zod';
import { CheckIdSchema } from '../../rubric.js';

/**
 * A long array of one kind, checked in one loop: the model holds some 26,000 numbers and names, and
 * zod's per-element checks took about 60 ms on them in Node (at every start-up), this a few ms.
 */
export const arrayOf = <T>(what: string, ok: (x: unknown) => x is T) =>
  z.custom<T[]>((v) => Array.isArray(v) && v.every(ok), { message: `expected an array of ${what}` });
export const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
export const isNumber = (x: unknown): x is number => Number.isFinite(x);
export const isName = (x: unknown): x is string => typeof x === 'string' && x !== '';

/** One check's logistic regression: p(present) = sigmoid(bias + sum of its weights over the text's features / sqrt(the text's feature count)). */
const CheckModelSchema = z
  .object({
    bias: z.number(),
    /** Present when p is above this. */
    threshold: z.number().gt(0).lt(1),
    /** Positions in the model's `features`, delta-encoded (each the gap from the previous one) and ascending. */
    index: arrayOf('whole numbers >= 0', isCount),
    weight: arrayOf('numbers', isNumber),
  })
  .refine((c) => c.index.length === c.weight.length, 'index and weight differ in length');

const ModeModelSchema = z.object({
  /** The checks the reader may add in this mode (the frames alone judge the others). */
  checks: z.partialRecord(CheckIdSchema, CheckModelSchema),
});

/**
 * The learned reader as `npm run train:reader` writes it (scripts/train-reader.ts): per mode, a
 * logistic regression per check it may add, over word uni- and bigrams, fitted on every labelled writer.
 */
export const ReaderModelSchema = z.object({
  about: z.string(),
  /** How it was fitted; the test of the model file compares it with the training script's settings. */
  training: z.object({
    /** The checks the reader may add, per mode; the frames alone judge the others. */
    checks: z.object({ employee: z.array(CheckIdSchema), manager: z.array(CheckIdSchema) }),
    weighting: z.enum(['balanced', 'none']),
    lambda: z.number().positive(),
    minDf: z.number().int().positive(),
    prune: z.number().nonnegative(),
    threshold: z.number().gt(0).lt(1),
  }),
  /** What it was fitted on: the digest of every labelled text with its mode and checks (see `trainingDigest`). */
  data: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), texts: z.number().int().positive() }),
  /**
   * The fewest word tokens of any text it was fitted on. A shorter text is unlike anything it saw:
   * with a word or two, one weight decides ("ok." would commit), so the reader leaves it to the frames.
   */
  fewestWords: z.number().int().nonnegative(),
  /**
   * The word n-grams any check of either mode weighs, as `wordFeatures` names them, sorted. One list
   * for both modes: half the manager's are the employee's too, and listed once they cost the Worker
   * bundle some 3 KiB less.
   */
  features: arrayOf('names', isName),
  modes: z.object({ employee: ModeModelSchema, manager: ModeModelSchema }),
});
export type ReaderModel = z.infer<typeof ReaderModelSchema>;
/** What fitting produces: the model without its provenance. */
export type TrainedReader = Pick<ReaderModel, 'fewestWords' | 'features' | 'modes'>;
export type CheckModel = z.infer<typeof CheckModelSchema>;
