import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/coach/analyzer/index.js';
import { CHECKS_BY_MODE, MODES, type Mode } from '../../src/coach/rubric.js';
import { readDraftDataset, readTurnDataset } from '../dataset.js';

/**
 * The nine writers of the experiment: seven draft files and two turn files, one writer each.
 * `tuning` says how the analyzer has seen the writer's labels (evals/README.md, the datasets' notes):
 * - `tuned`: a tuning set the analyzer was written against (drafts.jsonl, drafts-dev.jsonl);
 * - `tuned after scoring`: measured before any tuning, then tuned on (the three fresh sets);
 * - `never tuned`: held out (holdout, holdout-3) or never used for the analyzer (the turn sets).
 * Only the `never tuned` writers give the analyzer an unbiased figure.
 */
export type Tuning = 'tuned' | 'tuned after scoring' | 'never tuned';

export interface Doc {
  /** Index in `allDocs`. */
  index: number;
  writer: string;
  id: string;
  mode: Mode;
  text: string;
  /** Labelled checks, as `mode:check` (see `labelKey`). */
  labels: ReadonlySet<string>;
  /** Checks the current analyzer finds present, as `mode:check`. */
  analyzer: ReadonlySet<string>;
}

export interface Writer {
  name: string;
  file: string;
  tuning: Tuning;
  /** Macro-F1 the analyzer scored on this writer before it was tuned on it, as evals/README.md reports it. */
  beforeTuning?: number;
  sha256: string;
  docs: Doc[];
}

/** A check scored in one mode: employee checks on employee texts, manager checks on manager texts. */
export const labelKey = (mode: Mode, check: string) => `${mode}:${check}`;

/** Every label of the experiment, employee first, in rubric order. */
export const LABELS: ReadonlyArray<{ key: string; mode: Mode; check: string }> = MODES.flatMap((mode) =>
  CHECKS_BY_MODE[mode].map((c) => ({ key: labelKey(mode, c.id), mode, check: c.id })),
);

const DRAFTS: ReadonlyArray<{ name: string; file: string; tuning: Tuning; beforeTuning?: number }> = [
  { name: 'drafts', file: 'drafts.jsonl', tuning: 'tuned' },
  { name: 'drafts-dev', file: 'drafts-dev.jsonl', tuning: 'tuned' },
  { name: 'fresh', file: 'drafts-fresh.jsonl', tuning: 'tuned after scoring', beforeTuning: 0.673 },
  { name: 'fresh2', file: 'drafts-fresh2.jsonl', tuning: 'tuned after scoring', beforeTuning: 0.864 },
  { name: 'fresh4', file: 'drafts-fresh4.jsonl', tuning: 'tuned after scoring', beforeTuning: 0.732 },
  { name: 'holdout', file: 'drafts-holdout.jsonl', tuning: 'never tuned' },
  { name: 'holdout-3', file: 'drafts-holdout-3.jsonl', tuning: 'never tuned' },
];

const TURNS: ReadonlyArray<{ name: string; file: string }> = [
  { name: 'turns-a', file: 'turns/turns-writer-a.jsonl' },
  { name: 'turns-b', file: 'turns/turns-writer-b.jsonl' },
];

const datasetPath = (file: string) => fileURLToPath(new URL(`../datasets/${file}`, import.meta.url));

/** The hand-written analyzer alone (no learned reader), as it was measured here. */
function analyzerChecks(text: string, mode: Mode): Set<string> {
  const found = analyze(text, mode, undefined, null).checks;
  return new Set(
    Object.entries(found)
      .filter(([, finding]) => finding?.present)
      .map(([id]) => labelKey(mode, id)),
  );
}

/** Reads the nine writers through the evals' own (validating) readers and runs the analyzer once on every text. */
export function loadWriters(): { writers: Writer[]; allDocs: Doc[] } {
  const allDocs: Doc[] = [];
  const add = (writer: string, id: string, mode: Mode, text: string, checks: readonly string[]): Doc => {
    const doc: Doc = {
      index: allDocs.length,
      writer,
      id,
      mode,
      text,
      labels: new Set(checks.map((c) => labelKey(mode, c))),
      analyzer: analyzerChecks(text, mode),
    };
    allDocs.push(doc);
    return doc;
  };
  const writers: Writer[] = [];
  for (const d of DRAFTS) {
    const set = readDraftDataset(datasetPath(d.file));
    writers.push({
      name: d.name,
      file: `evals/datasets/${d.file}`,
      tuning: d.tuning,
      ...(d.beforeTuning !== undefined && { beforeTuning: d.beforeTuning }),
      sha256: set.sha256,
      docs: set.cases.map((c) => add(d.name, c.id, c.mode, c.text, c.expected)),
    });
  }
  for (const t of TURNS) {
    const set = readTurnDataset(datasetPath(t.file));
    writers.push({
      name: t.name,
      file: `evals/datasets/${t.file}`,
      tuning: 'never tuned',
      sha256: set.sha256,
      docs: set.cases.map((c) => add(t.name, c.id, c.mode, c.text, c.checks)),
    });
  }
  return { writers, allDocs };
}
