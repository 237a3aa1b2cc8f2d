import { Experiment } from './experiment.js';
const e = new Experiment();
const names = ['drafts','drafts-dev','fresh','fresh2','fresh4','holdout','holdout-3','turns-a','turns-b'];
const train = names.filter((n) => n !== 'holdout' && n !== 'turns-a');
for (const opts of [{}, { prune: [0.5, 1, 2, 3] }, { top: [10, 25, 50, 100] }, {}]) {
  const r = e.run({ train, test: ['holdout', 'turns-a'], char: false, fits: [{ design: 'ngram', weighting: 'balanced', lambdas: [3e-5, 1e-5, 3e-6], ...opts }] });
  console.log(JSON.stringify(opts), r.ms, 'ms', r.fits);
}
