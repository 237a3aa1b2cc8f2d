import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchOfflineCritique } from './critique-throughput.js';

// `npm run bench`: timings live here, never in tests. Results go to stdout and bench/results.json.
const here = dirname(fileURLToPath(import.meta.url));
const dataset = join(here, '..', 'evals', 'datasets', 'drafts.jsonl');

const results = [await benchOfflineCritique(dataset)];
console.log('| benchmark | result | p50 | p99 | bar | pass |');
console.log('|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.name} | ${r.perSecond.toFixed(0)}/s | ${r.p50Ms.toFixed(2)} ms | ${r.p99Ms.toFixed(2)} ms | ${r.bar} | ${r.pass ? 'yes' : 'NO'} |`);
}
writeFileSync(join(here, 'results.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2) + '\n');
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
