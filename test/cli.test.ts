import { describe, expect, it } from 'vitest';
import { HELP, runCli, type CliIo } from '../src/cli/main.js';
import type { Config } from '../src/config.js';
import pkg from '../package.json' with { type: 'json' };

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const served: Config[] = [];
  const cli: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env,
    serve: async (config) => served.push(config),
  };
  return { cli, out, err, served };
}

describe('loop-coach CLI', () => {
  it('prints help and the package version', async () => {
    const h = io();
    expect(await runCli(['--help'], h.cli)).toBe(0);
    expect(h.out).toEqual([HELP]);
    expect(HELP).toContain('serve');
    const v = io();
    expect(await runCli(['--version'], v.cli)).toBe(0);
    expect(v.out).toEqual([pkg.version]);
  });

  it('serve starts the server with the parsed configuration', async () => {
    const s = io({ PORT: '9911' });
    expect(await runCli(['serve'], s.cli)).toBe(0);
    expect(s.served.map((c) => c.port)).toEqual([9911]);
  });

  it('fails with a clear message and a non-zero code on bad input', async () => {
    const bad = io({ PORT: 'x' });
    expect(await runCli(['serve'], bad.cli)).toBe(1);
    expect(bad.err.join('\n')).toContain('PORT');
    expect(bad.served).toHaveLength(0);

    const unknown = io();
    expect(await runCli(['critque'], unknown.cli)).toBe(2);
    expect(unknown.err.join('\n')).toContain('Unknown command "critque"');

    const none = io();
    expect(await runCli([], none.cli)).toBe(1);
    expect(none.out).toEqual([HELP]);
  });
});
