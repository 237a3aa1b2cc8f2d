import type { Client, InStatement, InValue, Row } from '@libsql/client';
import { type Column, is, Param, Placeholder, sql, type SQL } from 'drizzle-orm';
import { BaseSQLiteDatabase, SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.js';

/**
 * Statements drizzle writes once, for the requests that run on every turn. Building a query with
 * drizzle's builder and mapping its rows back costs more than the database does (measured in
 * `npm run bench -- --only turn`: about 0.9 ms of a 3.7 ms turn), so the hot queries are written
 * with the same builder and schema at start-up, with named placeholders, and run as plain SQL on
 * the libSQL client both entries share. Rows are decoded by the schema's own column mappers.
 */

// A drizzle instance with no session: it only writes SQL, never runs it.
const dialect = new SQLiteAsyncDialect();
const writer = new BaseSQLiteDatabase('async', dialect, {} as never, undefined);
export type Writer = typeof writer;

type Bind = (args: Record<string, unknown>) => InValue;

export interface Compiled<A extends Record<string, unknown>> {
  readonly sql: string;
  statement(args: A): InStatement;
}

export interface CompiledQuery<A extends Record<string, unknown>, R> extends Compiled<A> {
  /** Decodes one row of this statement's result. */
  decode(row: Row): R;
}

/**
 * A named argument stored in `column`, encoded as the column encodes its values (a Date for a
 * timestamp, an object for JSON). For `update().set()`, whose types take no placeholders.
 */
export function columnArg(column: Column, name: string): SQL {
  return sql`${new Param(sql.placeholder(name), column as never)}`;
}

function binder(param: unknown): Bind {
  if (is(param, Placeholder)) {
    const name = param.name as string;
    return (args) => args[name] as InValue;
  }
  if (is(param, Param) && is(param.value, Placeholder)) {
    const name = (param.value as Placeholder).name as string;
    const encoder = param.encoder;
    return (args) => {
      const v = args[name];
      return (v === null || v === undefined ? null : encoder.mapToDriverValue(v)) as InValue;
    };
  }
  return () => param as InValue;
}

/** A statement with named arguments (`sql.placeholder(name)` in the builder). */
export function compile<A extends Record<string, unknown>>(build: (w: Writer) => { toSQL(): { sql: string; params: unknown[] } } | SQL): Compiled<A> {
  const built = build(writer);
  const { sql, params } = 'toSQL' in built ? built.toSQL() : dialect.sqlToQuery(built);
  const binders = params.map(binder);
  return {
    sql,
    statement: (args) => ({ sql, args: binders.map((bind) => bind(args)) }),
  };
}

/**
 * A statement returning rows whose columns are `fields`, in that order (as `select(fields)` and
 * `returning(fields)` write them).
 */
export function compileQuery<A extends Record<string, unknown>, R>(
  fields: Record<string, Column>,
  build: (w: Writer) => { toSQL(): { sql: string; params: unknown[] } } | SQL,
): CompiledQuery<A, R> {
  const names = Object.keys(fields);
  const columns = Object.values(fields);
  return {
    ...compile<A>(build),
    decode(row) {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) {
        const v = row[i];
        out[names[i] as string] = v === null || v === undefined ? null : (columns[i] as Column).mapFromDriverValue(v);
      }
      return out as R;
    },
  };
}

function clientOf(db: Db): Client {
  return db.$client as unknown as Client;
}

export async function all<A extends Record<string, unknown>, R>(db: Db, query: CompiledQuery<A, R>, args: A): Promise<R[]> {
  const { rows } = await clientOf(db).execute(query.statement(args));
  return rows.map((r) => query.decode(r));
}

export async function first<A extends Record<string, unknown>, R>(db: Db, query: CompiledQuery<A, R>, args: A): Promise<R | undefined> {
  const { rows } = await clientOf(db).execute(query.statement(args));
  return rows[0] === undefined ? undefined : query.decode(rows[0]);
}

export async function run<A extends Record<string, unknown>>(db: Db, stmt: Compiled<A>, args: A): Promise<number> {
  return (await clientOf(db).execute(stmt.statement(args))).rowsAffected;
}

/** Several statements in one write transaction and one round trip; each result's rows, in order. */
export async function writeBatch(db: Db, statements: InStatement[]): Promise<Row[][]> {
  const results = await clientOf(db).batch(statements, 'write');
  return results.map((r) => r.rows);
}
