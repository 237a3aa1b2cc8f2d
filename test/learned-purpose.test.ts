import { describe, expect, it } from 'vitest';
import { readPurposeDataset } from '../evals/dataset.js';
import { tuningPurposeFiles } from '../evals/labelled-writers.js';
import { compilePurposeModel, likeliestPurpose, purposeScores } from '../src/coach/critique/learned-purpose/learned-purpose.js';
import model from '../src/coach/critique/learned-purpose/purpose-model.json' with { type: 'json' };
import { PURPOSE_CLASSES, PurposeModelSchema } from '../src/coach/critique/learned-purpose/purpose-model.js';
import { SHIPPED_PURPOSE } from '../src/coach/critique/learned-purpose/shipped-purpose.js';
import { purposeExamples, purposeTrainingDigest, PURPOSE_TRAINING, trainPurpose } from '../src/coach/critique/learned-purpose/training/train-purpose.js';
import { offlineCritique } from '../src/coach/critique/offline-critique.js';
import { cuePurpose, detectPurpose, leaningMoves, LEANING_P, PURPOSE_CUES, purposeSignals, type Purpose } from '../src/coach/critique/purpose.js';
import { checkProbabilities } from '../src/coach/analyzer/learned/learned-reader.js';
import { SHIPPED_READER } from '../src/coach/analyzer/learned/shipped-reader.js';
import type { CheckId } from '../src/coach/rubric.js';

/*
 * The learned purpose detector (src/coach/critique/learned-purpose/): a model file fitted on today's
 * tuning purpose sets, the same features for training and detecting, and drafts read for what they
 * are for. Its quality for a new writer is the leave-one-writer-out figure of `npm run evals -- --suite purpose`.
 */

const sets = tuningPurposeFiles().map(readPurposeDataset);
const examples = purposeExamples(sets.flatMap((d) => d.cases));
const shipped = PurposeModelSchema.parse(model);

const present = (text: string) =>
  new Set(
    offlineCritique(text, 'employee')
      .checks.filter((c) => c.present)
      .map((c) => c.id as CheckId),
  );
const purposeOf = (text: string, previous?: Purpose) => detectPurpose(present(text), text, previous);

describe('the shipped purpose model', () => {
  it('was fitted on the tuning purpose sets as they are now, with the training settings (else: npm run train:purpose)', () => {
    const stale = 'The purpose detector is out of date with evals/datasets, the reader or its settings: run `npm run train:purpose` and commit the model.';
    expect(sets.map((d) => d.path.replace(/^.*\//, ''))).toEqual(shipped.data.sets);
    expect(shipped.data, stale).toEqual({ sha256: purposeTrainingDigest(examples), drafts: examples.length, sets: shipped.data.sets });
    expect(shipped.training, stale).toEqual(PURPOSE_TRAINING);
    // The same data and settings give the same model: the file is what the script writes.
    expect(trainPurpose(examples), stale).toEqual({ purposes: shipped.purposes, bias: shipped.bias, features: shipped.features, weights: shipped.weights });
  });

  it('is fitted on no held-out set', () => {
    expect(shipped.data.sets.some((s) => s.includes('writer-s'))).toBe(false);
  });

  it('is deterministic, whatever order the drafts come in', () => {
    const sample = examples.filter((_, i) => i % 3 === 0);
    const fitted = trainPurpose(sample);
    expect(trainPurpose(sample)).toEqual(fitted);
    const reversed = trainPurpose([...sample].reverse());
    expect(reversed.features).toEqual(fitted.features);
    reversed.weights.forEach((row, k) => row.forEach((w, j) => expect(w).toBeCloseTo(fitted.weights[k]![j]!, 1)));
  });

  it('weighs only word n-grams, checks (found, or leaned toward), and purpose cues, and stays small', () => {
    const token = String.raw`(?:[\p{L}\p{N}]+|[?!£$%])`;
    const feature = new RegExp(String.raw`^(?:w:${token}|b:(?:<s>|${token}) ${token}|c:~?[a-z_]+|q:(?:${Object.keys(PURPOSE_CUES).join('|')}))$`, 'u');
    expect(shipped.features.filter((f) => !feature.test(f))).toEqual([]);
    expect(JSON.stringify(model).length).toBeLessThan(25 * 1024);
  });

  it('is refused when malformed, naming where', () => {
    expect(() => PurposeModelSchema.parse({ ...model, weights: model.weights.slice(1) })).toThrow(/one bias and one weight row per purpose/);
    expect(() => PurposeModelSchema.parse({ ...model, features: [...model.features, 'w:extra'] })).toThrow(/one weight per feature/);
    expect(() => PurposeModelSchema.parse({ ...model, bias: ['x'] })).toThrow(/bias.*array of numbers|array of numbers/s);
    expect(() => PurposeModelSchema.parse({ ...model, purposes: ['1', '2', '3', '4', '5', '6'] })).toThrow(/purposes/);
  });

  it('scores as trained: n-grams over the square root of their number, signals at 1', () => {
    const tiny = compilePurposeModel({
      purposes: [...PURPOSE_CLASSES],
      bias: [0, 0, 0, 0, 0, 0.5],
      features: ['w:fixed', 'b:<s> fixed', 'c:offers_help'],
      weights: [
        [0, 0, 0],
        [0, 0, 2],
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
        [1, 1, 0],
      ],
    });
    // "fixed it": 4 n-grams (w:fixed, b:<s> fixed, w:it, b:fixed it); 2 of them weigh 1 for advanced.
    expect([...purposeScores(tiny, 'fixed it', [])]).toEqual([0, 0, 0, 0, 0, 0.5 + 2 / Math.sqrt(4)]);
    expect(likeliestPurpose(tiny, 'fixed it', ['c:offers_help'])).toBe('2');
  });
});

describe('a draft read for what it is for', () => {
  // From the tuning writers R, V and W (never the held-out S), then new wordings of the same purposes.
  const cases: Array<[source: string, text: string, Purpose]> = [
    ['w-027: a short answer to an assignment', 'yep can do, by friday 👍', 3],
    [
      'v-071: an advanced-mode note',
      'heads up: the auth service cert was set to expire Sunday and the auto-renew job had been failing silently since the vault migration. renewed it, fixed the job, added a 14-day expiry alert. writeup in #platform. nothing needed from you 👍',
      'advanced',
    ],
    [
      'w-009: a feedback ask in shorthand',
      "chef, be straight with me — how's my station looking on Saturdays? anything you'd want me doing different on the pass",
      1,
    ],
    [
      'v-057: a delivery report that starts the next loop',
      "Chef, new allergen sheets are printed and up at the pass, every dish checked against the supplier specs like you asked. Want me to take on the Sunday stock order next? Let's grab 10 min after service Friday and you can tell me what else you want off your plate.",
      5,
    ],
    [
      'r-017: an offer of help with nothing asked back',
      "Tom, you mentioned in the leads sync that the Q3 roadmap doc is still half-written. I could draft the tech-debt section and the effort estimates for the ledger work if that takes something off you. Not angling for anything, it's just the bit I know best.",
      2,
    ],
    ['new: the rubric’s alignment ask', "I'd like to be promoted to senior in the next cycle. What would you need to see from me?", 4],
    ['new: a fix of one’s own, reported', 'FYI: the EU export broke last night; I fixed it and backfilled. Nothing needed from you.', 'advanced'],
    ['new: taking on what was asked', "Sure, I'll take the flaky-test triage this week and start today.", 3],
  ];
  it.each(cases)('%s', (_source, text, purpose) => {
    expect(purposeOf(text)).toBe(purpose);
  });

  it('follows the last purpose with the same manager when the message shows nothing of its own', () => {
    expect(purposeOf('Ok, noted.', 2)).toBe(3);
    expect(purposeOf('Ok, noted.', 5)).toBe(5);
    expect(purposeOf('Ok, noted.', 'advanced')).toBe('advanced');
    // A message that shows its own purpose keeps it.
    expect(purposeOf("I'd like to be promoted to senior in the next cycle. What would you need to see from me?", 1)).toBe(4);
  });

  it('keeps the hand-written cues as the baseline evals compare with', () => {
    expect(cuePurpose(new Set<CheckId>(['keeps_leader_informed']), 'anything')).toBe('advanced');
    expect(cuePurpose(new Set<CheckId>(['offers_help', 'commits_to_task']), 'The audit you asked for is done.')).toBe(5);
    expect(cuePurpose(new Set<CheckId>(), 'Ok, noted.', 2)).toBe(3);
  });

  it('reads the moves a draft leans toward, with the reader it is given, besides those found', () => {
    const text = 'happy to help if you need anything';
    const leaning = leaningMoves(SHIPPED_READER, text, new Set());
    expect(leaning).toContain('offers_help');
    // A move found is a check, not a leaning; a reader that knows no words leans toward nothing.
    expect(leaningMoves(SHIPPED_READER, text, new Set<CheckId>(['offers_help']))).not.toContain('offers_help');
    expect(purposeSignals(new Set(), text)).toContain('c:~offers_help');
    const blank = { ...SHIPPED_READER, modes: { ...SHIPPED_READER.modes, employee: { ...SHIPPED_READER.modes.employee, weights: new Map() } } };
    const p = checkProbabilities(blank, 'employee', text);
    expect(leaningMoves(blank, text, new Set())).toEqual(blank.modes.employee.checks.filter((_, k) => p[k]! > LEANING_P));
  });

  it('reads with the shipped model unless given another', () => {
    const text = 'yep can do, by friday 👍';
    expect(detectPurpose(present(text), text, undefined, SHIPPED_PURPOSE)).toBe(purposeOf(text));
  });
});
