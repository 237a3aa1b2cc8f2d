import type { Config } from '../config.js';
import { createDb } from '../db/client.js';
import { applyMigrations } from '../db/migrate.js';
import type { Deps, LogEntry } from '../deps.js';
import { createIdGenerator } from '../ids.js';
import { createChatModel } from '../llm/create-chat-model.js';
import { createNodeHttpFetch } from '../llm/node-http-fetch.js';

/** JSON lines on stdout (errors on stderr), the format log collectors read without help. */
export function jsonLog(entry: LogEntry): void {
  // Straight to the stream: console.log's formatting costs more than the line on every request.
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n';
  (entry.level === 'error' ? process.stderr : process.stdout).write(line);
}

/** Node's dependencies: the database migrated to the latest schema before anything is served. */
export async function createNodeDeps(config: Config, log = jsonLog): Promise<Deps> {
  const db = await createDb(config.databaseUrl, config.databaseAuthToken);
  await applyMigrations(db);
  const now = () => Date.now();
  return { config, db, model: createChatModel(config, { fetch: createNodeHttpFetch() }), now, newId: createIdGenerator(now), log };
}
