import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/client.js';
import { applyMigrations, MIGRATIONS_FOLDER } from '../src/db/migrate.js';
import { createTestDb } from './support/test-deps.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'loop-coach-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONTENT_TABLES = ['auth_tokens', 'sessions', 'messages', 'drafts', 'critiques', 'relationships', 'relationship_entries', 'passkeys', 'recovery_codes'];

describe('migrations', () => {
  it('create every table, and every content table has user_id and created_at', async () => {
    const { db, cleanup } = await createTestDb();
    const tables = await db.all<{ name: string }>(
      sql`select name from sqlite_master where type = 'table' and name not like '\\_\\_%' escape '\\' and name not like 'sqlite_%'`,
    );
    // A passkey challenge belongs to no one until a sign-in finds its user.
    expect(tables.map((t) => t.name).sort()).toEqual([...CONTENT_TABLES, 'users', 'rate_limits', 'passkey_challenges'].sort());
    for (const table of CONTENT_TABLES) {
      const cols = await db.all<{ name: string; notnull: number }>(sql.raw(`pragma table_info(${table})`));
      expect(cols.find((c) => c.name === 'user_id')?.notnull, table).toBe(1);
      expect(cols.find((c) => c.name === 'created_at')?.notnull, table).toBe(1);
    }
    cleanup();
  });

  it('are idempotent, and data survives reopening the file', async () => {
    const url = `file:${join(dir, 'reopen.db')}`;
    const first = await createDb(url);
    await applyMigrations(first);
    await first.run(sql`insert into users (id, kind, created_at) values ('usr_1', 'guest', 0)`);
    first.$client.close();

    const second = await createDb(url);
    await applyMigrations(second);
    const rows = await second.all<{ id: string }>(sql`select id from users`);
    expect(rows).toEqual([{ id: 'usr_1' }]);
    second.$client.close();
  });

  it('match the schema: drizzle-kit finds nothing new to generate', async () => {
    const out = join(dir, 'generated');
    cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
    const config = join(dir, 'drizzle.config.json');
    // drizzle-kit prefixes `out` with "./", so it must be relative to the project.
    writeFileSync(config, JSON.stringify({ dialect: 'turso', schema: './src/db/schema.ts', out: relative(process.cwd(), out) }));
    const before = readdirSync(out).sort();
    const { stdout, stderr } = await run('npx', ['drizzle-kit', 'generate', '--config', config]);
    expect(stdout + stderr).toMatch(/No schema changes/i);
    expect(readdirSync(out).sort()).toEqual(before);
  }, 60_000);
});
