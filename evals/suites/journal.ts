import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { CoachEngine } from '../../src/coach/engine.js';
import { ENTRY_KINDS, RELATIONS, type EntryReading } from '../../src/coach/loop/entry-reading-schema.js';
import type { Dataset } from '../dataset.js';
import type { Status } from '../graders/grade.js';
import { splitOf, type Split } from '../manifest.js';
import { prf, type Prf } from '../metrics.js';

/**
 * The journal suite: entries of real conversations (notes of a one-on-one, a message sent, a note),
 * each labelled by its writer with what the other person said they need, the commitments made on
 * both sides with their dates, the feedback received and whether the goal was engaged with. The
 * engine reads each entry as the API does (`engine.readEntry`); the figures say how close its
 * reading comes, per writer and overall. Reporting only: no gate holds on it yet.
 */

const JournalCaseSchema = z.object({
  id: z.string().min(1),
  writer: z.string().min(1),
  kind: z.enum(ENTRY_KINDS),
  at: z.iso.datetime({ offset: true }),
  relation: z.enum(RELATIONS),
  name: z.string().min(1),
  text: z.string().min(1),
  expected: z.object({
    needs: z.array(z.string()),
    commitments: z.array(z.object({ text: z.string().min(1), due: z.iso.date().nullable(), owner: z.enum(['me', 'them']) })),
    feedback: z.array(z.string()),
    goalEngaged: z.boolean().nullable(),
  }),
});
export type JournalCase = z.infer<typeof JournalCaseSchema>;

/** A journal dataset, failing with the line number of the first bad line. */
export function readJournalDataset(path: string): Dataset<JournalCase> {
  const raw = readFileSync(path, 'utf8');
  const cases = raw.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JournalCaseSchema.parse(JSON.parse(line))];
    } catch (err) {
      throw new Error(`${path}:${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return { path, sha256: createHash('sha256').update(raw).digest('hex'), cases };
}

const STOP = new Set(
  (
    'a an the and or but to of in on for with at by from is are was were be been being it its this that these those so if as do does did ' +
    'just can could would will shall should have has had not no i me my we our you your she her he him his they them their on up out ' +
    'about into over than then there here what which who whom when where why how all any some more most very really also too get got'
  ).split(' '),
);
export const contentWords = (text: string) => new Set((text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []).filter((w) => !STOP.has(w)));

/**
 * Two items match when they share at least half of the content words of the one with fewer (and
 * at least one word). Pairs are made one-to-one, the closest first.
 */
export function matchOneToOne(expected: readonly string[], predicted: readonly string[], compatible: (e: number, p: number) => boolean = () => true) {
  const words = { e: expected.map(contentWords), p: predicted.map(contentWords) };
  const candidates: Array<{ e: number; p: number; score: number }> = [];
  words.e.forEach((ew, e) =>
    words.p.forEach((pw, p) => {
      const shared = [...ew].filter((w) => pw.has(w)).length;
      const shorter = Math.min(ew.size, pw.size);
      if (shorter > 0 && shared > 0 && shared >= shorter / 2 && compatible(e, p)) candidates.push({ e, p, score: shared / Math.max(ew.size, pw.size) });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.e - b.e || a.p - b.p);
  const usedE = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const c of candidates) {
    if (usedE.has(c.e) || usedP.has(c.p)) continue;
    usedE.add(c.e);
    usedP.add(c.p);
    pairs.push([c.e, c.p]);
  }
  return { pairs, tp: pairs.length, fp: predicted.length - pairs.length, fn: expected.length - pairs.length };
}

type Engaged = 'true' | 'false' | 'null';
const engagedKey = (v: boolean | null): Engaged => (v === null ? 'null' : v ? 'true' : 'false');

export interface JournalCaseResult {
  id: string;
  writer: string;
  dataset: string;
  status: Status;
  labels: JournalCase['expected'];
  reading: Pick<EntryReading, 'needs' | 'commitments' | 'feedback' | 'goalEngaged' | 'source'> | null;
  needs: { tp: number; fp: number; fn: number };
  commitments: { tp: number; fp: number; fn: number; dueRight: number; dueLabelled: number };
  feedback: { tp: number; fp: number; fn: number };
  error?: string;
}

export interface JournalFigures {
  entries: number;
  errors: number;
  needs: Prf;
  commitments: Prf;
  feedback: Prf;
  /** Matched commitments whose labelled due date (not null) the reading got exactly. */
  dueAccuracy: { right: number; of: number; rate: number | null };
  goalEngaged: { right: number; of: number; accuracy: number | null; confusion: Record<Engaged, Record<Engaged, number>> };
}

export interface JournalMetrics {
  /** "no data" until a journal set exists. */
  status: 'measured' | 'no data';
  overall: JournalFigures;
  byWriter: Record<string, JournalFigures>;
  /** Each set's split (evals/datasets/manifest.json): the journal sets are held out. */
  splits: Record<string, Split>;
}

function scoreCase(c: JournalCase, reading: EntryReading): Omit<JournalCaseResult, 'id' | 'writer' | 'dataset' | 'labels' | 'reading' | 'status'> {
  const needs = matchOneToOne(c.expected.needs, reading.needs);
  const feedback = matchOneToOne(c.expected.feedback, reading.feedback);
  const predicted = reading.commitments;
  const expected = c.expected.commitments;
  const commitments = matchOneToOne(
    expected.map((x) => x.text),
    predicted.map((x) => x.text),
    (e, p) => expected[e]?.owner === predicted[p]?.owner,
  );
  let dueRight = 0;
  let dueLabelled = 0;
  for (const [e, p] of commitments.pairs) {
    const want = expected[e]?.due ?? null;
    if (want === null) continue;
    dueLabelled += 1;
    if (predicted[p]?.due === want) dueRight += 1;
  }
  const counts = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => ({ tp, fp, fn });
  return { needs: counts(needs), feedback: counts(feedback), commitments: { ...counts(commitments), dueRight, dueLabelled } };
}

function figures(results: readonly JournalCaseResult[]): JournalFigures {
  const sum = (pick: (r: JournalCaseResult) => { tp: number; fp: number; fn: number }) =>
    prf(
      results.reduce((n, r) => n + pick(r).tp, 0),
      results.reduce((n, r) => n + pick(r).fp, 0),
      results.reduce((n, r) => n + pick(r).fn, 0),
    );
  const read = results.filter((r) => r.reading !== null);
  const confusion = Object.fromEntries((['true', 'false', 'null'] as const).map((e) => [e, { true: 0, false: 0, null: 0 }])) as Record<
    Engaged,
    Record<Engaged, number>
  >;
  for (const r of read) confusion[engagedKey(r.labels.goalEngaged)][engagedKey(r.reading?.goalEngaged ?? null)] += 1;
  const right = read.filter((r) => r.labels.goalEngaged === r.reading?.goalEngaged).length;
  const due = { right: results.reduce((n, r) => n + r.commitments.dueRight, 0), of: results.reduce((n, r) => n + r.commitments.dueLabelled, 0) };
  return {
    entries: results.length,
    errors: results.length - read.length,
    needs: sum((r) => r.needs),
    commitments: sum((r) => r.commitments),
    feedback: sum((r) => r.feedback),
    dueAccuracy: { ...due, rate: due.of === 0 ? null : due.right / due.of },
    goalEngaged: { right, of: read.length, accuracy: read.length === 0 ? null : right / read.length, confusion },
  };
}

/** Reads every entry with the engine and scores the readings against the writers' labels. */
export async function runJournalSuite(
  engine: CoachEngine,
  datasets: ReadonlyArray<Dataset<JournalCase>>,
): Promise<{ metrics: JournalMetrics; cases: JournalCaseResult[] }> {
  const cases: JournalCaseResult[] = [];
  for (const d of datasets) {
    const dataset = basename(d.path, '.jsonl');
    for (const c of d.cases) {
      const base = { id: c.id, writer: c.writer, dataset, labels: c.expected };
      try {
        const reading = await engine.readEntry({ text: c.text, kind: c.kind, at: Date.parse(c.at), relation: c.relation, name: c.name });
        const scored = scoreCase(c, reading);
        const exact =
          [scored.needs, scored.feedback, scored.commitments].every((x) => x.fp === 0 && x.fn === 0) &&
          scored.commitments.dueRight === scored.commitments.dueLabelled &&
          reading.goalEngaged === c.expected.goalEngaged;
        const { needs, commitments, feedback, goalEngaged, source } = reading;
        cases.push({ ...base, ...scored, status: exact ? 'pass' : 'fail', reading: { needs, commitments, feedback, goalEngaged, source } });
      } catch (err) {
        const none = { tp: 0, fp: 0, fn: 0 };
        cases.push({
          ...base,
          status: 'fail',
          reading: null,
          needs: { ...none, fn: c.expected.needs.length },
          feedback: { ...none, fn: c.expected.feedback.length },
          commitments: { ...none, fn: c.expected.commitments.length, dueRight: 0, dueLabelled: 0 },
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
  }
  const writers = [...new Set(cases.map((c) => c.writer))].sort();
  return {
    metrics: {
      status: cases.length === 0 ? 'no data' : 'measured',
      overall: figures(cases),
      byWriter: Object.fromEntries(writers.map((w) => [w, figures(cases.filter((c) => c.writer === w))])),
      splits: Object.fromEntries(datasets.map((d) => [basename(d.path, '.jsonl'), splitOf(d.path)])),
    },
    cases,
  };
}
