import type { Critique } from '../coach/critique/critique-schema.js';
import { PurposeSchema, type Purpose } from '../coach/critique/purpose.js';
import { runCritique } from '../coach/critique/run-critique.js';
import type { CoachEngine } from '../coach/engine.js';
import { MODES, type Mode } from '../coach/rubric.js';
import { ConfigError, parseConfig, type Config } from '../config.js';
import { createIdGenerator } from '../ids.js';
import { VERSION } from '../version.js';
import { formatCritiqueReport } from './critique-report.js';
import { logCommand, LoopFailure, LoopUsageError, memoryTokens, planCommand, type TokenStore } from './loop-commands.js';
import { practice, PracticeUsageError, type LocalApp } from './practice-command.js';

export const HELP = `Loop Coach ${VERSION}: coaching for the Magic Loop.

Usage: loop-coach <command> [options]

Commands:
  serve                        Start the web app and API (same as npm start)
  critique [FILE | -]          Critique a message to your manager, read from FILE or stdin
      --mode employee|manager    who is writing (default: employee)
      --purpose 1-5|advanced     what the message is for (default: detected from the text)
      --json                     print the critique as JSON
  practice                     Rehearse a conversation in the terminal (/hint, /retry, /end)
      --scenario ID              e.g. goal-alignment (default), performance-check, manager-initiated
      --persona ID               e.g. skeptical, overwhelmed, wants-management
      --difficulty easy|medium|hard
      --goal TEXT                your goal for the conversation
  log PERSON [FILE | -]        Record a real conversation with PERSON (notes, or a message sent) and read it
      --text TEXT                the notes (else FILE, else stdin)
      --kind one-on-one|message|note   (default: one-on-one)
      --at ISO-DATE              when it happened (default: now); "by Friday" counts from here
      --relation manager|skip-level|report|other   for a new person (default: manager)
  plan PERSON                  Prepare the next conversation with PERSON: report, ask, offer, a draft
      --json                     print the log's reading or the plan as JSON

Options:
  -h, --help       Show this help
  -v, --version    Show the version

Configuration comes from environment variables (PORT, DATABASE_URL, OPENAI_API_KEY, ...);
see the README's configuration table. Without OPENAI_API_KEY the offline engine answers.`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Reads a file, or stdin for "-". */
  readText: (path: string) => Promise<string>;
  createEngine: (config: Config) => CoachEngine;
  /** Starts the server; injected so tests of argument handling never open a port. */
  serve: (config: Config) => Promise<unknown>;
  /** The app in process, on the configured database, for `practice`. */
  openApp: (config: Config) => Promise<LocalApp & { close: () => void }>;
  write: (text: string) => void;
  lines: () => AsyncIterable<string>;
  /** Where `log` and `plan` keep the account their journal lives in; without one, each run is a new account. */
  tokens?: TokenStore;
}

/** Exit codes: 0 done, 1 configuration or engine failure, 2 bad input or usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.out(VERSION);
    return 0;
  }
  let config: Config;
  try {
    config = parseConfig(io.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(err.message);
    return 1;
  }
  if (command === 'serve') {
    if (rest.length > 0) {
      io.err(`loop-coach serve takes no arguments (got ${rest.join(' ')}); configure it with environment variables.`);
      return 2;
    }
    await io.serve(config);
    return 0;
  }
  if (command === 'critique') return critiqueCommand(rest, config, io);
  if (command === 'practice') return practiceCommand(rest, config, io);
  if (command === 'log' || command === 'plan') return journalCommand(command, rest, config, io);
  io.err(`Unknown command "${command}". Run loop-coach --help for the list.`);
  return 2;
}

class UsageError extends Error {}

function parseCritiqueArgs(args: readonly string[]): { mode: Mode; json: boolean; source: string; purpose?: Purpose } {
  let mode: Mode = 'employee';
  let purpose: Purpose | undefined;
  let json = false;
  let source: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--mode' || arg.startsWith('--mode=')) {
      const value = arg === '--mode' ? args[++i] : arg.slice('--mode='.length);
      if (!MODES.includes(value as Mode)) throw new UsageError(`--mode must be employee or manager (got ${value ?? 'nothing'}).`);
      mode = value as Mode;
    } else if (arg === '--purpose' || arg.startsWith('--purpose=')) {
      const value = arg === '--purpose' ? args[++i] : arg.slice('--purpose='.length);
      const parsed = PurposeSchema.safeParse(value === 'advanced' ? value : Number(value));
      if (!parsed.success) throw new UsageError(`--purpose must be 1, 2, 3, 4, 5 or advanced (got ${value ?? 'nothing'}).`);
      purpose = parsed.data;
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}. Run loop-coach --help.`);
    else if (source !== undefined) throw new UsageError('Give one file (or - for stdin).');
    else source = arg;
  }
  if (purpose !== undefined && mode !== 'employee') throw new UsageError('--purpose applies to messages to your manager (--mode employee).');
  return { mode, json, source: source ?? '-', ...(purpose !== undefined && { purpose }) };
}

async function critiqueCommand(args: readonly string[], config: Config, io: CliIo): Promise<number> {
  let parsed;
  let text: string;
  try {
    parsed = parseCritiqueArgs(args);
    try {
      text = await io.readText(parsed.source);
    } catch (err) {
      throw new UsageError(`Cannot read ${parsed.source === '-' ? 'stdin' : parsed.source}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (text.trim() === '') throw new UsageError('The text is empty: pass a file, or pipe the message in (echo "..." | loop-coach critique).');
    if (text.length > config.draftMaxChars) throw new UsageError(`The text has ${text.length} characters; the limit is ${config.draftMaxChars}.`);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(err.message);
    return 2;
  }
  const now = () => Date.now();
  let critique: Critique;
  try {
    critique = await runCritique(
      { engine: io.createEngine(config), newId: createIdGenerator(now), now },
      { text, mode: parsed.mode, earnedBefore: false, ...(parsed.purpose !== undefined && { purpose: parsed.purpose }) },
    );
  } catch (err) {
    io.err(`The critique failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  io.out(parsed.json ? JSON.stringify(critique, null, 2) : formatCritiqueReport(critique));
  return 0;
}

async function practiceCommand(args: readonly string[], config: Config, io: CliIo): Promise<number> {
  const app = await io.openApp(config);
  try {
    return await practice(args, app, { out: io.out, err: io.err, write: io.write, lines: io.lines() });
  } catch (err) {
    // parseArgs reports unknown or malformed options as errors with an ERR_PARSE_ARGS_* code.
    const parseError = String((err as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
    if (!(err instanceof PracticeUsageError) && !parseError) throw err;
    io.err((err as Error).message);
    return 2;
  } finally {
    app.close();
  }
}

async function journalCommand(command: 'log' | 'plan', args: readonly string[], config: Config, io: CliIo): Promise<number> {
  const app = await io.openApp(config);
  try {
    const loopIo = { out: io.out, readText: io.readText, tokens: io.tokens ?? memoryTokens(), now: () => Date.now() };
    return await (command === 'log' ? logCommand : planCommand)(args, app, loopIo);
  } catch (err) {
    const parseError = String((err as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
    if (!(err instanceof LoopUsageError) && !(err instanceof LoopFailure) && !parseError) throw err;
    io.err((err as Error).message);
    return err instanceof LoopFailure ? 1 : 2;
  } finally {
    app.close();
  }
}
