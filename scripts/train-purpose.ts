/**
 * Fits the learned purpose detector on the purpose sets the manifest marks `tuning` (never a held-out
 * one) and writes src/coach/critique/learned-purpose/purpose-model.json. Each employee draft is read
 * as the offline critique reads it (its checks present with the shipped reader, its purpose cues),
 * so run it after `npm run train:reader`. Deterministic: the same data gives the same file; a test
 * fails while the model's data digest differs from the data's.
 *
 *   npm run train:purpose                # fit with PURPOSE_TRAINING and write the model
 *   npm run train:purpose -- --select    # rank the settings of PURPOSE_GRID leave one writer out (a few minutes); writes nothing
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { format, resolveConfig } from 'prettier';
import { readPurposeDataset } from '../evals/dataset.js';
import { tuningPurposeFiles } from '../evals/labelled-writers.js';
import { purposeFolds, rankPurposeTrainings } from '../evals/purpose-lowo.js';
import { PurposeModelSchema, type PurposeModel } from '../src/coach/critique/learned-purpose/purpose-model.js';
import { purposeExamples, purposeTrainingDigest, PURPOSE_TRAINING, trainPurpose } from '../src/coach/critique/learned-purpose/training/train-purpose.js';

const PATH = fileURLToPath(new URL('../src/coach/critique/learned-purpose/purpose-model.json', import.meta.url));
const { values } = parseArgs({ options: { select: { type: 'boolean', default: false } } });
const sets = tuningPurposeFiles().map(readPurposeDataset);
const started = Date.now();

if (values.select) {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const ranked = rankPurposeTrainings(purposeFolds(sets));
  console.log(
    `Leave one writer out over ${sets.map((d) => basename(d.path, '.jsonl')).join(', ')}: mean purpose right / good at 70+ / good above weak, worst purpose right`,
  );
  for (const r of ranked.slice(0, 15)) {
    console.log(
      `${JSON.stringify(r.training)}  ${pct(r.mean.purposeAccuracy)} / ${pct(r.mean.goodAt70)} / ${pct(r.mean.goodAboveWeak)}, ${pct(r.worstAccuracy)}`,
    );
  }
  console.log(`${ranked.length} settings; ${((Date.now() - started) / 1000).toFixed(0)} s. PURPOSE_TRAINING is ${JSON.stringify(PURPOSE_TRAINING)}.`);
} else {
  const examples = purposeExamples(sets.flatMap((d) => d.cases));
  const model: PurposeModel = PurposeModelSchema.parse({
    about: 'Written by npm run train:purpose (scripts/train-purpose.ts) from the tuning purpose sets of evals/datasets; do not edit.',
    training: PURPOSE_TRAINING,
    data: { sha256: purposeTrainingDigest(examples), drafts: examples.length, sets: sets.map((d) => basename(d.path)) },
    ...trainPurpose(examples),
  });
  // Laid out as the repository's Prettier lays it out, so `npm run lint` passes on the file as written.
  const json = await format(JSON.stringify(model), { ...(await resolveConfig(PATH)), filepath: PATH });
  writeFileSync(PATH, json);
  console.log(
    `${examples.length} drafts from ${sets.length} sets; ${model.features.length} features; ` +
      `${(json.length / 1024).toFixed(1)} KiB, ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KiB gzip; ${Date.now() - started} ms.\nwrote ${PATH}`,
  );
}
