import { request, Agent } from 'node:http';
import { startInstantModel } from '../instant-model.js';
import { startServerProcess } from '../server-process.js';
import { percentile } from '../stats.js';
const model = await startInstantModel();
const server = await startServerProcess({ LOOP_COACH_PROVIDER: 'openai', OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `${model.url}/v1`, LOOP_COACH_MODEL: 'bench', LOOP_COACH_RATE_LIMIT: '0', LOOP_COACH_MAX_TURNS: '10000' });
const lines: string[] = [];
server.child.stderr!.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter((l) => l.startsWith('T '))));
const j = async (u: string, i: RequestInit) => (await fetch(u, i)).json() as Promise<any>;
const { token } = await j(`${server.url}/api/auth/guest`, { method: 'POST' });
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const sessions: string[] = [];
for (let i = 0; i < 64; i++) sessions.push((await j(`${server.url}/api/sessions`, { method: 'POST', headers: auth, body: JSON.stringify({ scenarioId: 'offer-help' }) })).id);
const body = JSON.stringify({ text: 'What is the most important thing on your plate right now, and how could I help with it?' });
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const u = new URL(server.url);
let n = 0;
const abs = () => performance.timeOrigin + performance.now();
const rows: number[][] = [];
async function once() {
  let sentAt = 0;
  model.onFirstDelta = () => (sentAt = abs());
  const path = `/api/sessions/${sessions[n++ % 64]}/messages`;
  const got = await new Promise<number>((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'POST', agent, headers: { ...auth, accept: 'text/event-stream', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = ''; let at = 0;
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; if (!at && text.includes('event: delta')) at = abs(); });
      res.on('end', () => resolve(at));
    });
    req.on('error', reject); req.end(body);
  });
  await new Promise((r) => setTimeout(r, 5));
  const t = lines.shift()!.split(' ').slice(1).map(Number);
  rows.push([t[0]! - sentAt, t[1]! - sentAt, t[2]! - sentAt, t[3]! - sentAt, got - sentAt]);
}
for (let i = 0; i < 400; i++) await once();
for (const [k, name] of ['headers(T1)', 'firstchunk(T2)', 'onDelta(T3)', 'written(T4)', 'client'].entries()) {
  const v = rows.slice(50).map((r) => r[k]!);
  console.log(name.padEnd(16), 'p50', percentile(v, 0.5).toFixed(2), 'p90', percentile(v, 0.9).toFixed(2), 'p99', percentile(v, 0.99).toFixed(2));
}
await server.stop(); await model.close();
