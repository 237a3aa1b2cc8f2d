import { wordFeatures, wordTokens } from '../../src/coach/analyzer/learned/word-features.js';
import { type Csr, type Interner } from '../../src/coach/analyzer/learned/training/sparse-rows.js';
import { LABELS } from './data.js';

/** Character 3- to 5-grams over the word tokens joined by single spaces (with a space at each end). */
function charFeatures(text: string): string[] {
  const s = ` ${wordTokens(text).join(' ')} `;
  const out = new Set<string>();
  for (let n = 3; n <= 5; n += 1) for (let i = 0; i + n <= s.length; i += 1) out.add(`c:${s.slice(i, i + n)}`);
  return [...out];
}

/** The analyzer's verdicts as features (`a:mode:check`), one per check of the mode. */
const analyzerFeature = (label: string) => `a:${label}`;
export const ANALYZER_FEATURES: readonly string[] = LABELS.map((l) => analyzerFeature(l.key));

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
