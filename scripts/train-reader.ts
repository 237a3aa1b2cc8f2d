/**
 * Fits the learned reader on every labelled writer (evals/datasets: the seven draft files, the check
 * labels of purpose writers J, K, L, M, N, V, W, Y and Z, and the turn sets not held out) and writes
 * src/coach/analyzer/learned/reader-model.json. Deterministic: the same data gives the same file.
 * Run it after adding or relabelling data (`npm run train:reader`), then `npm run train:purpose`
 * (the purpose detector reads the checks the analyzer finds); a test fails while the model's data
 * digest differs from the datasets'.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readLabelledWriters } from '../evals/labelled-writers.js';
import { ReaderModelSchema, type ReaderModel } from '../src/coach/analyzer/learned/reader-model.js';
import { READER_TRAINING, trainReader, trainingDigest } from '../src/coach/analyzer/learned/training/train-reader.js';

const PATH = fileURLToPath(new URL('../src/coach/analyzer/learned/reader-model.json', import.meta.url));

const writers = readLabelledWriters();
const texts = writers.flatMap((w) => w.texts);
const started = Date.now();
const model: ReaderModel = ReaderModelSchema.parse({
  about: 'Written by npm run train:reader (scripts/train-reader.ts) from the labelled writers of evals/datasets; do not edit.',
  training: READER_TRAINING,
  data: { sha256: trainingDigest(texts), texts: texts.length },
  ...trainReader(texts),
});

/** JSON with the objects that `expand` names on several lines and everything else on one. */
function layout(value: unknown, expand: (path: readonly string[]) => boolean, path: readonly string[] = [], indent = ''): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !expand(path)) return JSON.stringify(value);
  const inner = `${indent}  `;
  const lines = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, expand, [...path, k], inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

// One line for the feature list and per check: compact, and a retraining's diff shows which checks moved.
const json = `${layout(model, (path) => path.length === 0 || (path[0] === 'modes' && (path.length <= 2 || (path.length === 3 && path[2] === 'checks'))))}\n`;
writeFileSync(PATH, json);
const weights = Object.values(model.modes).reduce((n, m) => n + Object.values(m.checks).reduce((k, c) => k + (c?.weight.length ?? 0), 0), 0);
console.log(
  `${texts.length} texts from ${writers.length} writers (${writers.map((w) => w.name).join(', ')}); ${weights} weights; ` +
    `${(json.length / 1024).toFixed(0)} KiB, ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KiB gzip; ${Date.now() - started} ms.\nwrote ${PATH}`,
);
