import { ConfigError, parseConfig } from '../config.js';
import { VERSION } from '../version.js';

export const HELP = `Loop Coach ${VERSION}: coaching for the Magic Loop.

Usage: loop-coach <command> [options]

Commands:
  serve            Start the web app and API (same as npm start)

Options:
  -h, --help       Show this help
  -v, --version    Show the version

Configuration comes from environment variables (PORT, DATABASE_URL, OPENAI_API_KEY, ...);
see the README's configuration table.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Starts the server; injected so tests of argument handling never open a port. */
  serve: (config: ReturnType<typeof parseConfig>) => Promise<unknown>;
}

/** Runs one CLI invocation and returns the exit code (`serve` resolves once listening). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 1 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.out(VERSION);
    return 0;
  }
  if (command === 'serve') {
    if (rest.length > 0) {
      io.err(`loop-coach serve takes no arguments (got ${rest.join(' ')}); configure it with environment variables.`);
      return 2;
    }
    try {
      await io.serve(parseConfig(io.env));
      return 0;
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      io.err(err.message);
      return 1;
    }
  }
  io.err(`Unknown command "${command}". Run loop-coach --help for the list.`);
  return 2;
}
