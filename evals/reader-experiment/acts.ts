/**
 * The learned act reader, leave one writer out over the tuning turn writers: for each act and
 * threshold, the cues' reading alone, the model alone, and both (the model adds acts to the
 * cues'), mean F1 over the writers left out. Run with `npx tsx evals/reader-experiment/acts.ts`
 * (LAMBDA, MINDF, PRUNE and ACTS override the shipped settings). It chose ACTS_TRAINING
 * (src/coach/reading/learned-acts/training/train-acts.ts): per act, the threshold with the best
 * mean F1 of both together, and only acts for which both beat the cues alone.
 */
import { gzipSync } from 'node:zlib';
import { readTurnDataset } from '../dataset.js';
import { tuningTurnFiles } from '../labelled-writers.js';
import { readTurnOffline } from '../../src/coach/reading/read-turn.js';
import type { ActId } from '../../src/coach/reading/acts.js';
import { actProbabilities, compileActs } from '../../src/coach/reading/learned-acts/learned-acts.js';
import { ACTS_TRAINING, trainActs } from '../../src/coach/analyzer/learned/training/train-acts.js';

const env = process.env;
const CANDIDATES: ActId[] = (env.ACTS?.split(',') as ActId[] | undefined) ?? [
  'answers',
  'asks_situation',
  'asks_other',
  'small_talk',
  'wraps_up',
  'pushes_back',
  'grudging',
  'refuses',
  'demands',
];
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8];
const training = {
  acts: Object.fromEntries(CANDIDATES.map((a) => [a, 0.5])),
  lambda: Number(env.LAMBDA ?? ACTS_TRAINING.lambda),
  minDf: Number(env.MINDF ?? ACTS_TRAINING.minDf),
  prune: Number(env.PRUNE ?? ACTS_TRAINING.prune),
};
const turns = tuningTurnFiles()
  .map(readTurnDataset)
  .flatMap((d) => d.cases)
  .map((t) => {
    const previous = t.context.findLast((m) => m.role === 'persona')?.text;
    const n = t.context.filter((m) => m.role === 'user').length + 1;
    return { ...t, cue: new Set(readTurnOffline(t.text, t.mode, previous, n, undefined, undefined, null).acts) };
  });
const writers = [...new Set(turns.map((t) => t.writer))];
const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn));
// per act: per writer: rows of [gold, cue, p]
const rows = new Map<ActId, Map<string, Array<[boolean, boolean, number]>>>();
for (const w of writers) {
  const model = compileActs(
    trainActs(
      turns.filter((t) => t.writer !== w),
      training,
    ),
    training.acts,
  );
  for (const t of turns.filter((x) => x.writer === w)) {
    const p = actProbabilities(model, t.text);
    model.acts.forEach((act, k) => {
      const byWriter = rows.get(act) ?? new Map();
      rows.set(act, byWriter);
      const list = byWriter.get(w) ?? [];
      byWriter.set(w, list);
      list.push([t.acts.includes(act), t.cue.has(act), p[k]!]);
    });
  }
}
const meanF1 = (act: ActId, said: (cue: boolean, p: number) => boolean) =>
  writers.reduce((s, w) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [gold, cue, p] of rows.get(act)!.get(w)!) {
      const yes = said(cue, p);
      if (yes && gold) tp++;
      else if (yes) fp++;
      else if (gold) fn++;
    }
    return s + f1(tp, fp, fn);
  }, 0) / writers.length;
console.log(`${turns.length} turns, writers ${writers.join(', ')}; lambda ${training.lambda}, minDf ${training.minDf}, prune ${training.prune}`);
console.log(`| act | cues | ${THRESHOLDS.map((t) => `cues + model > ${t}`).join(' | ')} |\n|---|---|${THRESHOLDS.map(() => '---').join('|')}|`);
for (const act of CANDIDATES) {
  console.log(
    `| ${act} | ${meanF1(act, (cue) => cue).toFixed(3)} | ${THRESHOLDS.map((th) => meanF1(act, (cue, p) => cue || p > th).toFixed(3)).join(' | ')} |`,
  );
}
if (env.POOLED) {
  for (const act of CANDIDATES) {
    const all = writers.flatMap((w) => rows.get(act)!.get(w)!);
    const pr = (said: (cue: boolean, p: number) => boolean) => {
      const tp = all.filter(([g, c, p]) => g && said(c, p)).length;
      const fp = all.filter(([g, c, p]) => !g && said(c, p)).length;
      const fn = all.filter(([g, c, p]) => g && !said(c, p)).length;
      return `${tp}/${fp}/${fn}`;
    };
    console.log(`${act} tp/fp/fn cues ${pr((c) => c)}; ${THRESHOLDS.map((th) => `>${th} ${pr((c, p) => c || p > th)}`).join('; ')}`);
  }
}
const full = trainActs(turns, training);
console.log(
  `model on every tuning writer, all candidates: ${full.features.length} features, ${(gzipSync(JSON.stringify(full), { level: 9 }).length / 1024).toFixed(1)} KiB gzip`,
);
