import { request, Agent } from 'node:http';
import { startInstantModel } from '../instant-model.js';
import { startServerProcess } from '../server-process.js';
import { percentile } from '../stats.js';
const model = await startInstantModel();
const server = await startServerProcess({ LOOP_COACH_PROVIDER: 'openai', OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `${model.url}/v1`, LOOP_COACH_MODEL: 'bench', LOOP_COACH_RATE_LIMIT: '0', LOOP_COACH_MAX_TURNS: '10000' });
const j = async (u: string, i: RequestInit) => (await fetch(u, i)).json() as Promise<any>;
const { token } = await j(`${server.url}/api/auth/guest`, { method: 'POST' });
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const sessions: string[] = [];
for (let i = 0; i < 64; i++) sessions.push((await j(`${server.url}/api/sessions`, { method: 'POST', headers: auth, body: JSON.stringify({ scenarioId: 'offer-help' }) })).id);
const body = JSON.stringify({ text: 'What is the most important thing on your plate right now, and how could I help with it?' });
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const u = new URL(server.url);
let n = 0;
async function once(useFetch: boolean): Promise<number> {
  let sentAt = 0;
  model.onFirstDelta = (at) => (sentAt = at);
  const path = `/api/sessions/${sessions[n++ % 64]}/messages`;
  if (useFetch) {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { ...auth, accept: 'text/event-stream' }, body });
    const reader = res.body!.getReader(); let text = ''; let gap = 0;
    for (;;) { const { value, done } = await reader.read(); if (done) break; text += new TextDecoder().decode(value); if (!gap && text.includes('event: delta')) gap = performance.now() - sentAt; }
    return gap;
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'POST', agent, headers: { ...auth, accept: 'text/event-stream', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = ''; let gap = 0;
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; if (!gap && text.includes('event: delta')) gap = performance.now() - sentAt; });
      res.on('end', () => resolve(gap));
    });
    req.on('error', reject); req.end(body);
  });
}
for (const useFetch of [true, false, true, false]) {
  const gaps: number[] = [];
  for (let i = 0; i < 300; i++) gaps.push(await once(useFetch));
  console.log(useFetch ? 'fetch ' : 'http  ', 'p50', percentile(gaps, 0.5).toFixed(2), 'p90', percentile(gaps, 0.9).toFixed(2), 'p99', percentile(gaps, 0.99).toFixed(2), 'max', Math.max(...gaps).toFixed(2));
}
await server.stop(); await model.close();
