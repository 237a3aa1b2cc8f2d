import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createApp } from '../app.js';
import { runCli } from '../cli/main.js';
import { createEngine } from './create-engine.js';
import { createNodeDeps } from './node-deps.js';
import { serveNode } from './serve-node.js';

async function readText(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  if (process.stdin.isTTY) throw new Error('nothing piped in; pass a file or pipe the message in');
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

// `serve` keeps the process alive through its open server; every other command just ends.
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  env: process.env,
  readText,
  createEngine,
  serve: serveNode,
  openApp: async (config) => {
    // Request logs would interleave with the conversation; the terminal session logs nothing.
    const deps = await createNodeDeps(config, () => undefined);
    const app = createApp(deps);
    return { request: (path, init) => app.request(path, init), close: () => deps.db.$client.close() };
  },
  write: (text) => process.stdout.write(text),
  lines: () => createInterface({ input: process.stdin, terminal: false }),
});
