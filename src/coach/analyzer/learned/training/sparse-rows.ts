/** Interns feature strings: ids only, no statistics, so one interner can serve many folds without leaking between them. */
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

/** Compressed sparse rows. */
export interface Csr {
  rows: number;
  cols: number;
  ptr: Int32Array;
  idx: Int32Array;
  val: Float64Array;
}

/**
 * One text's features as interned ids (each array sorted): blocks of n-grams, each scaled by
 * 1/sqrt(its size), and optional fixed 0/1 features (the reader experiment's analyzer verdicts).
 */
export interface TextFeatures {
  ngrams: readonly Int32Array[];
  fixed?: Int32Array;
}

/**
 * The columns of one training set: n-grams seen in at least `minDf` of its texts (counted on the
 * training texts only), then the `fixed` features, in that order.
 */
export class Vocabulary {
  readonly local = new Map<number, number>();
  readonly globalIds: number[] = [];
  constructor(training: readonly TextFeatures[], options: { minDf: number; fixed?: readonly number[] }) {
    const df = new Map<number, number>();
    for (const r of training) for (const block of r.ngrams) for (const id of block) df.set(id, (df.get(id) ?? 0) + 1);
    const kept = [...df.entries()]
      .filter(([, n]) => n >= options.minDf)
      .map(([id]) => id)
      .sort((a, b) => a - b);
    for (const id of kept) this.add(id);
    for (const id of options.fixed ?? []) this.add(id);
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
   * and a shipped model needs no vocabulary beyond its own weights to compute it; fixed features are 0/1.
   */
  matrix(texts: readonly TextFeatures[]): Csr {
    const ptr = new Int32Array(texts.length + 1);
    const idx: number[] = [];
    const val: number[] = [];
    const block = (ids: Int32Array, scaled: boolean) => {
      const v = scaled && ids.length > 0 ? 1 / Math.sqrt(ids.length) : 1;
      for (const id of ids) {
        const c = this.local.get(id);
        if (c === undefined) continue;
        idx.push(c);
        val.push(v);
      }
    };
    texts.forEach((r, i) => {
      for (const ids of r.ngrams) block(ids, true);
      if (r.fixed) block(r.fixed, false);
      ptr[i + 1] = idx.length;
    });
    return { rows: texts.length, cols: this.size, ptr, idx: Int32Array.from(idx), val: Float64Array.from(val) };
  }
}
