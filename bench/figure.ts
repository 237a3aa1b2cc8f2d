/** One row of the bench table. Only deterministic figures can fail the run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  detail?: string;
  bar: string;
  pass: boolean;
  /** Same result on any machine (counts, sizes, token ratios): a miss fails `npm run bench`. */
  deterministic: boolean;
}
