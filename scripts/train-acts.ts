/**
 * Fits the learned act reader on the labelled turns of every writer not held out
 * (evals/datasets/turns, evals/datasets/manifest.json) and writes
 * src/coach/reading/learned-acts/acts-model.json. Deterministic: the same data gives the same file.
 * Run it after adding or relabelling turns (`npm run train:acts`); a test fails while the model's
 * data digest differs from the datasets'.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readTurnDataset } from '../evals/dataset.js';
import { tuningTurnFiles } from '../evals/labelled-writers.js';
import { ActsModelSchema } from '../src/coach/reading/learned-acts/acts-model.js';
import { ACTS_TRAINING, actsDigest, trainActs } from '../src/coach/analyzer/learned/training/train-acts.js';

const PATH = fileURLToPath(new URL('../src/coach/reading/learned-acts/acts-model.json', import.meta.url));

const turns = tuningTurnFiles().flatMap((f) => readTurnDataset(f).cases);
const model = ActsModelSchema.parse({
  about: 'Written by npm run train:acts (scripts/train-acts.ts) from the labelled turns of evals/datasets/turns not held out; do not edit.',
  training: ACTS_TRAINING,
  data: { sha256: actsDigest(turns), turns: turns.length },
  ...trainActs(turns),
});
// One line per act: compact, and a retraining's diff shows which acts moved.
const { acts, ...rest } = model;
const json = `${JSON.stringify(rest).slice(0, -1)},"acts":{\n${Object.entries(acts)
  .map(([id, a]) => `  ${JSON.stringify(id)}: ${JSON.stringify(a)}`)
  .join(',\n')}\n}}\n`;
ActsModelSchema.parse(JSON.parse(json));
writeFileSync(PATH, json);
console.log(
  `${turns.length} turns; ${model.features.length} features; ${(json.length / 1024).toFixed(0)} KiB, ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KiB gzip.\nwrote ${PATH}`,
);
