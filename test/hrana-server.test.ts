import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient, LibsqlBatchError, LibsqlError, type Client } from '@libsql/client/web';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql/web';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHranaServer } from './support/hrana-server.js';

let dir: string;
let server: Awaited<ReturnType<typeof startHranaServer>>;
let client: Client;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hrana-server-test-'));
  server = await startHranaServer({ dbPath: path.join(dir, 'test.db') });
  client = createClient({ url: server.url });
});

afterAll(async () => {
  client?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function pipeline(body: unknown, url = server.url) {
  const res = await fetch(`${url}/v2/pipeline`, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, contentType: res.headers.get('content-type'), json: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test reads the reply shape it sent for
}

async function rejection(p: Promise<unknown>): Promise<LibsqlError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LibsqlError);
  return e as LibsqlError;
}

describe('hrana test server', () => {
  it('answers version probes so clients settle on v2 JSON', async () => {
    expect((await fetch(`${server.url}/v2`)).status).toBe(200);
    expect((await fetch(`${server.url}/v3`)).status).toBe(200);
    expect((await fetch(`${server.url}/v3-protobuf`)).status).toBe(404);
  });

  it('binds positional and named args (:name, @name, $name)', async () => {
    await client.execute('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)');
    await client.execute({ sql: 'INSERT INTO people (name, age) VALUES (?, ?)', args: ['ann', 31] });
    await client.execute({ sql: 'INSERT INTO people (name, age) VALUES (?2, ?1)', args: [32, 'bob'] });
    await client.execute({ sql: 'INSERT INTO people (name, age) VALUES (:name, :age)', args: { name: 'cid', age: 33 } });
    await client.execute({ sql: 'INSERT INTO people (name, age) VALUES (@name, @age)', args: { name: 'dee', age: 34 } });
    await client.execute({ sql: 'INSERT INTO people (name, age) VALUES ($name, $age)', args: { $name: 'eve', $age: 35 } });
    await client.execute({ sql: "INSERT INTO people (name, age) VALUES (:name, :name || '?')", args: { ':name': 'fay' } });

    const rs = await client.execute('SELECT name, age FROM people ORDER BY id');
    expect(rs.columns).toEqual(['name', 'age']);
    expect(rs.columnTypes).toEqual(['TEXT', 'INTEGER']);
    expect(rs.rows.map((r) => [r.name, r.age])).toEqual([
      ['ann', 31],
      ['bob', 32],
      ['cid', 33],
      ['dee', 34],
      ['eve', 35],
      ['fay', 'fay?'],
    ]);
  });

  it('refuses named args for SQL with `?` parameters instead of crashing', async () => {
    const e = await rejection(client.execute({ sql: 'SELECT ?, :a', args: { a: 1 } }));
    expect(e.code).toBe('ARGS_INVALID');
    expect((await client.execute('SELECT 1 AS one')).rows[0]?.one).toBe(1);
  });

  it('round-trips integer, float, text, null and blob values', async () => {
    await client.execute('CREATE TABLE vals (i INTEGER, f REAL, t TEXT, b BLOB, n)');
    const big = 9007199254740993n; // 2^53 + 1: not representable as a JS number
    await client.execute({
      sql: 'INSERT INTO vals VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)',
      args: [42, 1.5, 'héllo ✓', new Uint8Array([0, 1, 254, 255]), null, big, -0.25, '', new Uint8Array([]), 7],
    });

    const rs = await client.execute('SELECT i, f, t, b, n, typeof(i) AS ti, typeof(n) AS tn FROM vals ORDER BY rowid LIMIT 1');
    const row = rs.rows[0]!;
    expect(row.i).toBe(42);
    expect(row.f).toBe(1.5);
    expect(row.t).toBe('héllo ✓');
    expect([...new Uint8Array(row.b as ArrayBuffer)]).toEqual([0, 1, 254, 255]);
    expect(row.n).toBeNull();
    expect(row.ti).toBe('integer');

    // JS numbers travel as floats, so a column without INTEGER affinity stores REAL (as in sqld).
    const second = (await client.execute('SELECT n, typeof(n) AS tn, b FROM vals ORDER BY rowid LIMIT 1 OFFSET 1')).rows[0]!;
    expect([second.n, second.tn]).toEqual([7, 'real']);
    expect((second.b as ArrayBuffer).byteLength).toBe(0);

    // Default intMode 'number' refuses unsafe integers rather than rounding them...
    await expect(client.execute("SELECT i FROM vals WHERE typeof(f) = 'real' AND f < 0")).rejects.toThrow(RangeError);
    // ...and intMode 'bigint' reads them back exactly.
    const bigClient = createClient({ url: server.url, intMode: 'bigint' });
    try {
      const b = await bigClient.execute('SELECT i, f, 9223372036854775807 AS max, -9223372036854775808 AS min FROM vals WHERE f < 0');
      expect(b.rows[0]).toMatchObject({ i: big, f: -0.25, max: 9223372036854775807n, min: -9223372036854775808n });
      const echoed = await bigClient.execute({ sql: 'SELECT ? AS v, typeof(?) AS t', args: [big, big] });
      expect(echoed.rows[0]).toMatchObject({ v: big, t: 'integer' });
    } finally {
      bigClient.close();
    }
  });

  it('reports lastInsertRowid and rowsAffected, including RETURNING', async () => {
    await client.execute('CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT)');
    const ins = await client.execute({ sql: 'INSERT INTO items (id, label) VALUES (?, ?)', args: [10, 'a'] });
    expect(ins.rowsAffected).toBe(1);
    expect(ins.lastInsertRowid).toBe(10n);

    const ret = await client.execute("INSERT INTO items (label) VALUES ('b'), ('c') RETURNING id, label");
    expect(ret.rows.map((r) => [r.id, r.label])).toEqual([
      [11, 'b'],
      [12, 'c'],
    ]);
    expect(ret.rowsAffected).toBe(2);
    expect(ret.lastInsertRowid).toBe(12n);

    const upd = await client.execute("UPDATE items SET label = label || '!' WHERE id >= 11 RETURNING label");
    expect(upd.rows.map((r) => r.label)).toEqual(['b!', 'c!']);
    expect(upd.rowsAffected).toBe(2);

    expect((await client.execute('DELETE FROM items WHERE id > 10')).rowsAffected).toBe(2);
    expect((await client.execute('SELECT * FROM items')).rowsAffected).toBe(0);
    expect((await client.execute('CREATE TABLE ddl_only (x)')).rowsAffected).toBe(0);
  });

  it('commits a write batch', async () => {
    const results = await client.batch(
      [
        'CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)',
        { sql: 'INSERT INTO accounts (email) VALUES (?)', args: ['a@x'] },
        { sql: 'INSERT INTO accounts (email) VALUES (?)', args: ['b@x'] },
        'SELECT count(*) AS n FROM accounts',
      ],
      'write',
    );
    expect(results).toHaveLength(4);
    expect(results[2]?.lastInsertRowid).toBe(2n);
    expect(results[3]?.rows[0]?.n).toBe(2);
    expect((await client.execute('SELECT count(*) AS n FROM accounts')).rows[0]?.n).toBe(2);
  });

  it('rolls back a batch whose second statement fails, with a SQLite error code', async () => {
    const e = await rejection(
      client.batch(
        [
          { sql: 'INSERT INTO accounts (email) VALUES (?)', args: ['c@x'] },
          { sql: 'INSERT INTO accounts (email) VALUES (?)', args: ['a@x'] },
        ],
        'write',
      ),
    );
    expect(e).toBeInstanceOf(LibsqlBatchError);
    expect((e as LibsqlBatchError).statementIndex).toBe(1);
    // Same code as the embedded client's LibsqlError.code and as sqld.
    expect(e.code).toBe('SQLITE_CONSTRAINT');
    expect(e.message).toMatch(/UNIQUE constraint failed: accounts\.email/);
    const rs = await client.execute("SELECT count(*) AS n FROM accounts WHERE email = 'c@x'");
    expect(rs.rows[0]?.n).toBe(0);
    // The connection is back in autocommit mode: plain writes still work.
    await client.execute({ sql: 'INSERT INTO accounts (email) VALUES (?)', args: ['d@x'] });
  });

  it('runs every request in a pipeline, even after one fails', async () => {
    const { status, json } = await pipeline({
      baton: null,
      requests: [
        { type: 'execute', stmt: { sql: 'SELECT * FROM no_such_table' } },
        { type: 'execute', stmt: { sql: 'SELECT ? AS v', args: [{ type: 'integer', value: '5' }] } },
        { type: 'get_autocommit' },
        { type: 'close' },
      ],
    });
    expect(status).toBe(200);
    expect(json.baton).toBeNull();
    expect(json.results.map((r: { type: string }) => r.type)).toEqual(['error', 'ok', 'ok', 'ok']);
    expect(json.results[0].error).toMatchObject({ code: 'SQLITE_ERROR', message: expect.stringMatching(/no such table/) });
    expect(json.results[1].response.result.rows).toEqual([[{ type: 'integer', value: '5' }]]);
    expect(json.results[2].response).toEqual({ type: 'get_autocommit', is_autocommit: true });
  });

  it('keeps an interactive transaction across requests, commits one and rolls back another', async () => {
    await client.execute('CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)');

    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO ledger (amount) VALUES (?)', args: [100] });
    await tx.execute({ sql: 'INSERT INTO ledger (amount) VALUES (?)', args: [-30] });
    expect((await tx.execute('SELECT sum(amount) AS s FROM ledger')).rows[0]?.s).toBe(70);
    // Another stream has to wait for the transaction to finish rather than see its writes.
    let outsideDone = false;
    const outside = client.execute('SELECT count(*) AS n FROM ledger').then((rs) => {
      outsideDone = true;
      return rs;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(outsideDone).toBe(false);
    await tx.commit();
    expect((await outside).rows[0]?.n).toBe(2);

    const tx2 = await client.transaction('write');
    await tx2.execute({ sql: 'INSERT INTO ledger (amount) VALUES (?)', args: [999] });
    await tx2.batch([{ sql: 'UPDATE ledger SET amount = 0', args: [] }]);
    expect((await tx2.execute('SELECT sum(amount) AS s FROM ledger')).rows[0]?.s).toBe(0);
    await tx2.rollback();

    const rs = await client.execute('SELECT amount FROM ledger ORDER BY id');
    expect(rs.rows.map((r) => r.amount)).toEqual([100, -30]);
  });

  it('runs a SQL script with executeMultiple', async () => {
    await client.executeMultiple(`
      CREATE TABLE tags (name TEXT PRIMARY KEY);
      INSERT INTO tags VALUES ('x'); -- a comment; with a semicolon
      INSERT INTO tags VALUES ('y;z');
    `);
    const rs = await client.execute('SELECT name FROM tags ORDER BY name');
    expect(rs.rows.map((r) => r.name)).toEqual(['x', 'y;z']);
    await expect(client.executeMultiple('INSERT INTO tags VALUES (1); SELECT nope')).rejects.toBeInstanceOf(LibsqlError);
  });

  it('applies drizzle migrations through the libsql migrator, then queries with drizzle', async () => {
    const migrations = path.join(dir, 'migrations');
    await mkdir(path.join(migrations, 'meta'), { recursive: true });
    await writeFile(
      path.join(migrations, 'meta', '_journal.json'),
      JSON.stringify({
        version: '7',
        dialect: 'sqlite',
        entries: [{ idx: 0, version: '6', when: 1700000000000, tag: '0000_x', breakpoints: true }],
      }),
    );
    await writeFile(
      path.join(migrations, '0000_x.sql'),
      [
        'CREATE TABLE `notes` (\n\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n\t`body` text NOT NULL,\n\t`owner_id` integer NOT NULL,\n\tFOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade\n);\n',
        '\nCREATE INDEX `notes_owner_idx` ON `notes` (`owner_id`);',
      ].join('--> statement-breakpoint'),
    );

    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrations });
    await migrate(db, { migrationsFolder: migrations }); // already applied: a no-op

    const applied = await client.execute('SELECT hash, created_at FROM __drizzle_migrations');
    expect(applied.rows).toHaveLength(1);
    expect(applied.rows[0]?.created_at).toBe(1700000000000);

    const notes = sqliteTable('notes', {
      id: integer('id').primaryKey({ autoIncrement: true }),
      body: text('body').notNull(),
      ownerId: integer('owner_id').notNull(),
    });
    const [inserted] = await db.insert(notes).values({ body: 'hello', ownerId: 1 }).returning();
    expect(inserted).toEqual({ id: 1, body: 'hello', ownerId: 1 });
    expect(await db.select().from(notes).where(eq(notes.ownerId, 1))).toEqual([inserted]);
  });

  it('answers an unknown baton with HTTP 400 JSON, and the client surfaces it', async () => {
    const raw = await pipeline({ baton: 'not-a-baton', requests: [{ type: 'close' }] });
    expect(raw.status).toBe(400);
    expect(raw.contentType).toBe('application/json');
    expect(raw.json.code).toBe('STREAM_UNKNOWN');

    // A client whose later requests carry a baton the server never issued. Its real stream
    // is left holding a transaction, so use a server of its own that lets it idle out fast.
    const other = await startHranaServer({ dbPath: path.join(dir, 'baton.db'), idleTimeoutMs: 100 });
    const tampering = createClient({
      url: other.url,
      fetch: async (request: Request) => {
        const body = JSON.parse(await request.text()) as { baton: string | null };
        if (body.baton) body.baton = 'forged';
        return fetch(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify(body) });
      },
    });
    try {
      const tx = await tampering.transaction('write');
      await tx.execute('SELECT 1');
      const e = await rejection(tx.execute('SELECT 2'));
      expect(e.code).toBe('STREAM_UNKNOWN');
      tx.close();
      expect((await tampering.execute('SELECT 3 AS v')).rows[0]?.v).toBe(3);
    } finally {
      tampering.close();
      await other.close();
    }
  });

  it('expires an idle transaction: rolls it back, frees the lock, and refuses its baton', async () => {
    const other = await startHranaServer({ dbPath: path.join(dir, 'expiry.db'), idleTimeoutMs: 150 });
    const c = createClient({ url: other.url });
    try {
      await c.execute('CREATE TABLE t (x)');
      const tx = await c.transaction('write');
      await tx.execute('INSERT INTO t VALUES (1)');
      // Queued behind the transaction until it idles out, then sees its insert rolled back. (No
      // timing assertion: the idle clock starts on the server, before the client hears back, so a
      // busy machine makes any client-side bound flaky; the expired baton below proves the expiry.)
      expect((await c.execute('SELECT count(*) AS n FROM t')).rows[0]?.n).toBe(0);
      const e = await rejection(tx.execute('INSERT INTO t VALUES (2)'));
      expect(e.code).toBe('STREAM_EXPIRED');
      tx.close();
    } finally {
      c.close();
      await other.close();
    }
  });
});
