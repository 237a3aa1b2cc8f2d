import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request as httpRequest, Agent } from 'node:http';
import autocannon from 'autocannon';
import { startInstantModel } from './instant-model.js';
import { startServerProcess } from './server-process.js';
import { median, percentile } from './stats.js';
import type { Figure } from './figure.js';
import { summarizeProfile } from './profile-summary.js';

const TURN_TEXT = 'What is the most important thing on your plate right now, and how could I help with it?';
const MODEL_BODY = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: TURN_TEXT }] });

async function json(url: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function load(opts: {
  url: string;
  connections: number;
  duration: number;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  paths?: () => string;
}) {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.duration,
    requests: [
      {
        method: opts.method,
        ...(opts.headers && { headers: opts.headers }),
        ...(opts.body && { body: opts.body }),
        ...(opts.paths && { setupRequest: (req: autocannon.Request) => ({ ...req, path: (opts.paths as () => string)() }) }),
      },
    ],
  });
  return { rps: result.requests.average, total: result.requests.total, non2xx: result.non2xx + result.errors, p99: result.latency.p99 };
}

/** Sequential requests on one keep-alive connection, timed with the monotonic clock (sub-ms resolution). */
async function sequential(count: number, send: (agent: Agent) => Promise<void>): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await send(agent);
    times.push(performance.now() - t0);
  }
  agent.destroy();
  return times;
}

function post(agent: Agent, url: string, path: string, body: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode && res.statusCode < 300 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The SDK-only forwarding proxy (bench/sdk-proxy.ts) in its own process, like the server. */
async function startSdkProxy(modelUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/sdk-proxy.ts'], {
    env: { PATH: process.env.PATH ?? '', OPENAI_BASE_URL: `${modelUrl}/v1` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /sdk proxy on (\S+)/.exec(String(d));
      if (m) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`sdk proxy exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc: the server's cost per turn,
 * which a busy machine slows but does not inflate the way it inflates throughput. Linux only.
 */
function processCpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Posts a streamed turn; resolves with the time the first `delta` event arrived, after the stream ends. */
function firstDelta(agent: Agent, url: string, path: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        path,
        method: 'POST',
        agent,
        headers: { ...headers, accept: 'text/event-stream', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        let at = 0;
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          if (at) return;
          text += d;
          if (text.includes('event: delta')) at = performance.now();
        });
        res.on('end', () => (at ? resolve(at) : reject(new Error(`${path}: ${res.statusCode}, no delta event`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Turn overhead and first-token overhead: the real server (own process, libSQL file, auth on,
 * rate limit off) in front of an instant model, against the same clients calling the model directly.
 */
export async function benchTurn(opts: { rounds: number; seconds: number; profileDir?: string }): Promise<Figure[]> {
  const model = await startInstantModel();
  const server = await startServerProcess(
    {
      LOOP_COACH_PROVIDER: 'openai',
      OPENAI_API_KEY: 'bench',
      OPENAI_BASE_URL: `${model.url}/v1`,
      LOOP_COACH_MODEL: 'bench',
      // The figure is Loop Coach's overhead on one model call. Reading each turn with a model is a
      // second call (its cost is the model's, and `off` or a fast classifier model avoids it).
      LOOP_COACH_CLASSIFIER_MODEL: 'off',
      LOOP_COACH_RATE_LIMIT: '0',
      LOOP_COACH_MAX_TURNS: '10000',
    },
    opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : [],
  );
  let stopped = false;
  const proxy = await startSdkProxy(model.url);
  try {
    const { token } = (await json(`${server.url}/api/auth/guest`, { method: 'POST' })) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const sessions: string[] = [];
    for (let i = 0; i < 64; i++) {
      const s = (await json(`${server.url}/api/sessions`, { method: 'POST', headers: auth, body: JSON.stringify({ scenarioId: 'offer-help' }) })) as {
        id: string;
      };
      sessions.push(s.id);
    }
    let next = 0;
    // Rotating over many sessions keeps connections off each other's turn lock.
    const turnPath = () => `/api/sessions/${sessions[next++ % sessions.length]}/messages`;
    const turnBody = JSON.stringify({ text: TURN_TEXT });
    const direct = () =>
      load({
        url: `${model.url}/v1/chat/completions`,
        connections: 16,
        duration: opts.seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: MODEL_BODY,
      });
    const turn = () => load({ url: server.url, connections: 16, duration: opts.seconds, method: 'POST', headers: auth, body: turnBody, paths: turnPath });
    const health = () => load({ url: `${server.url}/healthz`, connections: 16, duration: opts.seconds, method: 'GET' });
    const forward = () =>
      load({ url: proxy.url, connections: 16, duration: opts.seconds, method: 'POST', headers: { 'content-type': 'application/json' }, body: turnBody });

    await direct();
    await turn();
    const directRps: number[] = [];
    const turnRps: number[] = [];
    const healthRps: number[] = [];
    const proxyRps: number[] = [];
    const cpuPerTurn: number[] = [];
    let errors = 0;
    for (let r = 0; r < opts.rounds; r++) {
      const d = await direct();
      const cpuBefore = processCpuMs(server.child.pid);
      const t = await turn();
      const cpuAfter = processCpuMs(server.child.pid);
      if (cpuBefore !== undefined && cpuAfter !== undefined && t.total > 0) cpuPerTurn.push(((cpuAfter - cpuBefore) * 1000) / t.total);
      const h = await health();
      const p = await forward();
      proxyRps.push(p.rps);
      errors += p.non2xx;
      directRps.push(d.rps);
      turnRps.push(t.rps);
      healthRps.push(h.rps);
      errors += t.non2xx + d.non2xx;
    }

    const directTimes = await sequential(1_500, (agent) => post(agent, model.url, '/v1/chat/completions', MODEL_BODY, {}));
    const turnTimes = await sequential(1_500, (agent) => post(agent, server.url, turnPath(), turnBody, auth));
    const added50 = percentile(turnTimes, 0.5) - percentile(directTimes, 0.5);
    const added99 = percentile(turnTimes, 0.99) - percentile(directTimes, 0.99);

    // First token (1,000 samples, so p99 is not one unlucky turn): from the model server writing its first delta to our client reading the first
    // `delta` event, on a node:http client (fetch's own stream machinery would be in the figure).
    const gaps: number[] = [];
    const streamAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 1000; i++) {
      let sentAt = 0;
      model.onFirstDelta = (at) => (sentAt = at);
      gaps.push((await firstDelta(streamAgent, server.url, turnPath(), turnBody, auth)) - sentAt);
      // Let the turn finish and release its lock before the session comes round again.
      await new Promise((r) => setTimeout(r, 2));
    }
    streamAgent.destroy();
    model.onFirstDelta = undefined;

    const ratio = median(turnRps) / median(directRps);
    const profile = opts.profileDir ? await stopAndSummarize(server, opts.profileDir).finally(() => (stopped = true)) : undefined;
    return [
      {
        name: 'turn throughput / direct model',
        value: ratio,
        unit: 'x',
        baseline: `${median(directRps).toFixed(0)} req/s direct`,
        detail: `${median(turnRps).toFixed(0)} turns/s at 16 conns (healthz ${median(healthRps).toFixed(0)}/s), ${errors} non-2xx`,
        bar: '>= 0.08',
        pass: ratio >= 0.08 && errors === 0,
        deterministic: false,
      },
      {
        name: 'reference: SDK-only proxy / direct model',
        value: median(proxyRps) / median(directRps),
        unit: 'x',
        detail: `${median(proxyRps).toFixed(0)} req/s: forwarding through the SDK as the Node entry sets it up, no auth, no db, no coaching (bench/sdk-proxy.ts); turns reach ${((100 * median(turnRps)) / median(proxyRps)).toFixed(0)}% of it`,
        bar: 'info',
        pass: true,
        deterministic: false,
      },
      ...(cpuPerTurn.length > 0
        ? [
            {
              name: 'server CPU per turn, 16 conns',
              value: median(cpuPerTurn) / 1000,
              unit: 'ms',
              detail: 'user + system time of the server process over the turn rounds, per turn',
              bar: 'info',
              pass: true,
              deterministic: false,
            },
          ]
        : []),
      {
        name: 'turn latency added, 1 conn, p50',
        value: added50,
        unit: 'ms',
        baseline: `${percentile(directTimes, 0.5).toFixed(2)} ms direct`,
        bar: '<= 3 ms',
        pass: added50 <= 3,
        deterministic: false,
      },
      {
        name: 'turn latency added, 1 conn, p99',
        value: added99,
        unit: 'ms',
        baseline: `${percentile(directTimes, 0.99).toFixed(2)} ms direct`,
        bar: '<= 10 ms',
        pass: added99 <= 10,
        deterministic: false,
      },
      { name: 'first-token overhead p50', value: percentile(gaps, 0.5), unit: 'ms', bar: 'info', pass: true, deterministic: false },
      { name: 'first-token overhead p99', value: percentile(gaps, 0.99), unit: 'ms', bar: '<= 5 ms', pass: percentile(gaps, 0.99) <= 5, deterministic: false },
      ...(profile
        ? [{ name: 'server CPU profile', value: profile.totalMs, unit: 'ms sampled', detail: profile.top, bar: 'info', pass: true, deterministic: false }]
        : []),
    ];
  } finally {
    if (!stopped) await server.stop();
    await proxy.stop();
    await model.close();
  }
}

/** Stops the server (which writes its profile on exit) and names where its time went. */
async function stopAndSummarize(server: { stop(): Promise<void> }, dir: string) {
  await server.stop();
  return summarizeProfile(dir);
}
