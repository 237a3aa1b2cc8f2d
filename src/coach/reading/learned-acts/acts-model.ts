import { z } from 'zod';
import { arrayOf, isCount, isName, isNumber } from '../../analyzer/learned/reader-model.js';
import { ActIdSchema } from '../acts.js';

/** One act's logistic regression: p = sigmoid(bias + sum of its weights over the turn's features / sqrt(the turn's feature count)). */
const ActModelSchema = z
  .object({
    bias: z.number(),
    /** Positions in `features`, delta-encoded (each the gap from the previous one) and ascending. */
    index: arrayOf('whole numbers >= 0', isCount),
    weight: arrayOf('numbers', isNumber),
  })
  .refine((c) => c.index.length === c.weight.length, 'index and weight differ in length');

/**
 * The learned act reader as `npm run train:acts` writes it (scripts/train-acts.ts): a logistic
 * regression per conversational act over the turn's word uni- and bigrams, fitted on the labelled
 * turns of every writer not held out. It adds acts to the cues' reading, never removes one.
 */
export const ActsModelSchema = z.object({
  about: z.string(),
  training: z.object({
    /** The acts the model reads, each with the p above which it adds the act. */
    acts: z.partialRecord(ActIdSchema, z.number().gt(0).lt(1)),
    lambda: z.number().positive(),
    minDf: z.number().int().positive(),
    prune: z.number().nonnegative(),
  }),
  /** What it was fitted on: the digest of every labelled turn with its acts (see `actsDigest`). */
  data: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), turns: z.number().int().positive() }),
  /** The word n-grams any act weighs, as `wordFeatures` names them. */
  features: arrayOf('names', isName),
  acts: z.partialRecord(ActIdSchema, ActModelSchema),
});
export type ActsModel = z.infer<typeof ActsModelSchema>;
export type ActsTraining = ActsModel['training'];
/** What fitting produces: the model without its provenance. */
export type TrainedActs = Pick<ActsModel, 'features' | 'acts'>;
