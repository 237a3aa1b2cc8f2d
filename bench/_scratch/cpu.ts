import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
const orig = Database.prototype.prepare;
const times = new Map<string, number>();
(Database.prototype as any).prepare = function (sql: string) {
  const stmt = orig.call(this, sql);
  for (const m of ['run', 'all'] as const) { const f = (stmt as any)[m].bind(stmt); (stmt as any)[m] = (...a: unknown[]) => { const t0 = performance.now(); try { return f(...a); } finally { times.set(m + ' ' + sql.slice(0, 60), (times.get(m + ' ' + sql.slice(0, 60)) ?? 0) + performance.now() - t0); } }; }
  return stmt;
};
const { createApp } = await import('../../src/app.js');
import { parseConfig } from '../../src/config.js';
import { createNodeDeps } from '../../src/entry/node-deps.js';
const child = fork('bench/_scratch/model-child.ts', { execArgv: ['--import', 'tsx'] });
const url = await new Promise<string>((r) => child.once('message', (m) => r(String(m))));
const dir = mkdtempSync(join(tmpdir(), 'cpu-'));
const config = parseConfig({ LOOP_COACH_PROVIDER: 'openai', OPENAI_API_KEY: 'k', OPENAI_BASE_URL: `${url}/v1`, LOOP_COACH_MODEL: 'bench', LOOP_COACH_RATE_LIMIT: '0', LOOP_COACH_MAX_TURNS: '10000', DATABASE_URL: `file:${join(dir, 'b.db')}` });
const deps = await createNodeDeps(config, () => undefined);
const app = createApp(deps);
const { token } = await (await app.request('/api/auth/guest', { method: 'POST' })).json() as { token: string };
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const ids: string[] = [];
for (let i = 0; i < 64; i++) ids.push(((await (await app.request('/api/sessions', { method: 'POST', headers, body: JSON.stringify({ scenarioId: 'offer-help' }) })).json()) as { id: string }).id);
const body = JSON.stringify({ text: 'What is the most important thing on your plate right now, and how could I help with it?' });
const CONC = Number(process.env.CONC ?? 16);
async function turns(n: number) {
  let next = 0;
  await Promise.all(Array.from({ length: CONC }, async (_, k) => {
    while (next < n) { const i = next++; const res = await app.request(`/api/sessions/${ids[i % 64]}/messages`, { method: 'POST', headers, body }); if (res.status !== 200) throw new Error(String(res.status) + await res.text()); await res.text(); }
  }));
}
await turns(2000);
const N = Number(process.env.N ?? 5000);
times.clear();
const c0 = process.cpuUsage(); const t0 = performance.now();
await turns(N);
const c = process.cpuUsage(c0);
console.log('turns/s', (N / ((performance.now() - t0) / 1000)).toFixed(0), 'cpu µs/turn', ((c.user + c.system) / N).toFixed(0), 'sys', (c.system / N).toFixed(0));
if (process.env.TIMES) for (const [k, v] of [...times].sort((a, b) => b[1] - a[1])) console.log((v / N * 1000).toFixed(1).padStart(7), 'µs', k);
child.kill();
process.exit(0);
