/**
 * Adopting the learned reader (issue 14, item 4): variants of the `analyzer-or-ngram` design as
 * analyze() would run them, measured with the experiment's nested leave-one-writer-out over the nine
 * writers, to choose what ships: which checks the reader may add, on what evidence, its threshold and
 * how far its weights are pruned (README.md beside this file, "Adopting it").
 *
 *   npx tsx evals/reader-experiment/adopt.ts      # about 80 s on one core; writes results-adopt.json
 *
 * Fixed, from the experiment: balanced class weights, lambda 3e-6, n-grams in at least 2 training
 * texts. Every fold is fitted with `trainReader`, the code that fits the shipped model, and read with
 * the runtime's `checkProbabilities`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { analyze } from '../../src/coach/analyzer/index.js';
import { quoteOf, readDoc, type Doc } from '../../src/coach/analyzer/doc.js';
import { checkProbabilities, compileReader, type LearnedReader } from '../../src/coach/analyzer/learned/learned-reader.js';
import type { ReaderModel, TrainedReader } from '../../src/coach/analyzer/learned/reader-model.js';
import { trainReader, type ReaderTraining } from '../../src/coach/analyzer/learned/training/train-reader.js';
import { wordFeatures, wordTokens } from '../../src/coach/analyzer/learned/word-features.js';
import { assertedAt } from '../../src/coach/analyzer/negation.js';
import type { Sentence } from '../../src/coach/analyzer/sentences.js';
import { CHECKS_BY_MODE, MODES, type CheckId, type Mode } from '../../src/coach/rubric.js';
import { readLabelledWriters } from '../labelled-writers.js';
import { macroF1 as repoMacroF1, perLabel } from '../metrics.js';

/** Every check fitted (the designs choose which the reader may add); pruned and thresholded here, not at fitting. */
const FIT: ReaderTraining = {
  checks: { employee: CHECKS_BY_MODE.employee.map((c) => c.id), manager: CHECKS_BY_MODE.manager.map((c) => c.id) },
  weighting: 'balanced',
  lambda: 3e-6,
  minDf: 2,
  prune: 0,
  threshold: 0.5,
};
const PRUNE = [0, 0.5, 1, 2];
const THRESHOLDS = Array.from({ length: 17 }, (_, i) => Math.round((0.15 + 0.05 * i) * 100) / 100);
/** `ngram`'s own threshold in the experiment, for reference. */
const NGRAM_THRESHOLD = 0.25;

/**
 * A check is present when the hand-written analyzer finds it (`analyzer`), when the reader's p on the
 * text is above t (`ngram`), or either (`analyzer-or-ngram`), and, for the rest, when the analyzer
 * finds it or the reader adds it:
 * - `or+frames-veto`: text p > t, unless the scope rules call the move's heaviest n-gram in its best
 *   sentence (the sentence read alone with the highest p) negated, hypothetical, reported or quoted;
 * - `or+sentence-only`: best sentence p > t; `or+sentence-above`: text and best sentence p > t, and
 *   `+4-words` with a best sentence of at least four word tokens;
 * - `moves`: as `or+sentence-above`, moves only, not on a sentence the frames quote for a pitfall;
 *   `moves-any`: on any sentence;
 * - `+chosen` and `chosen` (all checks): only the checks whose additions raise their F1 on the inner folds.
 */
type Design =
  | 'analyzer'
  | 'ngram'
  | 'analyzer-or-ngram'
  | 'or+frames-veto'
  | 'or+sentence-only'
  | 'or+sentence-above'
  | 'or+sentence-above+4-words'
  | 'moves'
  | 'moves+chosen'
  | 'moves-any'
  | 'moves-any+chosen'
  | 'chosen';
const DESIGNS: Design[] = [
  'analyzer',
  'ngram',
  'analyzer-or-ngram',
  'or+frames-veto',
  'or+sentence-only',
  'or+sentence-above',
  'or+sentence-above+4-words',
  'moves',
  'moves+chosen',
  'moves-any',
  'moves-any+chosen',
  'chosen',
];
/** The designs whose checks are enabled one by one on the inner folds, after their threshold, and the design that threshold is chosen for. */
const CHOSEN: Partial<Record<Design, { base: Design; labels: readonly string[] }>> = {};
const TUNED: readonly Design[] = DESIGNS.filter((d) => d !== 'analyzer' && d !== 'ngram');
/** The fewest word tokens the best sentence of `or+sentence-above+4-words` may have. */
const MIN_TOKENS = 4;
const labelKey = (mode: Mode, id: CheckId) => `${mode}:${id}`;

interface Item {
  writer: string;
  mode: Mode;
  labels: ReadonlySet<CheckId>;
  doc: Doc;
  analyzer: ReadonlySet<CheckId>;
  /** Sentences the frames quote for a pitfall. */
  pitfallSentences: ReadonlySet<number>;
}

/** What one fold's model says about one text, per check of its mode. */
interface Reading {
  text: Float64Array;
  bestSentence: Float64Array;
  /** The frames say the words that weigh most for this move in its best sentence are negated, hypothetical, reported or quoted. */
  vetoed: Uint8Array;
  /** Word tokens in the best sentence. */
  tokens: Uint16Array;
  /** The best sentence's index. */
  best: Int32Array;
}

const writers = readLabelledWriters();
const names = writers.map((w) => w.name);
const neverTuned = writers.filter((w) => w.tuning === 'never tuned').map((w) => w.name);
const items: Item[] = writers.flatMap((w) =>
  w.texts.map((t) => {
    const doc = readDoc(t.text);
    const found = analyze(t.text, t.mode, doc, null).checks;
    return {
      writer: w.name,
      mode: t.mode,
      labels: new Set(t.checks),
      doc,
      analyzer: new Set(CHECKS_BY_MODE[t.mode].filter(({ id }) => found[id]?.present).map(({ id }) => id)),
      pitfallSentences: new Set(
        CHECKS_BY_MODE[t.mode]
          .filter((c) => c.kind === 'pitfall')
          .flatMap((c) => found[c.id]?.evidence ?? [])
          .flatMap((q) => doc.sentences.flatMap((s, i) => (quoteOf(doc, s) === q ? [i] : []))),
      ),
    };
  }),
);

/** The same model with weights below `prune` in magnitude dropped. */
function pruned({ fewestWords, features, modes }: TrainedReader, prune: number): TrainedReader {
  const out = {} as ReaderModel['modes'];
  for (const m of MODES) {
    const checks: ReaderModel['modes'][Mode]['checks'] = {};
    for (const [id, c] of Object.entries(modes[m].checks) as Array<[CheckId, NonNullable<ReaderModel['modes'][Mode]['checks'][CheckId]>]>) {
      let at = 0;
      const kept = c.index.map((d, j) => [(at += d), c.weight[j]!] as const).filter(([, w]) => Math.abs(w) >= prune);
      checks[id] = { ...c, index: kept.map(([i], k) => i - (k === 0 ? 0 : kept[k - 1]![0])), weight: kept.map(([, w]) => w) };
    }
    out[m] = { checks };
  }
  return { fewestWords, features, modes: out };
}

const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4']/;

/** Where a token of `wordTokens` starts in the folded sentence (apostrophes dropped as the tokenizer drops them), or -1. */
function tokenAt(s: Sentence, token: string): number {
  const at: number[] = [];
  let flat = '';
  for (let i = 0; i < s.text.length; i++) {
    if (APOSTROPHES.test(s.text[i]!)) continue;
    flat += s.text[i];
    at.push(i);
  }
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(flat);
  return m ? at[m.index]! : -1;
}

/** The frames' veto on a move the reader adds: its heaviest n-gram in the sentence sits under a negation, hypothetical, report or quote. */
function vetoed(reader: LearnedReader, mode: Mode, k: number, doc: Doc, s: Sentence): boolean {
  let best = '';
  let bestWeight = 0;
  for (const f of wordFeatures(doc.raw.slice(s.start, s.end))) {
    const list = reader.modes[mode].weights.get(f) ?? [];
    for (let i = 0; i < list.length; i += 2) if (list[i] === k && list[i + 1]! > bestWeight) [best, bestWeight] = [f, list[i + 1]!];
  }
  if (best === '') return false;
  const at = tokenAt(s, best.slice(best.lastIndexOf(best.startsWith('b:') ? ' ' : ':') + 1));
  return at >= 0 && !assertedAt(s, at);
}

function read(reader: LearnedReader, item: Item): Reading {
  const { doc, mode } = item;
  const checks = CHECKS_BY_MODE[mode];
  const text = checkProbabilities(reader, mode, doc.raw);
  const sentences = doc.sentences.map((s) => checkProbabilities(reader, mode, doc.raw.slice(s.start, s.end)));
  const bestSentence = new Float64Array(checks.length);
  const veto = new Uint8Array(checks.length);
  const tokens = new Uint16Array(checks.length);
  const bestOf = new Int32Array(checks.length);
  checks.forEach((c, k) => {
    if (sentences.length === 0) return;
    let best = 0;
    for (let i = 1; i < sentences.length; i++) if (sentences[i]![k]! > sentences[best]![k]!) best = i;
    bestSentence[k] = sentences[best]![k]!;
    bestOf[k] = best;
    veto[k] = c.kind === 'move' && vetoed(reader, mode, k, doc, doc.sentences[best]!) ? 1 : 0;
    tokens[k] = wordTokens(doc.raw.slice(doc.sentences[best]!.start, doc.sentences[best]!.end)).length;
  });
  return { text, bestSentence, vetoed: veto, tokens, best: bestOf };
}

/** Checks the reader may add, per outer fold, for `moves+chosen` and `chosen` (every check otherwise). */
type Enabled = ReadonlySet<string> | null;

function decide(design: Design, threshold: number, item: Item, r: Reading, k: number, enabled: Enabled = null): boolean {
  const check = CHECKS_BY_MODE[item.mode][k]!;
  if (design === 'analyzer') return item.analyzer.has(check.id);
  if (design === 'ngram') return r.text[k]! > threshold;
  if (item.analyzer.has(check.id)) return true;
  if (design === 'or+sentence-only') return r.bestSentence[k]! > threshold;
  if (!(r.text[k]! > threshold)) return false;
  switch (design) {
    case 'or+frames-veto':
      return r.vetoed[k] === 0;
    case 'or+sentence-above':
      return r.bestSentence[k]! > threshold;
    case 'chosen':
      return r.bestSentence[k]! > threshold && (enabled === null || enabled.has(labelKey(item.mode, check.id)));
    case 'or+sentence-above+4-words':
      return r.bestSentence[k]! > threshold && r.tokens[k]! >= MIN_TOKENS;
    case 'moves':
    case 'moves+chosen':
    case 'moves-any':
    case 'moves-any+chosen':
      return (
        r.bestSentence[k]! > threshold &&
        check.kind === 'move' &&
        (design.startsWith('moves-any') || !item.pitfallSentences.has(r.best[k]!)) &&
        (enabled === null || enabled.has(labelKey(item.mode, check.id)))
      );
    default:
      return true;
  }
}

/** Macro-F1 of one writer, the experiment's way: checks scored in their own mode, over those with a positive in the writer's texts. */
function writerF1(rows: ReadonlyArray<{ item: Item; reading: Reading }>, design: Design, threshold: number, enabled: Enabled = null): number {
  let sum = 0;
  let used = 0;
  for (const mode of MODES) {
    const ofMode = rows.filter((r) => r.item.mode === mode);
    CHECKS_BY_MODE[mode].forEach(({ id }, k) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const { item, reading } of ofMode) {
        const e = item.labels.has(id);
        const p = decide(design, threshold, item, reading, k, enabled);
        if (e && p) tp += 1;
        else if (p) fp += 1;
        else if (e) fn += 1;
      }
      if (tp + fn === 0) return;
      used += 1;
      sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    });
  }
  return used === 0 ? 1 : sum / used;
}

/** The evals' convention (evals/metrics.ts): ids pooled over modes; a check only predicted counts 0. */
function writerRepoF1(rows: ReadonlyArray<{ item: Item; reading: Reading }>, design: Design, threshold: number, enabled: Enabled = null): number {
  const cases = rows.map(({ item, reading }) => ({
    expected: [...item.labels],
    predicted: CHECKS_BY_MODE[item.mode].filter((_, k) => decide(design, threshold, item, reading, k, enabled)).map((c) => c.id),
  }));
  const ids = [...new Set(MODES.filter((m) => rows.some((r) => r.item.mode === m)).flatMap((m) => CHECKS_BY_MODE[m].map((c) => c.id)))];
  return repoMacroF1(perLabel(cases, ids));
}

/** F1 of one label on one writer with the reader adding it or not; null when the label neither occurs nor is found there. */
function labelF1(rows: ReadonlyArray<{ item: Item; reading: Reading }>, design: Design, label: string, threshold: number): [number, number] | null {
  const f1 = (enabled: Enabled) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { item, reading } of rows) {
      const k = CHECKS_BY_MODE[item.mode].findIndex((c) => labelKey(item.mode, c.id) === label);
      if (k < 0) continue;
      const e = item.labels.has(CHECKS_BY_MODE[item.mode][k]!.id);
      const p = decide(design, threshold, item, reading, k, enabled);
      if (e && p) tp += 1;
      else if (p) fp += 1;
      else if (e) fn += 1;
    }
    return { tp, fp, fn, f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn) };
  };
  const on = f1(new Set([label]));
  const off = f1(new Set());
  if (on.tp + on.fn + on.fp === 0 && off.tp + off.fn + off.fp === 0) return null;
  return [on.f1, off.f1];
}

const MOVE_LABELS = MODES.flatMap((m) => CHECKS_BY_MODE[m].filter((c) => c.kind === 'move').map((c) => labelKey(m, c.id)));
const ALL_LABELS = MODES.flatMap((m) => CHECKS_BY_MODE[m].map((c) => labelKey(m, c.id)));
CHOSEN['moves+chosen'] = { base: 'moves', labels: MOVE_LABELS };
CHOSEN['moves-any+chosen'] = { base: 'moves-any', labels: MOVE_LABELS };
CHOSEN.chosen = { base: 'or+sentence-above', labels: ALL_LABELS };

/** The checks whose additions raise their mean F1 over these (writer, rows) folds. */
function chooseEnabled(design: Design, folds: ReadonlyArray<ReadonlyArray<{ item: Item; reading: Reading }>>, threshold: number): Set<string> {
  return new Set(
    CHOSEN[design]!.labels.filter((label) => {
      const pairs = folds.map((rows) => labelF1(rows, design, label, threshold)).filter((x): x is [number, number] => x !== null);
      return pairs.length > 0 && mean(pairs.map(([on, off]) => on - off)) > 1e-9;
    }),
  );
}

const started = Date.now();
/** Fold models, by the writers left out, each read on the writers it left out. */
const folds = new Map<string, Map<number, Map<string, Array<{ item: Item; reading: Reading }>>>>();
const foldKey = (out: readonly string[]) => [...out].sort().join('|');
const fitFold = (out: readonly string[]) => {
  const trained = trainReader(
    items.filter((i) => !out.includes(i.writer)).map((i) => ({ mode: i.mode, text: i.doc.raw, checks: [...i.labels] })),
    FIT,
  );
  const byPrune = new Map<number, Map<string, Array<{ item: Item; reading: Reading }>>>();
  for (const prune of PRUNE) {
    const reader = compileReader(pruned(trained, prune));
    byPrune.set(prune, new Map(out.map((w) => [w, items.filter((i) => i.writer === w).map((item) => ({ item, reading: read(reader, item) }))])));
  }
  folds.set(foldKey(out), byPrune);
};
names.forEach((a, i) => names.slice(i + 1).forEach((b) => fitFold([a, b])));
names.forEach((a) => fitFold([a]));
const fitSeconds = (Date.now() - started) / 1000;

const rowsOf = (out: readonly string[], prune: number, writer: string) => folds.get(foldKey(out))!.get(prune)!.get(writer)!;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const f3 = (x: number) => x.toFixed(3);

interface Outcome {
  design: Design;
  prune: number;
  /** Per outer writer: the threshold its inner folds chose, and its score with it. */
  outer: Record<string, { threshold: number; inner: number; f1: number; repoF1: number }>;
  mean: number;
  worst: number;
  neverTunedMean: number;
  neverTunedWorst: number;
  /** Chosen leave one writer out over all nine writers (for the model fitted on all nine), and the LOWO score there. */
  allNine: { threshold: number; mean: number };
}

const outcomes: Outcome[] = [];
/** Per design and prune level: the checks enabled in each outer fold, and leave one writer out over all nine. */
const enabledChoices: Record<string, { outer: Record<string, string[]>; allNine: string[] }> = {};
for (const prune of PRUNE) {
  for (const design of DESIGNS) {
    const outer: Outcome['outer'] = {};
    const enabledByOuter: Record<string, string[]> = {};
    for (const a of names) {
      let threshold = NGRAM_THRESHOLD;
      let inner = NaN;
      let enabled: Enabled = null;
      const innerNames = names.filter((b) => b !== a);
      if (TUNED.includes(design)) {
        // A design that chooses its checks keeps its base design's threshold, then enables the checks that help on the inner folds.
        const scored = CHOSEN[design]?.base ?? design;
        for (const t of THRESHOLDS) {
          const score = mean(innerNames.map((b) => writerF1(rowsOf([a, b], prune, b), scored, t)));
          if (!(score <= inner + 1e-12)) [threshold, inner] = [t, score];
        }
        if (CHOSEN[design]) {
          enabled = chooseEnabled(
            design,
            innerNames.map((b) => rowsOf([a, b], prune, b)),
            threshold,
          );
          enabledByOuter[a] = [...enabled];
          inner = mean(innerNames.map((b) => writerF1(rowsOf([a, b], prune, b), design, threshold, enabled)));
        }
      }
      const rows = rowsOf([a], prune, a);
      outer[a] = { threshold, inner, f1: writerF1(rows, design, threshold, enabled), repoF1: writerRepoF1(rows, design, threshold, enabled) };
    }
    const lowo = (t: number, enabled: Enabled = null) => mean(names.map((a) => writerF1(rowsOf([a], prune, a), design, t, enabled)));
    let allNine = TUNED.includes(design)
      ? THRESHOLDS.map((t) => ({ threshold: t, mean: lowo(t) })).reduce((x, y) => (y.mean > x.mean + 1e-12 ? y : x))
      : { threshold: NGRAM_THRESHOLD, mean: lowo(NGRAM_THRESHOLD) };
    const chosen = CHOSEN[design];
    if (chosen) {
      const base = outcomes.find((o) => o.design === chosen.base && o.prune === prune)!.allNine;
      const enabled = chooseEnabled(
        design,
        names.map((a) => rowsOf([a], prune, a)),
        base.threshold,
      );
      enabledChoices[`${design} ${prune}`] = { outer: enabledByOuter, allNine: [...enabled] };
      allNine = { threshold: base.threshold, mean: lowo(base.threshold, enabled) };
    }
    const f1s = names.map((n) => outer[n]!.f1);
    const never = neverTuned.map((n) => outer[n]!.f1);
    outcomes.push({
      design,
      prune,
      outer,
      mean: mean(f1s),
      worst: Math.min(...f1s),
      neverTunedMean: mean(never),
      neverTunedWorst: Math.min(...never),
      allNine,
    });
  }
}

const out: string[] = [];
const table = (head: string[], rows: Array<Array<string | number>>) =>
  out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
out.push('### Nested leave-one-writer-out macro-F1 (threshold chosen on the inner folds)', '');
table(
  ['design', 'prune', 'mean (9)', 'worst (9)', 'mean (4 never tuned)', 'worst (4 never tuned)', 'thresholds chosen', 'LOWO over 9: best threshold (mean)'],
  outcomes.map((o) => [
    o.design,
    o.prune,
    f3(o.mean),
    f3(o.worst),
    f3(o.neverTunedMean),
    f3(o.neverTunedWorst),
    TUNED.includes(o.design) ? names.map((n) => o.outer[n]!.threshold).join(' ') : '-',
    TUNED.includes(o.design) ? `${o.allNine.threshold} (${f3(o.allNine.mean)})` : '-',
  ]),
);
out.push('### Per left-out writer (prune 1)', '');
table(
  ['writer', 'tuning', ...DESIGNS, ...DESIGNS.map((d) => `${d} (evals convention)`)],
  writers.map((w) => {
    const of = (d: Design) => outcomes.find((o) => o.design === d && o.prune === 1)!.outer[w.name]!;
    return [w.name, w.tuning, ...DESIGNS.map((d) => f3(of(d).f1)), ...DESIGNS.map((d) => f3(of(d).repoF1))];
  }),
);
out.push('### Checks the reader may add, chosen check by check: leave one writer out over all nine (and in how many outer folds of 9)', '');
table(
  ['design, prune', 'enabled', 'disabled'],
  Object.entries(enabledChoices).map(([key, c]) => {
    const count = (label: string) => Object.values(c.outer).filter((e) => e.includes(label)).length;
    const labels = CHOSEN[key.split(' ')[0] as Design]!.labels;
    return [
      key,
      c.allNine.map((l) => `${l} (${count(l)})`).join(', '),
      labels
        .filter((l) => !c.allNine.includes(l))
        .map((l) => `${l} (${count(l)})`)
        .join(', '),
    ];
  }),
);
out.push(`${folds.size} folds fitted and read in ${fitSeconds.toFixed(0)} s; ${((Date.now() - started) / 1000).toFixed(0)} s in all.`);
console.log(out.join('\n'));

const round = (x: number) => Number(x.toFixed(4));
const results = {
  settings: { fit: FIT, prune: PRUNE, thresholds: THRESHOLDS, ngramThreshold: NGRAM_THRESHOLD, minTokens: MIN_TOKENS },
  enabledChoices,
  writers: writers.map((w) => ({ name: w.name, tuning: w.tuning, texts: w.texts.length })),
  outcomes: outcomes.map((o) => ({
    ...o,
    mean: round(o.mean),
    worst: round(o.worst),
    neverTunedMean: round(o.neverTunedMean),
    neverTunedWorst: round(o.neverTunedWorst),
    allNine: { threshold: o.allNine.threshold, mean: round(o.allNine.mean) },
    outer: Object.fromEntries(
      Object.entries(o.outer).map(([w, x]) => [w, { threshold: x.threshold, inner: round(x.inner), f1: round(x.f1), repoF1: round(x.repoF1) }]),
    ),
  })),
};
const path = fileURLToPath(new URL('./results-adopt.json', import.meta.url));
writeFileSync(path, await format(JSON.stringify(results), { parser: 'json', printWidth: 160 }));
console.log(`\nwrote ${path}`);
