import type { Context } from 'hono';
import type { CoachEngine } from './coach/engine.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { NewId } from './ids.js';

export type LogEntry = Record<string, unknown> & { level: 'info' | 'warn' | 'error'; msg: string };
export type Log = (entry: LogEntry) => void;

/** Everything the app touches outside itself. Entry points build it; tests pass their own. */
export interface Deps {
  config: Config;
  db: Db;
  /** The coach: the offline engine or one on a chat model, chosen by the entry point. */
  engine: CoachEngine;
  /** Epoch milliseconds. */
  now: () => number;
  /**
   * The clock the analyzer's time budget (`config.analysisBudgetMs`) is measured on, in
   * milliseconds; `performance.now` when absent. Tests pass one that moves as they say.
   */
  analysisClock?: () => number;
  newId: NewId;
  log: Log;
  /**
   * The client's network address, for per-address rate limits: the socket's peer, or what the
   * proxies `LOOP_COACH_TRUSTED_PROXY` trusts say (`CF-Connecting-IP` on Workers). Each entry point
   * supplies it, so this app never imports a runtime-specific module; without it (tests, the CLI)
   * only per-user limits apply.
   */
  clientAddress?: (c: Context) => string | undefined;
  /** Whether the browser's connection is https (behind a trusted proxy, its `X-Forwarded-Proto`); without it, the request URL's scheme. */
  requestIsHttps?: (c: Context) => boolean;
}
