import type { Client, InArgs, InStatement, InValue, ResultSet, Row, Transaction, TransactionMode } from '@libsql/client';
import Database from 'libsql';

/**
 * A `@libsql/client` Client over libSQL's native driver, for the Node entry's embedded file.
 * `@libsql/client` prepares every statement again and builds rows slowly (about 0.7 ms per
 * role-play turn, measured); here each SQL text is prepared once on one connection and rows are
 * built cheaply. Drizzle drives it through the same `drizzle-orm/libsql` session, so the query
 * functions are the ones the Worker runs over HTTP.
 *
 * The driver is synchronous, so `execute` and `batch` run start to finish without yielding: a
 * batch is atomic with respect to every other request. Interactive transactions would let other
 * requests' statements interleave on the one connection, so `transaction()` refuses: use `batch`.
 */
// The driver's typings want a fixed parameter tuple; statements here take any positional list.
type Statement = ReturnType<InstanceType<typeof Database>['prepare']> & {
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
};
type Bindable = null | number | bigint | string | Buffer;

const MAX_CACHED_STATEMENTS = 500;
const VALUES = Symbol('values');

function toBindable(v: InValue | undefined): Bindable {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.valueOf();
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof ArrayBuffer) return Buffer.from(v);
  return v as Bindable;
}

function toArgs(args: InArgs | undefined): Bindable[] | Record<string, Bindable> {
  if (!args) return [];
  if (Array.isArray(args)) return args.map(toBindable);
  // Named arguments bind by bare name; the driver does not accept the :/@/$ prefix.
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k.replace(/^[:@$]/, ''), toBindable(v)]));
}

/** Rows like @libsql/client's: named columns enumerable, positions readable through the prototype. */
function rowPrototype(columns: readonly string[]): object {
  const proto: Record<string | number, unknown> = {};
  Object.defineProperty(proto, 'length', { value: columns.length, enumerable: false });
  columns.forEach((_, i) =>
    Object.defineProperty(proto, i, {
      get(this: { [VALUES]: unknown[] }) {
        return this[VALUES][i];
      },
      enumerable: false,
    }),
  );
  return proto;
}

function resultSet(columns: string[], columnTypes: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      columnTypes,
      rows: rows.map((r) => Array.prototype.slice.call(r)),
      rowsAffected,
      lastInsertRowid: lastInsertRowid?.toString() ?? null,
    }),
  };
}

export function createNativeClient(path: string): Client {
  const db = new Database(path);
  const cache = new Map<string, { stmt: Statement; proto?: object; columns?: string[]; columnTypes?: string[]; returning: boolean }>();

  const prepared = (sql: string) => {
    let entry = cache.get(sql);
    if (!entry) {
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
      const stmt = db.prepare(sql) as Statement;
      entry = { stmt, returning: /\breturning\b/i.test(sql) };
      if (stmt.reader) {
        const cols = stmt.columns();
        entry.columns = cols.map((c) => c.name);
        entry.columnTypes = cols.map((c) => c.type ?? '');
        entry.proto = rowPrototype(entry.columns);
        stmt.raw(true);
      }
      cache.set(sql, entry);
    }
    return entry;
  };

  const run = (input: InStatement | [string, InArgs?], extraArgs?: InArgs): ResultSet => {
    const [sql, args] = typeof input === 'string' ? [input, extraArgs] : Array.isArray(input) ? input : [input.sql, input.args];
    const entry = prepared(sql);
    const bound = toArgs(args);
    if (entry.proto && entry.columns && entry.columnTypes) {
      const raw = (Array.isArray(bound) ? entry.stmt.all(...bound) : entry.stmt.all(bound)) as unknown[][];
      const columns = entry.columns;
      const rows = raw.map((values) => {
        const row = Object.create(entry.proto as object) as Record<string, unknown> & { [VALUES]: unknown[] };
        row[VALUES] = values;
        for (let i = 0; i < columns.length; i++) row[columns[i] as string] = values[i];
        return row as unknown as Row;
      });
      return resultSet(columns, entry.columnTypes, rows, entry.returning ? rows.length : 0, undefined);
    }
    const info = Array.isArray(bound) ? entry.stmt.run(...bound) : entry.stmt.run(bound);
    return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
  };

  // Prepared once like every other statement: `exec` parses its SQL on each call.
  const control = (sql: string) => prepared(sql).stmt.run();
  const batch = (stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = 'deferred'): ResultSet[] => {
    control(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN DEFERRED');
    try {
      const results = stmts.map((s) => run(s));
      control('COMMIT');
      return results;
    } catch (err) {
      if (db.inTransaction) control('ROLLBACK');
      throw err;
    }
  };

  const client: Client = {
    async execute(stmt: InStatement | string, args?: InArgs) {
      return run(stmt, args);
    },
    async batch(stmts, mode) {
      return batch(stmts, mode);
    },
    async migrate(stmts) {
      // As @libsql/client does: migrations may rebuild tables, which foreign keys would block.
      db.exec('PRAGMA foreign_keys=OFF');
      try {
        return batch(stmts, 'deferred');
      } finally {
        db.exec('PRAGMA foreign_keys=ON');
      }
    },
    async transaction(): Promise<Transaction> {
      throw new Error('Interactive transactions are not supported on the shared native connection; use db.batch([...]).');
    },
    async executeMultiple(sql) {
      db.exec(sql);
    },
    async sync() {
      return undefined as never;
    },
    close() {
      cache.clear();
      if (db.open) db.close();
      client.closed = true;
    },
    reconnect() {
      throw new Error('reconnect is not supported by the native client');
    },
    closed: false,
    protocol: 'file',
  };
  return client;
}
