import type { Critique } from '../../src/coach/critique/critique-schema.js';
import { runCritique } from '../../src/coach/critique/run-critique.js';
import { checksFor, MODES } from '../../src/coach/rubric.js';
import { createIdGenerator } from '../../src/ids.js';
import type { ChatModel } from '../../src/llm/chat-model.js';
import type { Dataset, DraftCase } from '../dataset.js';
import { macroF1, perLabel, type Prf } from '../metrics.js';

export interface DraftMetrics {
  cases: number;
  macroF1: number;
  perCheck: Record<string, Prf>;
  /** Quotes the engine gave that were found verbatim in the text, over all quotes it gave. */
  groundedQuoteRate: number;
}

export interface DraftCaseResult {
  id: string;
  mode: DraftCase['mode'];
  split: string | undefined;
  expected: string[];
  predicted: string[];
  evidence: Record<string, string[]>;
  score: number;
  quotesDropped: number;
  error?: string;
}

export function draftMetrics(results: readonly DraftCaseResult[]): DraftMetrics {
  const labels = MODES.flatMap((mode) => (results.some((r) => r.mode === mode) ? checksFor(mode).map((c) => c.id) : []));
  // proposes_follow_up exists in both modes; one label across both is what the rubric means.
  const perCheck = perLabel(results, [...new Set(labels)]);
  let kept = 0;
  let dropped = 0;
  for (const r of results) {
    kept += Object.values(r.evidence).reduce((n, q) => n + q.length, 0);
    dropped += r.quotesDropped;
  }
  return { cases: results.length, macroF1: macroF1(perCheck), perCheck, groundedQuoteRate: kept + dropped === 0 ? 1 : kept / (kept + dropped) };
}

/** Critiques every case with `model` (any engine) and compares the present checks with the labels. */
export async function runDraftSuite(
  model: ChatModel,
  dataset: Dataset<DraftCase>,
  opts: { concurrency: number; onProgress?: (done: number, total: number) => void },
): Promise<DraftCaseResult[]> {
  const now = () => Date.now();
  const deps = { model, now, newId: createIdGenerator(now) };
  const results: DraftCaseResult[] = new Array(dataset.cases.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < dataset.cases.length; i = next++) {
      const c = dataset.cases[i] as DraftCase;
      results[i] = await evaluate(deps, c);
      opts.onProgress?.(++done, dataset.cases.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  return results;
}

async function evaluate(deps: Parameters<typeof runCritique>[0], c: DraftCase): Promise<DraftCaseResult> {
  const base = { id: c.id, mode: c.mode, split: c.split, expected: [...c.expected] };
  let critique: Critique;
  try {
    critique = await runCritique(deps, { text: c.text, mode: c.mode, earnedBefore: false });
  } catch (err) {
    // A failed case predicts nothing, which costs recall: failures are never silently skipped.
    return { ...base, predicted: [], evidence: {}, score: 0, quotesDropped: 0, error: err instanceof Error ? err.message : String(err) };
  }
  const present = critique.checks.filter((k) => k.present);
  return {
    ...base,
    predicted: present.map((k) => k.id),
    evidence: Object.fromEntries(present.map((k) => [k.id, k.evidence])),
    score: critique.score,
    quotesDropped: critique.quotesDropped,
  };
}
