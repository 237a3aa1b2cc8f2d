import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.js';

const dir = mkdtempSync(join(tmpdir(), 'loop-coach-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** Runs the real `loop-coach serve` bin, as `npx loop-coach serve` would, and waits for its banner. */
async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['bin/loop-coach.js', 'serve'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner; output so far:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('Loop Coach listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output };
}

async function stop({ child }: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('the Node entry', () => {
  it('serves on a file database, keeps data across a restart, and stops on SIGTERM', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATABASE_URL: `file:${join(dir, 'nested', 'dir', 'coach.db')}` };
    const base = `http://127.0.0.1:${port}`;

    const first = await start(env);
    expect(first.output()).toContain(`Loop Coach listening on http://localhost:${port}`);
    expect(first.output()).toMatch(/offline/);
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok', provider: 'offline' });
    const guest = (await (await fetch(`${base}/api/auth/guest`, { method: 'POST' })).json()) as { token: string };
    const began = Date.now();
    expect(await stop(first)).toBe(0);
    expect(Date.now() - began).toBeLessThan(10_000);
    // One JSON line per request on stdout, batched but all written by exit.
    const logged = first
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; path: string; status: number });
    expect(logged.filter((l) => l.msg === 'request').map((l) => `${l.path} ${l.status}`)).toEqual(['/healthz 200', '/api/auth/guest 201']);

    const second = await start(env);
    const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${guest.token}` } });
    expect(me.status).toBe(200);
    expect(await stop(second)).toBe(0);
  }, 60_000);

  it('refuses to start on bad configuration, saying what is wrong', async () => {
    const child = spawn(process.execPath, ['bin/loop-coach.js', 'serve'], {
      env: { PATH: process.env.PATH ?? '', PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 30_000);
});
