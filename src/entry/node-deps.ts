import type { Config } from '../config.js';
import { createDb } from '../db/client.js';
import { applyMigrations } from '../db/migrate.js';
import type { Deps, LogEntry } from '../deps.js';
import { createIdGenerator } from '../ids.js';
import { createNodeHttpFetch } from '../llm/node-http-fetch.js';
import { createEngine } from './create-engine.js';

/**
 * Lines for one stream, written together once per turn of the event loop: stdout to a pipe is a
 * synchronous write on Linux, and a write per request was about 5% of a busy server's time
 * (`npm run bench -- --only turn --profile`). What is pending is written on exit too.
 */
function batchedWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let pending = '';
  const flush = () => {
    if (!pending) return;
    const out = pending;
    pending = '';
    stream.write(out);
  };
  process.once('exit', flush);
  return (line) => {
    if (!pending) setImmediate(flush);
    pending += line;
  };
}

const writeOut = batchedWriter(process.stdout);
const writeErr = batchedWriter(process.stderr);

/** JSON lines on stdout (errors on stderr), the format log collectors read without help. */
export function jsonLog(entry: LogEntry): void {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n';
  (entry.level === 'error' ? writeErr : writeOut)(line);
}

/** Node's dependencies: the database migrated to the latest schema before anything is served. */
export async function createNodeDeps(config: Config, log = jsonLog): Promise<Deps> {
  const db = await createDb(config.databaseUrl, config.databaseAuthToken);
  await applyMigrations(db);
  const now = () => Date.now();
  return { config, db, engine: createEngine(config, { fetch: createNodeHttpFetch() }), now, newId: createIdGenerator(now), log };
}
