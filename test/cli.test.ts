import { describe, expect, it } from 'vitest';
import { HELP, runCli, type CliIo } from '../src/cli/main.js';
import type { Config } from '../src/config.js';
import pkg from '../package.json' with { type: 'json' };
import { createEngine } from '../src/entry/create-engine.js';
import { createApp } from '../src/app.js';
import { createTestDb, testDeps } from './support/test-deps.js';
import { offlineEngine } from './support/api.js';

function io(env: Record<string, string> = {}, files: Record<string, string> = {}, lines: string[] = []) {
  const written: string[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const served: Config[] = [];
  const cli: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env,
    serve: async (config) => served.push(config),
    readText: async (path) => {
      if (path in files) return files[path] as string;
      throw new Error('ENOENT: no such file');
    },
    createEngine: (config) => createEngine(config),
    openApp: async () => {
      const { db, cleanup } = await createTestDb();
      const app = createApp(testDeps(db, { engine: offlineEngine() }));
      return { request: (path, init) => app.request(path, init), close: cleanup };
    },
    write: (t) => written.push(t),
    lines: async function* () {
      yield* lines;
    },
  };
  return { cli, out, err, served, written };
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

    const unknown = io({}, {});
    expect(await runCli(['critque'], unknown.cli)).toBe(2);
    expect(unknown.err.join('\n')).toContain('Unknown command "critque"');

    const none = io();
    expect(await runCli([], none.cli)).toBe(2);
    expect(none.out).toEqual([HELP]);
  });
});

describe('loop-coach critique', () => {
  const vague = 'Can we talk about my growth sometime?';

  it('prints a readable report from stdin, offline, with the quote and a fix', async () => {
    const run = io({}, { '-': `${vague}\n` });
    expect(await runCli(['critique'], run.cli)).toBe(0);
    const report = run.out.join('\n');
    expect(report).toContain('engine: offline');
    expect(report).toContain('vague_goal');
    expect(report).toContain(`"${vague}"`);
    expect(report).toMatch(/Top fixes\n\s+1\. .*concrete goal/);
  });

  it('prints the critique as JSON with --json, for a file and a mode', async () => {
    const run = io({}, { 'note.txt': 'Where would you like your career to go next year?' });
    expect(await runCli(['critique', '--mode', 'manager', '--json', 'note.txt'], run.cli)).toBe(0);
    const critique = JSON.parse(run.out.join('\n')) as { mode: string; provider: string; checks: Array<{ id: string; present: boolean }> };
    expect(critique).toMatchObject({ mode: 'manager', provider: 'offline' });
    expect(critique.checks.find((c) => c.id === 'asks_about_goals')?.present).toBe(true);
  });

  it('exits 2 with a clear message on empty text, an unknown mode or an unreadable file', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['critique'], { '-': '  \n' }, /empty/],
      [['critique', '--mode', 'boss'], { '-': vague }, /--mode must be employee or manager/],
      [['critique', 'missing.txt'], {}, /Cannot read missing.txt/],
      [['critique', '--frobnicate'], { '-': vague }, /Unknown option/],
    ];
    for (const [args, files, message] of cases) {
      const run = io({}, files);
      expect(await runCli(args, run.cli), args.join(' ')).toBe(2);
      expect(run.err.join('\n')).toMatch(message);
      expect(run.out).toEqual([]);
    }
  });
});

describe('loop-coach practice', () => {
  it('rehearses in the terminal: streamed replies, a hint, and the debrief at /end', async () => {
    const run = io({}, {}, ['What is the most important thing on your plate right now, and how could I help?', '/hint', '/end']);
    expect(await runCli(['practice', '--scenario', 'offer-help', '--persona', 'overwhelmed', '--difficulty', 'easy'], run.cli)).toBe(0);
    const transcript = run.out.join('\n') + run.written.join('');
    expect(transcript).toContain('Ask your manager how you can help');
    expect(transcript).toMatch(/Marcus[^:]*: \S/);
    expect(transcript).toContain('[coach]');
    expect(transcript).toContain('Score:');
    expect(transcript).toContain('What you uncovered');
    expect(run.err).toEqual([]);
  });

  it('exits 2 on an unknown scenario or option', async () => {
    for (const args of [
      ['practice', '--scenario', 'nope'],
      ['practice', '--colour'],
    ]) {
      const run = io();
      expect(await runCli(args, run.cli), args.join(' ')).toBe(2);
      expect(run.err.join('\n').length).toBeGreaterThan(0);
    }
  });
});
