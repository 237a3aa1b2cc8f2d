import type { Context } from 'hono';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { NewId } from './ids.js';
import type { ChatModel } from './llm/chat-model.js';

export type LogEntry = Record<string, unknown> & { level: 'info' | 'warn' | 'error'; msg: string };
export type Log = (entry: LogEntry) => void;

/** Everything the app touches outside itself. Entry points build it; tests pass their own. */
export interface Deps {
  config: Config;
  db: Db;
  model: ChatModel;
  /** Epoch milliseconds. */
  now: () => number;
  newId: NewId;
  log: Log;
  /**
   * The client's network address, for per-address rate limits: the socket's on Node, the
   * `CF-Connecting-IP` Cloudflare sets on Workers. Each entry point supplies it, so this app never
   * imports a runtime-specific module; without it (tests, the CLI) only per-user limits apply.
   */
  clientAddress?: (c: Context) => string | undefined;
}
