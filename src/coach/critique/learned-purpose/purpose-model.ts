import { z } from 'zod';

/** A long array of numbers checked in one loop (zod's per-element checks are slow at start-up on thousands). */
const numbers = z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => Number.isFinite(x)), { message: 'expected an array of numbers' });

/** What a draft can be for, as the model names its classes (the rubric's purposes, in their order). */
export const PURPOSE_CLASSES = ['1', '2', '3', '4', '5', 'advanced'] as const;

/**
 * The learned purpose detector as `npm run train:purpose` writes it (scripts/train-purpose.ts): one
 * logistic regression per purpose, one against the rest, over the draft's word uni- and bigrams and
 * its signals (the checks present, the purpose cues that fire). A draft's score for a purpose is
 *   bias + (sum of its n-grams' weights) / sqrt(its number of distinct n-grams) + sum of its signals' weights,
 * and the detector picks the highest.
 */
export const PurposeModelSchema = z
  .object({
    about: z.string(),
    /** How it was fitted; the test of the model file compares it with the training script's settings. */
    training: z.object({
      /** L2 strength against the weighted mean log-loss. */
      lambda: z.number().positive(),
      /** An n-gram is a candidate feature when found in at least this many training drafts. */
      minDf: z.number().int().positive(),
      /** The n-grams kept: the ones with the largest weights of a first fit, then fitted again on them alone. */
      ngrams: z.number().int().positive(),
      /** A check present weighs this in the fit, a cue that fires this (an n-gram: 1 / sqrt(the draft's n-grams)); the shipped weights include it. */
      checks: z.number().positive(),
      cues: z.number().nonnegative(),
    }),
    /** What it was fitted on: the digest of every training draft with its signals and purpose (see `purposeTrainingDigest`). */
    data: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), drafts: z.number().int().positive(), sets: z.array(z.string()) }),
    purposes: z.tuple([z.literal('1'), z.literal('2'), z.literal('3'), z.literal('4'), z.literal('5'), z.literal('advanced')]),
    bias: numbers,
    /** Word n-grams (`w:`, `b:` as `wordFeatures` names them), checks (`c:`) and cues (`q:`). */
    features: z.custom<string[]>((v) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== ''), { message: 'expected an array of names' }),
    /** Per purpose, one weight per feature. */
    weights: z.array(numbers),
  })
  .refine((m) => m.bias.length === m.purposes.length && m.weights.length === m.purposes.length, 'one bias and one weight row per purpose')
  .refine((m) => m.weights.every((row) => row.length === m.features.length), 'one weight per feature in every row');
export type PurposeModel = z.infer<typeof PurposeModelSchema>;
/** What fitting produces: the model without its provenance. */
export type TrainedPurposeModel = Pick<PurposeModel, 'purposes' | 'bias' | 'features' | 'weights'>;
export type PurposeTraining = PurposeModel['training'];
