import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';

/*
 * The embedded database holds everything users wrote: its directory and files are the server
 * account's alone (SECURITY.md). SQLite gives the -wal and -shm files the database file's mode,
 * so they are checked as created by SQLite itself, after a write.
 */

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'loop-coach-modes-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('embedded database file permissions', () => {
  it('creates missing directories 0700 and the database, -wal and -shm files 0600', async () => {
    const dir = join(root, 'fresh', 'data');
    const file = join(dir, 'loop-coach.db');
    const db = await createDb(`file:${file}`);
    await applyMigrations(db);
    await db.run(sql`insert into users (id, kind, created_at) values ('usr_1', 'guest', 0)`);
    // Both files exist while the connection is open in WAL mode.
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(existsSync(`${file}-shm`)).toBe(true);
    expect({
      parent: mode(join(root, 'fresh')),
      dir: mode(dir),
      db: mode(file),
      wal: mode(`${file}-wal`),
      shm: mode(`${file}-shm`),
    }).toEqual({ parent: 0o700, dir: 0o700, db: 0o600, wal: 0o600, shm: 0o600 });
    db.$client.close();
  });

  it('tightens an existing database and the -wal and -shm files an older run left readable to others', async () => {
    const dir = join(root, 'existing');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const file = join(dir, 'loop-coach.db');
    const first = await createDb(`file:${file}`);
    await applyMigrations(first);
    first.$client.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      if (!existsSync(f)) writeFileSync(f, '');
      chmodSync(f, 0o644);
    }

    const again = await createDb(`file:${file}`);
    await again.run(sql`insert into users (id, kind, created_at) values ('usr_2', 'guest', 0)`);
    expect({ db: mode(file), wal: mode(`${file}-wal`), shm: mode(`${file}-shm`) }).toEqual({ db: 0o600, wal: 0o600, shm: 0o600 });
    // A directory that already existed is the operator's: it is left as it was.
    expect(mode(dir)).toBe(0o755);
    expect(await again.all<{ id: string }>(sql`select id from users order by id`)).toEqual([{ id: 'usr_2' }]);
    again.$client.close();
  });
});
