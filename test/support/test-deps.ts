import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import type { Deps, LogEntry } from '../../src/deps.js';
import { createIdGenerator } from '../../src/ids.js';
import { createLlmEngine } from '../../src/coach/engines/llm-engine.js';
import { createOfflineEngine } from '../../src/coach/engines/offline-engine.js';
import type { ChatModel } from '../../src/llm/chat-model.js';
import type { CoachEngine } from '../../src/coach/engine.js';

/** A fresh libSQL file in its own temp directory, migrated the way production migrates. */
export async function createTestDb(): Promise<{ db: Db; url: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'loop-coach-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = await createDb(url);
  await applyMigrations(db);
  return {
    db,
    url,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestDeps extends Deps {
  logs: LogEntry[];
  /** Moves the test clock. */
  advance: (ms: number) => void;
}

/**
 * Real parts (db file, the offline engine or one on `model`), a controllable clock, and logs kept
 * for assertions. The analyzer's budget clock stands still unless a test gives one
 * (`analysisClock`), so no analysis is cut short by how busy the machine is.
 */
export function testDeps(
  db: Db,
  overrides: { env?: Record<string, string>; model?: ChatModel; engine?: CoachEngine; analysisClock?: () => number } = {},
): TestDeps {
  let time = Date.parse('2026-11-27T09:00:00Z');
  const now = () => time;
  const logs: LogEntry[] = [];
  return {
    config: parseConfig({ LOOP_COACH_PROVIDER: 'offline', ...overrides.env }),
    db,
    engine: overrides.engine ?? (overrides.model ? createLlmEngine(overrides.model) : createOfflineEngine()),
    now,
    analysisClock: overrides.analysisClock ?? (() => 0),
    newId: createIdGenerator(now),
    log: (entry) => logs.push(entry),
    logs,
    advance: (ms) => {
      time += ms;
    },
  };
}
