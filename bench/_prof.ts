import autocannon from 'autocannon';
import { startInstantModel } from './instant-model.js';
import { startServerProcess } from './server-process.js';
const model = await startInstantModel();
const server = await startServerProcess({
  LOOP_COACH_PROVIDER: 'openai', OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `${model.url}/v1`, LOOP_COACH_MODEL: 'bench',
  LOOP_COACH_RATE_LIMIT: '0', LOOP_COACH_MAX_TURNS: '10000', ...(process.env.NOLOG ? { NOLOG: '1' } : {}),
}, process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []);
const j = async (u: string, i: RequestInit) => (await fetch(u, i)).json() as Promise<any>;
const { token } = await j(`${server.url}/api/auth/guest`, { method: 'POST' });
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const sessions: string[] = [];
for (let i = 0; i < 64; i++) sessions.push((await j(`${server.url}/api/sessions`, { method: 'POST', headers: auth, body: JSON.stringify({ scenarioId: 'offer-help' }) })).id);
let n = 0;
const run = (d: number) => autocannon({ url: server.url, connections: 16, duration: d, requests: [{ method: 'POST', headers: auth, body: JSON.stringify({ text: 'What is the most important thing on your plate right now, and how could I help with it?' }), setupRequest: (r: any) => ({ ...r, path: `/api/sessions/${sessions[n++ % 64]}/messages` }) }] });
await run(2);
import { readFileSync } from 'node:fs';
const cpu = () => { const f = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const c0 = cpu();
const r = await run(Number(process.env.SECS ?? 8));
const used = cpu() - c0;
console.log('server cpu ms', used, 'per turn µs', (used * 1000 / (r.requests.total)).toFixed(0));
console.log('turns/s', r.requests.average, 'non2xx', r.non2xx, 'p99', r.latency.p99);
await server.stop(); await model.close();
