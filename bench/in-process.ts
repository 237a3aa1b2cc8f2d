import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createDb, type Db } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import { createEngine } from '../src/entry/create-engine.js';
import { createIdGenerator } from '../src/ids.js';

/** Counts the SQL statements the app sends, by wrapping the client drizzle talks to. */
export interface StatementCounter {
  count: number;
  /** Calls to the client (execute or batch): each is a network round trip on libSQL over HTTP. */
  roundTrips: number;
}

/** The app in this process on a fresh libSQL file, with the engine the env names, for the deterministic benches. */
export async function inProcessApp(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'loop-coach-bench-'));
  const db: Db = await createDb(`file:${join(dir, 'bench.db')}`);
  await applyMigrations(db);
  const counter: StatementCounter = { count: 0, roundTrips: 0 };
  const client = db.$client as unknown as { execute: (...a: unknown[]) => Promise<unknown>; batch: (s: unknown[], m?: unknown) => Promise<unknown> };
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  client.execute = (...a) => {
    counter.count += 1;
    counter.roundTrips += 1;
    return execute(...a);
  };
  client.batch = (stmts, mode) => {
    counter.count += stmts.length;
    counter.roundTrips += 1;
    return batch(stmts, mode);
  };
  const config = parseConfig({ LOOP_COACH_RATE_LIMIT: '0', LOOP_COACH_MAX_TURNS: '10000', ...env });
  let time = Date.parse('2026-11-27T09:00:00Z');
  const now = () => (time += 1);
  const app = createApp({ config, db, engine: createEngine(config), now, newId: createIdGenerator(now), log: () => undefined });
  const json = async (path: string, init: RequestInit = {}) => {
    const res = await app.request(path, init);
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const { token } = (await json('/api/auth/guest', { method: 'POST' })) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    app,
    db,
    counter,
    headers,
    json,
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
