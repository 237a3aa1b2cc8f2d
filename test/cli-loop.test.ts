/** `loop-coach log` and `loop-coach plan`: the journal from the terminal, kept in one account across runs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { memoryTokens, type TokenStore } from '../src/cli/loop-commands.js';
import { HELP, runCli, type CliIo } from '../src/cli/main.js';
import type { Db } from '../src/db/client.js';
import { offlineEngine } from './support/api.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

/** The CLI on one database (as the configured file would be), with the given token store and stdin. */
function io(tokens: TokenStore, stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    serve: async () => undefined,
    readText: async (path) => {
      if (path === '-' && stdin !== undefined) return stdin;
      throw new Error('ENOENT: no such file');
    },
    createEngine: () => offlineEngine(),
    openApp: async () => {
      const app = createApp(testDeps(db, { engine: offlineEngine() }));
      return { request: (path, init) => app.request(path, init), close: () => undefined };
    },
    write: () => undefined,
    lines: async function* () {},
    tokens,
  };
  return { cli, out, err };
}

describe('loop-coach log and plan', () => {
  it('logs conversations into one account across runs and prepares the next one', async () => {
    const tokens = memoryTokens();
    const first = io(tokens);
    const notes = "Me: How can I help this month?\nHelen: I need someone to own the evidence collection.\nMe: I'll take it, by Friday.";
    expect(await runCli(['log', 'Helen Park', '--text', notes, '--at', '2026-11-03T15:00:00Z'], first.cli)).toBe(0);
    const printed = first.out.join('\n');
    expect(printed).toContain('Logged a one-on-one with Helen Park, 2026-11-03');
    expect(printed).toContain('"I need someone to own the evidence collection"');
    expect(printed).toMatch(/\[you\] own the evidence collection \(due 2026-11-06, "by Friday"\)/);
    const token = await tokens.load();
    expect(token).toMatch(/^lc_/);

    // A second run, from stdin, lands in the same account and the same relationship.
    const second = io(tokens, 'Sent Helen the evidence pack as promised. Raised the staff promotion; she said she would think about it.');
    expect(await runCli(['log', 'helen park', '-', '--kind', 'note', '--at', '2026-11-10T10:00:00Z', '--json'], second.cli)).toBe(0);
    const entry = JSON.parse(second.out.join('\n')) as { kind: string; reading: { goalEngaged: boolean | null } };
    expect(entry).toMatchObject({ kind: 'note', reading: { goalEngaged: false } });
    expect(await tokens.load()).toBe(token);

    const plan = io(tokens);
    expect(await runCli(['plan', 'Helen Park'], plan.cli)).toBe(0);
    const text = plan.out.join('\n');
    expect(text).toContain('Your next conversation with Helen Park');
    expect(text).toMatch(/Step 4 \(the goal ask\): /);
    expect(text).toMatch(/Draft \(purpose \d, score \d+\):\n {2}Hi Helen,/);
    const json = io(tokens);
    expect(await runCli(['plan', 'Helen Park', '--json'], json.cli)).toBe(0);
    expect(JSON.parse(json.out.join('\n'))).toMatchObject({ stopLooping: { warning: false }, draft: { critique: { provider: 'offline' } } });
  });

  it('refuses bad usage with exit code 2 and a clear message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['log'], /Name the person/],
      [['log', 'Helen', '--kind', 'call', '--text', 'x'], /--kind must be one of one-on-one, message, note/],
      [['log', 'Helen', '--at', 'yesterday', '--text', 'x'], /--at must be a date/],
      [['log', 'Helen'], /Cannot read stdin/],
      [['log', 'Helen', '--text', '   '], /The notes are empty/],
      [['log', 'Helen', '--relation', 'boss', '--text', 'x'], /--relation must be one of/],
      [['plan', 'Nobody Here'], /No relationship named "Nobody Here"/],
      [['plan', 'Helen', '--verbose'], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const run = io(memoryTokens());
      expect(await runCli(args, run.cli), args.join(' ')).toBe(2);
      expect(run.err.join('\n')).toMatch(message);
    }
    expect(HELP).toMatch(/log PERSON/);
    expect(HELP).toMatch(/plan PERSON/);
  });
});
