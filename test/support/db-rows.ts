import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

interface Table {
  name: string;
  columns: Array<{ name: string; type: string }>;
}

/**
 * The tables as the database itself lists them, so a table added later is covered without
 * editing the tests: every table but SQLite's and drizzle's bookkeeping. Read once per database.
 */
const known = new WeakMap<Db, Promise<Table[]>>();
function tables(db: Db): Promise<Table[]> {
  let found = known.get(db);
  if (!found) known.set(db, (found = readTables(db)));
  return found;
}

async function readTables(db: Db): Promise<Table[]> {
  const names = await db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`,
  );
  return Promise.all(
    names.map(async ({ name }) => ({ name, columns: await db.all<{ name: string; type: string }>(sql`select name, type from pragma_table_info(${name})`) })),
  );
}

/** Rows in each table that mention `id` in any text column: a user's whole footprint, found without knowing the schema. */
export async function rowsMentioning(db: Db, id: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await tables(db)) {
    const text = t.columns.filter((c) => /text/i.test(c.type));
    if (text.length === 0) continue;
    const where = sql.join(
      text.map((c) => sql`instr(${sql.identifier(c.name)}, ${id}) > 0`),
      sql` or `,
    );
    const [row] = await db.all<{ n: number }>(sql`select count(*) as n from ${sql.identifier(t.name)} where ${where}`);
    counts[t.name] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * Rows per table and owner (`user_id`, or the user's own id for `users`): what a rejected request
 * must leave exactly as it was. One query, so it can run after every request of a fuzz run.
 */
export async function rowsByOwner(db: Db): Promise<Record<string, number>> {
  const parts = (await tables(db)).map((t) => {
    const owner = t.columns.some((c) => c.name === 'user_id') ? sql.identifier('user_id') : t.name === 'users' ? sql.identifier('id') : sql`'*'`;
    return sql`select ${t.name} as tbl, ${owner} as owner, count(*) as n from ${sql.identifier(t.name)} group by 2`;
  });
  const rows = await db.all<{ tbl: string; owner: string; n: number }>(sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((r) => [`${r.tbl}:${r.owner}`, Number(r.n)]));
}

/**
 * The cheap form of `rowsByOwner` for checking after every request: each table's total, and the
 * rows of the given owners only (found through the owner indexes rather than grouping everything).
 */
export async function rowCounts(db: Db, owners: readonly string[]): Promise<Record<string, number>> {
  const parts = (await tables(db)).flatMap((t) => {
    const total = sql`select ${t.name} as tbl, '*' as owner, count(*) as n from ${sql.identifier(t.name)}`;
    const column = t.columns.some((c) => c.name === 'user_id') ? 'user_id' : t.name === 'users' ? 'id' : undefined;
    if (!column || owners.length === 0) return [total];
    const list = sql.join(
      owners.map((o) => sql`${o}`),
      sql`, `,
    );
    return [
      total,
      sql`select ${t.name} as tbl, ${sql.identifier(column)} as owner, count(*) as n from ${sql.identifier(t.name)} where ${sql.identifier(column)} in (${list}) group by 2`,
    ];
  });
  const rows = await db.all<{ tbl: string; owner: string; n: number }>(sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((r) => [`${r.tbl}:${r.owner}`, Number(r.n)]));
}
