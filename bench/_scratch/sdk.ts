import { fork } from 'node:child_process';
import { createOpenAIChatModel } from '../../src/llm/openai-chat-model.js';
const child = fork('bench/_scratch/model-child.ts', { execArgv: ['--import', 'tsx'] });
const url = await new Promise<string>((r) => child.once('message', (m) => r(String(m))));
const { createNodeHttpFetch } = await import(process.env.FETCH ?? '../../src/llm/node-http-fetch.js');
const model = createOpenAIChatModel({ apiKey: 'k', baseURL: `${url}/v1`, model: 'm', timeoutMs: 5000, maxRetries: 1, fetch: process.env.GLOBAL ? fetch : createNodeHttpFetch() });
const messages = Array.from({ length: 14 }, (_, i) => ({ role: (i % 2 ? 'assistant' : 'user') as 'user', content: 'What is the most important thing on your plate right now, and how could I help with it? '.repeat(2) }));
async function go(n: number) { let next = 0; await Promise.all(Array.from({ length: 16 }, async () => { while (next++ < n) await model.complete({ messages }); })); }
await go(3000);
const N = 10000; const c0 = process.cpuUsage(); const t0 = performance.now();
await go(N);
const c = process.cpuUsage(c0);
console.log(process.env.FETCH ?? 'current', 'calls/s', (N / ((performance.now() - t0) / 1000)).toFixed(0), 'cpu µs/call', ((c.user + c.system) / N).toFixed(0));
child.kill(); process.exit(0);
