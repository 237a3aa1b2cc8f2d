import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createApp } from '../app.js';
import { memoryTokens, type TokenStore } from '../cli/loop-commands.js';
import { runCli } from '../cli/main.js';
import { parseConfig } from '../config.js';
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

/**
 * Where `log` and `plan` keep their account's token: beside an embedded database file (the
 * account lives there), else in the home directory; readable by the user alone. An in-memory
 * database keeps it in memory, as it keeps everything else.
 */
function tokenStore(env: NodeJS.ProcessEnv): TokenStore {
  let url: string;
  try {
    url = parseConfig(env).databaseUrl;
  } catch {
    return memoryTokens();
  }
  if (url === ':memory:' || url.includes('mode=memory')) return memoryTokens();
  const path = url.startsWith('file:') ? `${url.slice('file:'.length).split('?')[0] ?? ''}.cli-token` : join(homedir(), '.loop-coach-token');
  return {
    load: async () => (await readFile(path, 'utf8').catch(() => '')).trim() || undefined,
    save: async (token) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, `${token}\n`, { mode: 0o600 });
      await chmod(path, 0o600);
    },
  };
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
  tokens: tokenStore(process.env),
});
