/** The journal suite: how entry readings are scored against writers' labels, on a fixture of our own (never the held-out sets). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvals } from '../evals/cli.js';
import { journalGateFailures, readThresholds } from '../evals/gate.js';
import { splitOf } from '../evals/manifest.js';
import type { JournalReport } from '../evals/report.js';
import { contentWords, matchOneToOne, readJournalDataset, runJournalSuite } from '../evals/suites/journal.js';
import type { CoachEngine } from '../src/coach/engine.js';
import type { EntryReading } from '../src/coach/loop/entry-reading-schema.js';
import { offlineEngine } from './support/api.js';

const FIXTURE = join(import.meta.dirname, 'data', 'journal-fixture.jsonl');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loop-coach-journal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An engine that answers every entry with the same reading: the scoring is all that is measured. */
const fixed = (reading: Omit<EntryReading, 'source' | 'checks'>): CoachEngine => ({
  ...offlineEngine(),
  readEntry: async () => ({ ...reading, checks: [], source: 'model' }),
});

describe('matching items', () => {
  it('pairs items sharing half the shorter one’s content words, one to one, closest first', () => {
    expect([...contentWords('Someone to own the evidence collection')]).toEqual(['someone', 'own', 'evidence', 'collection']);
    const m = matchOneToOne(
      ['someone to own the evidence collection', 'hire two engineers'],
      ['I need someone to own the evidence', 'the evidence, again', 'budget'],
    );
    expect(m.pairs).toEqual([[0, 0]]);
    expect(m).toMatchObject({ tp: 1, fp: 2, fn: 1 });
    // One prediction cannot match two labels.
    expect(matchOneToOne(['the audit', 'the audit evidence'], ['audit evidence'])).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });
});

describe('the journal suite', () => {
  it('scores needs, commitments (by owner), due dates and goalEngaged, per writer and overall', async () => {
    const data = readJournalDataset(FIXTURE);
    const { metrics, cases } = await runJournalSuite(
      fixed({
        needs: ['I need someone to own the evidence collection'],
        commitments: [
          { id: 'c1', text: 'own the evidence collection', owner: 'me', due: '2026-11-06', when: 'by Friday', status: 'open' },
          // Right words, wrong owner: no match.
          { id: 'c2', text: 'intro me to the VP of Engineering', owner: 'me', due: null, when: null, status: 'open' },
        ],
        feedback: [],
        goalEngaged: null,
      }),
      [data],
    );
    expect(metrics.status).toBe('measured');
    expect(cases.map((c) => c.id)).toEqual(['fx-001', 'fx-002', 'fx-003']);
    const first = cases[0];
    expect(first).toMatchObject({
      needs: { tp: 1, fp: 0, fn: 0 },
      commitments: { tp: 1, fp: 1, fn: 0, dueRight: 1, dueLabelled: 1 },
      feedback: { tp: 0, fp: 0, fn: 1 },
    });
    expect(cases[1]?.commitments).toMatchObject({ tp: 0, fp: 2, fn: 1 });
    const all = metrics.overall;
    expect(all.entries).toBe(3);
    // needs: fx-001 matched; fx-002 expects none (1 fp); fx-003's need is another (1 fp, 1 fn).
    expect(all.needs).toMatchObject({ tp: 1, fp: 2, fn: 1 });
    expect(all.dueAccuracy).toEqual({ right: 1, of: 1, rate: 1 });
    // Labels null, false, null against null every time: two of three right.
    expect(all.goalEngaged).toMatchObject({ right: 2, of: 3 });
    expect(all.goalEngaged.confusion.false.null).toBe(1);
    expect(all.goalEngaged.confusion.null.null).toBe(2);
    expect(Object.keys(metrics.byWriter)).toEqual(['fixture', 'fixture-2']);
    expect(metrics.byWriter.fixture?.entries).toBe(2);
  });

  it('reports "no data" with no journal set', async () => {
    const { metrics, cases } = await runJournalSuite(offlineEngine(), []);
    expect(metrics.status).toBe('no data');
    expect(cases).toEqual([]);
    expect(metrics.overall.goalEngaged.accuracy).toBeNull();
  });

  it('runs from the evals command on a given set, labelled with the provider, and counts journal sets as held out', async () => {
    const out = join(dir, 'journal.json');
    const printed: string[] = [];
    const io = { out: (t: string) => printed.push(t), err: { write: () => true, isTTY: false } };
    expect(await runEvals(['--suite', 'journal', '--provider', 'offline', '--dataset', FIXTURE, '--out', out], {}, io)).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as JournalReport;
    expect(report).toMatchObject({ suite: 'journal', provider: 'offline', prompts: { 'read-entry': 1 } });
    expect(report.cases).toHaveLength(3);
    expect(report.metrics.overall.entries).toBe(3);
    const markdown = printed.join('\n');
    expect(markdown).toContain('## Journal entries read');
    expect(markdown).toContain('provider offline');
    expect(markdown).toMatch(/\| all \| 3 \|/);
    expect(splitOf(join(import.meta.dirname, '..', 'evals', 'datasets', 'journal', 'any-writer.jsonl'))).toBe('held-out');
  });

  it('gates the held-out writers on their floors, never the tuning ones', async () => {
    const t = readThresholds(join(import.meta.dirname, '..', 'evals', 'thresholds.json')).journal;
    const { metrics } = await runJournalSuite(offlineEngine(), [readJournalDataset(FIXTURE)]);
    const writer = Object.keys(metrics.byWriter)[0] as string;
    const figures = metrics.byWriter[writer]!;
    const strong = { ...figures, needs: { ...figures.needs, f1: 1 }, commitments: { ...figures.commitments, f1: 1 }, feedback: { ...figures.feedback, f1: 1 } };
    const passing = {
      ...strong,
      dueAccuracy: { right: 1, of: 1, rate: 1 },
      goalEngaged: { ...figures.goalEngaged, accuracy: 1 },
    };
    const held = { ...metrics, byWriter: { [writer]: passing }, splits: { [`journal-writer-${writer}`]: 'held-out' as const } };
    expect(journalGateFailures(held, t)).toEqual([]);
    const weak = { ...held, byWriter: { [writer]: { ...passing, feedback: { ...passing.feedback, f1: t['held-out'].feedbackF1 - 0.01 } } } };
    expect(journalGateFailures(weak, t)).toEqual([expect.stringContaining('feedback F1')]);
    // The same weak figures on a tuning writer are reported, not gated; with nothing held out the gate says so.
    expect(journalGateFailures({ ...weak, splits: { [`journal-writer-${writer}`]: 'tuning' } }, t)).toEqual(['journal: no held-out set']);
  });
});
