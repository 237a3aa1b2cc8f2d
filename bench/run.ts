import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchAdversarial } from './adversarial.js';
import { benchOfflineCritique } from './critique-throughput.js';
import { benchOfflineTurns } from './offline-turns.js';
import type { Figure } from './figure.js';
import { benchPromptAndQueries } from './prompt-and-queries.js';
import { benchTurn } from './turn-overhead.js';
import { benchWorker } from './worker-bundle.js';
import { benchEvals } from './evals-speed.js';
import { benchLists } from './list-flatness.js';

// `npm run bench [-- --only NAME]`: timings live here, never in tests. A table on stdout and
// bench/results.json; the exit code reflects deterministic figures only (counts, sizes, ratios of
// tokens), since timings on shared machines are reported, not trusted to gate.
const here = dirname(fileURLToPath(import.meta.url));
const dataset = join(here, '..', 'evals', 'datasets', 'drafts.jsonl');

const { values } = parseArgs({
  options: { only: { type: 'string', multiple: true }, deterministic: { type: 'boolean', default: false }, profile: { type: 'boolean', default: false } },
});
// `--profile`: the turn bench's server runs under `node --cpu-prof`; its profile lands in bench/profiles/.
const profileDir = values.profile ? join(here, 'profiles') : undefined;

const BENCHES: Record<string, { deterministic: boolean; run: () => Promise<Figure[]> }> = {
  turn: { deterministic: false, run: () => benchTurn({ rounds: 3, seconds: 3, ...(profileDir && { profileDir }) }) },
  // The offline engine: critiques of drafts, and role-play turns.
  critique: { deterministic: false, run: async () => [...(await benchOfflineCritique(dataset)), ...(await benchOfflineTurns())] },
  prompt: { deterministic: true, run: () => benchPromptAndQueries() },
  lists: { deterministic: true, run: () => benchLists() },
  worker: { deterministic: true, run: () => benchWorker() },
  evals: { deterministic: false, run: () => benchEvals() },
  adversarial: { deterministic: false, run: () => benchAdversarial() },
};

const selected = Object.entries(BENCHES).filter(([name, b]) => (values.only ? values.only.includes(name) : !values.deterministic || b.deterministic));
if (selected.length === 0) {
  console.error(`Nothing to run. Benchmarks: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}

const figures: Array<Figure & { bench: string }> = [];
for (const [name, bench] of selected) {
  process.stderr.write(`running ${name}...\n`);
  for (const f of await bench.run()) figures.push({ ...f, bench: name });
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3));
console.log('| figure | value | baseline | detail | bar | pass |');
console.log('|---|---|---|---|---|---|');
for (const f of figures) {
  console.log(
    `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.baseline ?? ''} | ${f.detail ?? ''} | ${f.bar} | ${f.pass ? 'yes' : f.deterministic ? 'NO' : 'no (timing)'} |`,
  );
}
writeFileSync(join(here, 'results.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2) + '\n');
process.exitCode = figures.some((f) => f.deterministic && !f.pass) ? 1 : 0;
