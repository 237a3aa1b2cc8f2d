/**
 * Leave-one-writer-out comparison of the hand-written analyzer with small learned classifiers
 * (README.md beside this file gives the method and the results).
 *
 *   npx tsx evals/reader-experiment/lowo.ts [--char] [--workers N] [--bootstrap N]
 *
 * Prints the tables and writes evals/reader-experiment/results.json.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { format } from 'prettier';
import { macroF1 as repoMacroF1, perLabel, prf, type Prf } from '../metrics.js';
import { LABELS, loadWriters, type Doc, type Writer } from './data.js';
import { shipWeight, type ExportedModel, type LearnedDesign, type Prediction, type Task, type TaskResult, type Weighting } from './experiment.js';

// ---------------------------------------------------------------------------------------------
// Settings, fixed before any left-out writer was scored.

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const CHAR = args.includes('--char');
const WORKERS = Number(option('--workers') ?? Math.max(1, Math.min(availableParallelism(), 4)));
const BOOTSTRAP = Number(option('--bootstrap') ?? 1000);
/**
 * L2 strengths, strongest first (each fit warm-starts the next). The grid moved down once and was
 * then narrowed: the inner folds chose the weakest value in every outer fold with {1e-3 .. 3e-5},
 * then 1e-5 or 3e-6 with {1e-4 .. 3e-6}, where the inner scores are flat (README.md).
 */
const LAMBDAS = [3e-5, 1e-5, 3e-6];
/**
 * Class weighting: `balanced` only by default. With both on the grid, the inner folds chose
 * `balanced` in all 54 n-gram and hybrid selections of three runs; `--weightings none,balanced` puts
 * `none` back (and doubles the time of phase 1).
 */
const WEIGHTINGS = (option('--weightings') ?? 'balanced').split(',') as Weighting[];
/** Decision thresholds on p(present), one for all checks, chosen with the other hyperparameters. */
const THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
/** Smaller models for the shipped-size table: weights pruned below a magnitude, or each check's top K refitted. */
const PRUNE = [0.5, 1, 2, 3];
const TOP = [10, 25, 50, 100];
const VARIANTS = ['full', ...PRUNE.map((p) => `prune:${p}`), ...TOP.map((k) => `top:${k}`)];

type Design = 'analyzer' | 'ngram' | 'hybrid' | 'analyzer-or-ngram';
const DESIGNS: Design[] = ['analyzer', 'ngram', 'hybrid', 'analyzer-or-ngram'];
/** Which learned model a design thresholds (the OR design thresholds the n-gram model). */
const LEARNER: Record<Exclude<Design, 'analyzer'>, LearnedDesign> = { ngram: 'ngram', hybrid: 'hybrid', 'analyzer-or-ngram': 'ngram' };

interface Config {
  weighting: Weighting;
  lambda: number;
  threshold: number;
}
const configKey = (weighting: Weighting, lambda: number) => `${weighting}/${lambda}`;
const CONFIGS = WEIGHTINGS.flatMap((weighting) => LAMBDAS.map((lambda) => ({ weighting, lambda })));

// ---------------------------------------------------------------------------------------------
// Scoring: per writer, each check of a mode on that writer's texts of that mode.

interface WriterScore {
  /** Mean F1 over the checks (of the writer's modes) with at least one labelled positive. */
  macroF1: number;
  perCheck: Record<string, Prf>;
  /** The evals' own convention (evals/metrics.ts): ids pooled over modes, checks never expected but predicted count as 0. */
  repoMacroF1: number;
}

type Decide = (doc: Doc, label: string) => boolean;

function scoreDocs(docs: readonly Doc[], decide: Decide): WriterScore {
  const perCheck: Record<string, Prf> = {};
  for (const label of LABELS) {
    const ofMode = docs.filter((d) => d.mode === label.mode);
    if (ofMode.length === 0) continue;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const d of ofMode) {
      const e = d.labels.has(label.key);
      const p = decide(d, label.key);
      if (e && p) tp += 1;
      else if (p) fp += 1;
      else if (e) fn += 1;
    }
    perCheck[label.key] = prf(tp, fp, fn);
  }
  const scored = Object.values(perCheck).filter((m) => m.support > 0);
  const macroF1 = scored.length === 0 ? 1 : scored.reduce((s, m) => s + m.f1, 0) / scored.length;
  const strip = (keys: Iterable<string>) => [...keys].map((k) => k.slice(k.indexOf(':') + 1));
  const cases = docs.map((d) => ({
    expected: strip(d.labels),
    predicted: strip(LABELS.filter((l) => l.mode === d.mode && decide(d, l.key)).map((l) => l.key)),
  }));
  const ids = [...new Set(LABELS.filter((l) => docs.some((d) => d.mode === l.mode)).map((l) => l.check))];
  return { macroF1, perCheck, repoMacroF1: repoMacroF1(perLabel(cases, ids)) };
}

/** Macro-F1 only, from precomputed decisions: decisions[doc][label index] (fast path for selection and the bootstrap). */
function fastMacro(docs: readonly Doc[], rows: readonly number[], decisions: (docIndex: number, labelIndex: number) => boolean): number {
  let sum = 0;
  let used = 0;
  LABELS.forEach((label, li) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      const d = docs[r]!;
      if (d.mode !== label.mode) continue;
      const e = d.labels.has(label.key);
      const p = decisions(r, li);
      if (e && p) tp += 1;
      else if (p) fp += 1;
      else if (e) fn += 1;
    }
    if (tp + fn === 0) return;
    used += 1;
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return used === 0 ? 1 : sum / used;
}

// ---------------------------------------------------------------------------------------------
// The worker pool.

async function runTasks(tasks: Task[], workers: number): Promise<TaskResult[]> {
  const loader = import.meta.resolve('tsx/esm/api');
  const script = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(loader)}).then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(import.meta.url)}))`;
  const results: TaskResult[] = new Array<TaskResult>(tasks.length);
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, tasks.length) }, () => new Worker(boot, { eval: true }));
  await Promise.all(
    pool.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= tasks.length) {
              resolve();
              return;
            }
            const i = next;
            next += 1;
            worker.once('message', (result: TaskResult) => {
              results[i] = result;
              send();
            });
            worker.postMessage(tasks[i]);
          };
          worker.on('error', reject);
          send();
        }),
    ),
  );
  await Promise.all(pool.map((w) => w.terminate()));
  return results;
}

// ---------------------------------------------------------------------------------------------

const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const f3 = (x: number) => x.toFixed(3);
const mean = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Predictions of one task, looked up by design, configuration, pruning and label. */
class PredictionTable {
  private readonly table = new Map<string, Map<number, number>>();
  private static key(design: LearnedDesign, cfg: string, variant: string, label: string) {
    return `${design}|${cfg}|${variant}|${label}`;
  }
  add(p: Prediction) {
    const m = new Map<number, number>();
    p.docs.forEach((d, i) => m.set(d, p.probs[i]!));
    this.table.set(PredictionTable.key(p.design, configKey(p.weighting, p.lambda), p.variant, p.label), m);
  }
  prob(design: LearnedDesign, cfg: string, variant: string, label: string, doc: number): number {
    const p = this.table.get(PredictionTable.key(design, cfg, variant, label))?.get(doc);
    if (p === undefined) throw new Error(`no prediction for ${design} ${cfg} ${variant} ${label} doc ${doc}`);
    return p;
  }
}

async function main() {
  const started = Date.now();
  const { writers, allDocs } = loadWriters();
  const names = writers.map((w) => w.name);
  const byName = new Map(writers.map((w) => [w.name, w]));

  // Phase 1: for every pair of writers {A, B}, fit the whole grid on the other seven and predict A
  // and B. Outer fold A uses the pair's predictions of B as one of its inner folds (and outer fold B
  // those of A): the inner training set all-but-{A,B} is the same for both, so it is fitted once.
  const pairs: Array<[string, string]> = [];
  names.forEach((a, i) => names.slice(i + 1).forEach((b) => pairs.push([a, b])));
  const grid = (design: LearnedDesign) => WEIGHTINGS.map((weighting) => ({ design, weighting, lambdas: LAMBDAS }));
  const phase1 = await runTasks(
    pairs.map(([a, b]) => ({ train: names.filter((n) => n !== a && n !== b), test: [a, b], char: CHAR, fits: [...grid('ngram'), ...grid('hybrid')] })),
    WORKERS,
  );
  const inner = new Map<string, PredictionTable>();
  pairs.forEach(([a, b], i) => {
    const table = new PredictionTable();
    for (const p of phase1[i]!.predictions) table.add(p);
    inner.set(`${a}|${b}`, table).set(`${b}|${a}`, table);
  });
  const phase1Ms = Date.now() - started;

  // Selection, per outer writer and design: the weighting, L2 strength and threshold with the best
  // mean macro-F1 over the inner left-out writers (never the outer one).
  const chosen: Record<string, Partial<Record<Design, Config & { innerMacroF1: number }>>> = {};
  /** Per outer writer and design, the best inner score at each L2 strength (to see how flat the choice is). */
  const innerByLambda: Record<string, Partial<Record<Design, Record<string, number>>>> = {};
  for (const outer of names) {
    chosen[outer] = {};
    innerByLambda[outer] = {};
    for (const design of DESIGNS) {
      if (design === 'analyzer') continue;
      const learner = LEARNER[design];
      const curve: Record<string, number> = {};
      let best: (Config & { innerMacroF1: number }) | undefined;
      for (const { weighting, lambda } of CONFIGS) {
        const cfg = configKey(weighting, lambda);
        for (const threshold of THRESHOLDS) {
          const scores = names
            .filter((n) => n !== outer)
            .map((innerName) => {
              const table = inner.get(`${outer}|${innerName}`)!;
              const docs = byName.get(innerName)!.docs;
              const rows = docs.map((_, r) => r);
              return fastMacro(docs, rows, (r, li) => {
                const d = docs[r]!;
                const label = LABELS[li]!.key;
                const p = table.prob(learner, cfg, 'full', label, d.index) > threshold;
                return design === 'analyzer-or-ngram' ? p || d.analyzer.has(label) : p;
              });
            });
          const score = mean(scores);
          curve[lambda] = round(Math.max(curve[lambda] ?? 0, score));
          if (!best || score > best.innerMacroF1 + 1e-12) best = { weighting, lambda, threshold, innerMacroF1: score };
        }
      }
      chosen[outer]![design] = best!;
      innerByLambda[outer]![design] = curve;
    }
  }

  // Phase 2: per outer writer, fit the chosen configurations on the other eight writers and predict
  // the left-out writer (also the smaller variants of the n-gram and hybrid models, for the size table).
  const phase2 = await runTasks(
    names.map((outer) => {
      const c = chosen[outer]!;
      const fits = [
        { design: 'ngram' as const, weighting: c.ngram!.weighting, lambdas: [c.ngram!.lambda], prune: PRUNE, top: TOP },
        { design: 'hybrid' as const, weighting: c.hybrid!.weighting, lambdas: [c.hybrid!.lambda], prune: PRUNE, top: TOP },
        { design: 'ngram' as const, weighting: c['analyzer-or-ngram']!.weighting, lambdas: [c['analyzer-or-ngram']!.lambda] },
      ];
      return { train: names.filter((n) => n !== outer), test: [outer], char: CHAR, fits };
    }),
    WORKERS,
  );
  const outerTables = new Map<string, PredictionTable>();
  names.forEach((outer, i) => {
    const table = new PredictionTable();
    for (const p of phase2[i]!.predictions) table.add(p);
    outerTables.set(outer, table);
  });

  const decider = (design: Design, outer: string, variant = 'full'): Decide => {
    if (design === 'analyzer') return (d, label) => d.analyzer.has(label);
    const c = chosen[outer]![design]!;
    const table = outerTables.get(outer)!;
    const learner = LEARNER[design];
    const cfg = configKey(c.weighting, c.lambda);
    return (d, label) => {
      const p = table.prob(learner, cfg, variant, label, d.index) > c.threshold;
      return design === 'analyzer-or-ngram' ? p || d.analyzer.has(label) : p;
    };
  };

  // Scores on each left-out writer.
  const scores: Record<Design, Record<string, WriterScore>> = { analyzer: {}, ngram: {}, hybrid: {}, 'analyzer-or-ngram': {} };
  for (const design of DESIGNS) for (const w of writers) scores[design][w.name] = scoreDocs(w.docs, decider(design, w.name));

  const neverTuned = writers.filter((w) => w.tuning === 'never tuned').map((w) => w.name);
  const summarise = (design: Design, subset: readonly string[]) => {
    const per = subset.map((n) => ({ writer: n, f1: scores[design][n]!.macroF1 }));
    const worst = per.reduce((a, b) => (b.f1 < a.f1 ? b : a));
    return { mean: round(mean(per.map((p) => p.f1))), worst: round(worst.f1), worstWriter: worst.writer };
  };
  const perCheckMean = (design: Design, subset: readonly string[]) =>
    Object.fromEntries(
      LABELS.map((l) => {
        const f1s = subset.map((n) => scores[design][n]!.perCheck[l.key]).filter((m): m is Prf => m !== undefined && m.support > 0);
        return [
          l.key,
          { f1: f1s.length === 0 ? null : round(mean(f1s.map((m) => m.f1))), writers: f1s.length, support: f1s.reduce((s, m) => s + m.support, 0) },
        ];
      }),
    );

  // Paired bootstrap: resample each writer's texts (with replacement, within writer), recompute every
  // design's macro-F1 per writer and the mean over writers. Only sampling noise within writers: with
  // nine writers, the spread between writers (the per-writer table) is the larger uncertainty.
  const decisions = new Map<Design, Map<string, Uint8Array>>();
  for (const design of DESIGNS) {
    const perWriter = new Map<string, Uint8Array>();
    for (const w of writers) {
      const decide = decider(design, w.name);
      const m = new Uint8Array(w.docs.length * LABELS.length);
      w.docs.forEach((d, r) => LABELS.forEach((l, li) => (m[r * LABELS.length + li] = d.mode === l.mode && decide(d, l.key) ? 1 : 0)));
      perWriter.set(w.name, m);
    }
    decisions.set(design, perWriter);
  }
  let seed = 20261207;
  const random = () => {
    // mulberry32: a fixed seed, so the intervals are reproducible.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const comparisons: Array<[Design, Design]> = [
    ['ngram', 'analyzer'],
    ['hybrid', 'analyzer'],
    ['analyzer-or-ngram', 'analyzer'],
    ['hybrid', 'ngram'],
    ['analyzer-or-ngram', 'ngram'],
  ];
  const subsets: Record<string, string[]> = { all: names, 'never tuned': neverTuned };
  const draws: Record<string, Record<Design, number[]>> = {};
  for (const s of Object.keys(subsets)) draws[s] = { analyzer: [], ngram: [], hybrid: [], 'analyzer-or-ngram': [] };
  for (let b = 0; b < BOOTSTRAP; b += 1) {
    const perWriter = new Map<string, Record<Design, number>>();
    for (const w of writers) {
      const rows = w.docs.map(() => Math.floor(random() * w.docs.length));
      const row = {} as Record<Design, number>;
      for (const design of DESIGNS) {
        const m = decisions.get(design)!.get(w.name)!;
        row[design] = fastMacro(w.docs, rows, (r, li) => m[r * LABELS.length + li] === 1);
      }
      perWriter.set(w.name, row);
    }
    for (const [s, members] of Object.entries(subsets))
      for (const design of DESIGNS) draws[s]![design].push(mean(members.map((n) => perWriter.get(n)![design])));
  }
  const quantile = (xs: number[], q: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))]!;
  };
  const bootstrap = Object.fromEntries(
    Object.entries(subsets).map(([s, members]) => [
      s,
      comparisons.map(([x, y]) => {
        const diffs = draws[s]![x].map((v, i) => v - draws[s]![y][i]!);
        const point = mean(members.map((n) => scores[x][n]!.macroF1 - scores[y][n]!.macroF1));
        const wins = members.filter((n) => scores[x][n]!.macroF1 > scores[y][n]!.macroF1).length;
        return {
          comparison: `${x} - ${y}`,
          difference: round(point),
          low: round(quantile(diffs, 0.025)),
          high: round(quantile(diffs, 0.975)),
          writersBetter: `${wins}/${members.length}`,
        };
      }),
    ]),
  );

  // The model one would ship: the configuration chosen most often across the nine outer folds,
  // fitted on all nine writers, with its smaller variants.
  const mostChosen = (design: 'ngram' | 'hybrid'): Config => {
    const counts = new Map<string, { c: Config; n: number }>();
    for (const outer of names) {
      const c = chosen[outer]![design]!;
      const k = `${configKey(c.weighting, c.lambda)}@${c.threshold}`;
      counts.set(k, { c: { weighting: c.weighting, lambda: c.lambda, threshold: c.threshold }, n: (counts.get(k)?.n ?? 0) + 1 });
    }
    return [...counts.values()].reduce((a, b) => (b.n > a.n ? b : a)).c;
  };
  const shipped = { ngram: mostChosen('ngram'), hybrid: mostChosen('hybrid') };
  const [finalRun] = await runTasks(
    [
      {
        train: names,
        test: [],
        char: CHAR,
        fits: (['ngram', 'hybrid'] as const).map((design) => ({
          design,
          weighting: shipped[design].weighting,
          lambdas: [shipped[design].lambda],
          prune: PRUNE,
          top: TOP,
          returnModel: true,
        })),
      },
    ],
    1,
  );

  // Each variant scored leave-one-writer-out (the left-out writer's own fold, as above) and sized as
  // JSON when fitted on all nine writers.
  const variants = (['ngram', 'hybrid'] as const).flatMap((design) =>
    VARIANTS.map((variant) => {
      const f1s = writers.map((w) => scoreDocs(w.docs, decider(design, w.name, variant)).macroF1);
      const never = writers.flatMap((w, i) => (w.tuning === 'never tuned' ? [f1s[i]!] : []));
      const models = finalRun!.models.filter((m) => m.design === design && m.variant === variant);
      const json = JSON.stringify(shippable(models, shipped[design].threshold));
      const kept = models.flatMap((m) => m.weights.filter(([, w]) => shipWeight(w, 0) !== 0));
      return {
        design,
        variant,
        lowoMean: round(mean(f1s)),
        lowoWorst: round(Math.min(...f1s)),
        neverTunedMean: round(mean(never)),
        neverTunedWorst: round(Math.min(...never)),
        weights: kept.length,
        features: new Set(kept.map(([f]) => f)).size,
        jsonBytes: json.length,
        gzipBytes: gzipSync(json, { level: 9 }).length,
      };
    }),
  );
  const topWeights = Object.fromEntries(
    finalRun!.models
      .filter((m) => m.design === 'ngram' && m.variant === 'full')
      .map((m) => [
        m.label,
        [...m.weights]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([f, w]) => `${f} ${w.toFixed(2)}`),
      ]),
  );
  const hybridAnalyzerWeights = Object.fromEntries(
    finalRun!.models
      .filter((m) => m.design === 'hybrid' && m.variant === 'full')
      .map((m) => [m.label, round(m.weights.find(([f]) => f === `a:${m.label}`)?.[1] ?? NaN, 2)]),
  );

  // ---------------------------------------------------------------------------------------------
  // Tables.

  const out: string[] = [];
  const table = (head: string[], rows: Array<Array<string | number>>) => {
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  };
  out.push(`Features: word uni+bigrams${CHAR ? ' + char 3-5 grams' : ''}. Writers: ${names.length}, texts: ${allDocs.length}.`, '');
  out.push('### Leave-one-writer-out macro-F1: mean and worst', '');
  table(
    ['design', 'mean (9 writers)', 'worst (9)', 'mean (4 never tuned)', 'worst (4 never tuned)'],
    DESIGNS.map((d) => {
      const a = summarise(d, names);
      const n = summarise(d, neverTuned);
      return [d, f3(a.mean), `${f3(a.worst)} (${a.worstWriter})`, f3(n.mean), `${f3(n.worst)} (${n.worstWriter})`];
    }),
  );
  out.push('### Per left-out writer', '');
  table(
    ['writer', 'analyzer tuned on it?', 'texts', 'checks scored', ...DESIGNS, 'analyzer before tuning (README)'],
    writers.map((w) => [
      w.name,
      w.tuning,
      w.docs.length,
      Object.values(scores.analyzer[w.name]!.perCheck).filter((m) => m.support > 0).length,
      ...DESIGNS.map((d) => f3(scores[d][w.name]!.macroF1)),
      w.beforeTuning === undefined ? '' : f3(w.beforeTuning),
    ]),
  );
  for (const [title, subset] of [
    ['all 9 writers', names],
    ['the 4 never-tuned writers', neverTuned],
  ] as const) {
    out.push(`### Per check: F1 averaged over ${title} (writers where the check has a positive)`, '');
    const per = Object.fromEntries(DESIGNS.map((d) => [d, perCheckMean(d, subset)]));
    table(
      ['check', 'writers', 'positives', ...DESIGNS],
      LABELS.map((l) => {
        const a = per.analyzer![l.key]!;
        return [l.key, a.writers, a.support, ...DESIGNS.map((d) => (per[d]![l.key]!.f1 === null ? '-' : f3(per[d]![l.key]!.f1!)))];
      }),
    );
  }
  out.push('### Hyperparameters chosen on the inner folds (training writers only)', '');
  table(
    ['left-out writer', ...DESIGNS.filter((d) => d !== 'analyzer').map((d) => `${d}: weighting / lambda / threshold (inner F1)`)],
    names.map((n) => [
      n,
      ...(['ngram', 'hybrid', 'analyzer-or-ngram'] as const).map((d) => {
        const c = chosen[n]![d]!;
        return `${c.weighting} / ${c.lambda} / ${c.threshold} (${f3(c.innerMacroF1)})`;
      }),
    ]),
  );
  out.push(`### Paired bootstrap of the mean difference (${BOOTSTRAP} resamples of texts within each writer, 95% interval)`, '');
  table(
    ['writers', 'comparison', 'difference', '95% interval', 'writers better'],
    Object.entries(bootstrap).flatMap(([s, rows]) => rows.map((r) => [s, r.comparison, f3(r.difference), `${f3(r.low)} to ${f3(r.high)}`, r.writersBetter])),
  );
  out.push('### Hyperparameters: best inner macro-F1 at each L2 strength (over weighting and threshold), n-gram design', '');
  table(
    ['left-out writer', ...LAMBDAS.map((l) => `lambda ${l}`)],
    names.map((n) => [n, ...LAMBDAS.map((l) => f3(innerByLambda[n]!.ngram![l]!))]),
  );
  out.push(
    `### Smaller models: scored leave-one-writer-out, and sized when fitted on all nine writers (ngram: ${configKey(shipped.ngram.weighting, shipped.ngram.lambda)} @ ${shipped.ngram.threshold}; hybrid: ${configKey(shipped.hybrid.weighting, shipped.hybrid.lambda)} @ ${shipped.hybrid.threshold})`,
    '',
    "`prune:x` drops weights below x in magnitude; `top:K` keeps each check's K largest n-gram weights and refits on them; every variant keeps the full model's threshold (in a trial, a threshold tuned per variant on the inner folds gained about 0.01 and doubled the run time). Weights rounded to 2 decimals. The hybrid also needs the analyzer at run time.",
    '',
  );
  table(
    ['design', 'variant', 'mean (9)', 'worst (9)', 'mean (4 never tuned)', 'worst (4 never tuned)', 'weights', 'features', 'JSON bytes', 'gzip bytes'],
    variants.map((v) => [
      v.design,
      v.variant,
      f3(v.lowoMean),
      f3(v.lowoWorst),
      f3(v.neverTunedMean),
      f3(v.neverTunedWorst),
      v.weights,
      v.features,
      v.jsonBytes,
      `${v.gzipBytes} (${(v.gzipBytes / 1024).toFixed(1)} KiB)`,
    ]),
  );
  out.push("### The hybrid model fitted on all nine writers: weight of each check's own analyzer verdict (largest n-gram weight beside it)", '');
  table(
    ['check', 'analyzer verdict weight', 'largest n-gram weight'],
    finalRun!.models
      .filter((m) => m.design === 'hybrid' && m.variant === 'full')
      .map((m) => [
        m.label,
        hybridAnalyzerWeights[m.label]!.toFixed(2),
        Math.max(...m.weights.filter(([f]) => !f.startsWith('a:')).map(([, w]) => w)).toFixed(2),
      ]),
  );
  out.push('### The evals convention (evals/metrics.ts macroF1: ids pooled over modes, false-positive-only checks count 0), for comparison', '');
  table(
    ['writer', ...DESIGNS],
    writers.map((w) => [w.name, ...DESIGNS.map((d) => f3(scores[d][w.name]!.repoMacroF1))]),
  );
  const fits = [...phase1, ...phase2, finalRun!].reduce((s, r) => s + r.fits, 0);
  const seconds = (Date.now() - started) / 1000;
  out.push(`${fits} fits in ${seconds.toFixed(0)} s (phase 1 ${(phase1Ms / 1000).toFixed(0)} s) on ${WORKERS} workers.`);
  console.log(out.join('\n'));

  const results = {
    settings: {
      char: CHAR,
      lambdas: LAMBDAS,
      weightings: WEIGHTINGS,
      thresholds: THRESHOLDS,
      minDf: 2,
      prune: PRUNE,
      top: TOP,
      bootstrap: BOOTSTRAP,
      workers: WORKERS,
    },
    writers: writers.map((w: Writer) => ({
      name: w.name,
      file: w.file,
      sha256: w.sha256,
      texts: w.docs.length,
      tuning: w.tuning,
      beforeTuning: w.beforeTuning ?? null,
    })),
    summary: Object.fromEntries(DESIGNS.map((d) => [d, { all: summarise(d, names), neverTuned: summarise(d, neverTuned) }])),
    perWriter: Object.fromEntries(
      writers.map((w) => [
        w.name,
        Object.fromEntries(
          DESIGNS.map((d) => {
            const s = scores[d][w.name]!;
            return [
              d,
              {
                macroF1: round(s.macroF1),
                repoMacroF1: round(s.repoMacroF1),
                perCheck: Object.fromEntries(
                  Object.entries(s.perCheck).map(([k, m]) => [k, { f1: round(m.f1), support: m.support, tp: m.tp, fp: m.fp, fn: m.fn }]),
                ),
              },
            ];
          }),
        ),
      ]),
    ),
    perCheck: {
      all: Object.fromEntries(DESIGNS.map((d) => [d, perCheckMean(d, names)])),
      neverTuned: Object.fromEntries(DESIGNS.map((d) => [d, perCheckMean(d, neverTuned)])),
    },
    chosen,
    innerByLambda,
    bootstrap,
    shipped,
    variants,
    hybridAnalyzerWeights,
    topWeights,
    run: { fits, seconds: round(seconds, 1) },
  };
  const path = fileURLToPath(new URL(CHAR ? './results-char.json' : './results.json', import.meta.url));
  writeFileSync(path, await format(JSON.stringify(results), { parser: 'json', printWidth: 160 }));
  console.log(`\nwrote ${path}`);
}

/**
 * The model as it would ship: per mode the feature names that any check uses, and per check its bias
 * and its nonzero weights as (delta-encoded feature index, weight) lists. Tokenizer code not included.
 */
function shippable(models: readonly ExportedModel[], decisionThreshold: number) {
  const modes: Record<string, { features: string[]; checks: Record<string, { b: number; i: number[]; w: number[] }> }> = {};
  for (const mode of ['employee', 'manager']) {
    const ofMode = models.filter((m) => m.label.startsWith(`${mode}:`));
    const features = [...new Set(ofMode.flatMap((m) => m.weights.filter(([, w]) => shipWeight(w, 0) !== 0).map(([f]) => f)))].sort();
    const position = new Map(features.map((f, i) => [f, i]));
    const checks: Record<string, { b: number; i: number[]; w: number[] }> = {};
    for (const m of ofMode) {
      const kept = m.weights
        .filter(([, w]) => shipWeight(w, 0) !== 0)
        .map(([f, w]) => [position.get(f)!, shipWeight(w, 0)] as const)
        .sort((a, b) => a[0] - b[0]);
      checks[m.label.slice(mode.length + 1)] = {
        b: Math.round(m.bias * 100) / 100,
        i: kept.map(([i], k) => i - (k === 0 ? 0 : kept[k - 1]![0])),
        w: kept.map(([, w]) => w),
      };
    }
    modes[mode] = { features, checks };
  }
  return { threshold: decisionThreshold, modes };
}

await main();
