import { LABELS } from './data.js';

/**
 * Text features: lower-cased, curly and back-tick apostrophes folded to ' and then dropped, so
 * "I’m", "I'm" and "im" are one token (casual writers drop apostrophes). Word tokens are runs of
 * letters and digits, plus "?" and "!" (questions carry most of the asking checks) and "£$%".
 */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`\u00b4']/g, '')
    .replace(/[\u2013\u2014]/g, ' - ');
}

export function wordTokens(text: string): string[] {
  return normalise(text).match(/[\p{L}\p{N}]+|[?!£$%]/gu) ?? [];
}

/** Word unigrams and bigrams, the first bigram anchored on the start of the text. */
export function wordFeatures(text: string): string[] {
  const tokens = wordTokens(text);
  const out = new Set<string>();
  let prev = '<s>';
  for (const t of tokens) {
    out.add(`w:${t}`);
    out.add(`b:${prev} ${t}`);
    prev = t;
  }
  return [...out];
}

/** Character 3- to 5-grams over the word tokens joined by single spaces (with a space at each end). */
export function charFeatures(text: string): string[] {
  const s = ` ${wordTokens(text).join(' ')} `;
  const out = new Set<string>();
  for (let n = 3; n <= 5; n += 1) for (let i = 0; i + n <= s.length; i += 1) out.add(`c:${s.slice(i, i + n)}`);
  return [...out];
}

/** The analyzer's verdicts as features (`a:mode:check`), one per check of the mode. */
export const analyzerFeature = (label: string) => `a:${label}`;
export const ANALYZER_FEATURES: readonly string[] = LABELS.map((l) => analyzerFeature(l.key));

/** Interns feature strings across the whole run: ids only, no statistics, so nothing leaks between folds. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

/** One text's raw features as interned ids, by block. */
export interface RawFeatures {
  word: Int32Array;
  char: Int32Array;
  analyzer: Int32Array;
}

export function rawFeatures(interner: Interner, text: string, analyzerPresent: ReadonlySet<string>): RawFeatures {
  const ids = (names: string[]) => Int32Array.from(names.map((n) => interner.id(n))).sort();
  return {
    word: ids(wordFeatures(text)),
    char: ids(charFeatures(text)),
    analyzer: ids([...analyzerPresent].map(analyzerFeature)),
  };
}

export interface FeatureConfig {
  /** Add character 3-5 grams to the word n-grams. */
  char: boolean;
  /** Add the analyzer's verdicts (the hybrid design). */
  analyzer: boolean;
  /** Keep an n-gram only if it occurs in at least this many training texts. */
  minDf: number;
}

/** Compressed sparse rows. */
export interface Csr {
  rows: number;
  cols: number;
  ptr: Int32Array;
  idx: Int32Array;
  val: Float64Array;
}

/**
 * The vocabulary of one training set: n-grams seen in at least `minDf` of its texts (counted on the
 * training texts only), plus the analyzer's features when the design uses them.
 */
export class Vocabulary {
  readonly local = new Map<number, number>();
  readonly globalIds: number[] = [];
  constructor(
    readonly config: FeatureConfig,
    training: readonly RawFeatures[],
    interner: Interner,
  ) {
    const df = new Map<number, number>();
    const count = (ids: Int32Array) => {
      for (const id of ids) df.set(id, (df.get(id) ?? 0) + 1);
    };
    for (const r of training) {
      count(r.word);
      if (config.char) count(r.char);
    }
    const kept = [...df.entries()]
      .filter(([, n]) => n >= config.minDf)
      .map(([id]) => id)
      .sort((a, b) => a - b);
    for (const id of kept) this.add(id);
    if (config.analyzer) for (const name of ANALYZER_FEATURES) this.add(interner.id(name));
  }
  private add(id: number) {
    this.local.set(id, this.globalIds.length);
    this.globalIds.push(id);
  }
  get size(): number {
    return this.globalIds.length;
  }

  /**
   * Rows for texts: each n-gram block is binary and scaled by 1/sqrt(the text's number of distinct
   * n-grams of that block, in the vocabulary or not), so a long draft and a one-line turn weigh alike
   * and a shipped model needs no vocabulary beyond its own weights to compute it; analyzer features are 0/1.
   */
  matrix(texts: readonly RawFeatures[]): Csr {
    const ptr = new Int32Array(texts.length + 1);
    const idx: number[] = [];
    const val: number[] = [];
    const block = (ids: Int32Array, scaled: boolean) => {
      const cols: number[] = [];
      for (const id of ids) {
        const c = this.local.get(id);
        if (c !== undefined) cols.push(c);
      }
      const v = scaled && ids.length > 0 ? 1 / Math.sqrt(ids.length) : 1;
      for (const c of cols) {
        idx.push(c);
        val.push(v);
      }
    };
    texts.forEach((r, i) => {
      block(r.word, true);
      if (this.config.char) block(r.char, true);
      if (this.config.analyzer) block(r.analyzer, false);
      ptr[i + 1] = idx.length;
    });
    return { rows: texts.length, cols: this.size, ptr, idx: Int32Array.from(idx), val: Float64Array.from(val) };
  }
}

/** The same rows restricted to `columns` (renumbered 0..columns.length-1 in that order). */
export function selectColumns(X: Csr, columns: readonly number[]): Csr {
  const position = new Map(columns.map((c, i) => [c, i]));
  const ptr = new Int32Array(X.rows + 1);
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < X.rows; i += 1) {
    for (let k = X.ptr[i]!; k < X.ptr[i + 1]!; k += 1) {
      const c = position.get(X.idx[k]!);
      if (c !== undefined) {
        idx.push(c);
        val.push(X.val[k]!);
      }
    }
    ptr[i + 1] = idx.length;
  }
  return { rows: X.rows, cols: columns.length, ptr, idx: Int32Array.from(idx), val: Float64Array.from(val) };
}
