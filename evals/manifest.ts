import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const DATA = join(dirname(fileURLToPath(import.meta.url)), 'datasets');

export const SPLITS = ['tuning', 'held-out'] as const;
export type Split = (typeof SPLITS)[number];

/** The row that pools every held-out set of a suite: the split the gate holds to its bars (evals/thresholds.json, per split). */
export const HELD_OUT_POOLED = 'held-out split (pooled)';

const ManifestSchema = z.object({
  notes: z.array(z.string()),
  datasets: z.record(z.string(), z.object({ split: z.enum(SPLITS), note: z.string() })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** evals/datasets/manifest.json: what each labelled set has been used for. */
export function readManifest(path = join(DATA, 'manifest.json')): Manifest {
  return ManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * A dataset's split by its path, or by its folder's entry (a key ending in "/": every set written
 * there, such as the journal's); a set the manifest does not list counts as tuning (nothing unlisted
 * is gated as held out).
 */
export function splitOf(path: string, manifest: Manifest = readManifest()): Split {
  const key = relative(DATA, path);
  return (manifest.datasets[key] ?? manifest.datasets[`${dirname(key)}/`])?.split ?? 'tuning';
}
