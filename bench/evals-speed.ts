import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Figure } from './figure.js';

const run = promisify(execFile);

/** Wall time of the offline evals, as a developer runs them. */
export async function benchEvals(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loop-coach-evals-bench-'));
  try {
    const t0 = performance.now();
    await run('npm', ['run', '--silent', 'evals', '--', '--suite', 'all', '--provider', 'offline', '--out', join(dir, 'report.json')], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((err: { code?: number }) => {
      // A failing gate still measured the time; only a crash is a bench error.
      if (typeof err.code !== 'number') throw err;
    });
    const seconds = (performance.now() - t0) / 1000;
    return [{ name: 'evals --suite all --provider offline, wall time', value: seconds, unit: 's', bar: '< 60 s', pass: seconds < 60, deterministic: false }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
