import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { createNativeClient } from './native-client.js';
import * as schema from './schema.js';

export type Db = LibSQLDatabase<typeof schema> & { $client: Pick<Client, 'close' | 'execute' | 'protocol'> };

/**
 * The Node database: an embedded libSQL file (its directory created if missing) on the native
 * driver, or any remote libSQL URL over @libsql/client. The Worker makes its own with
 * `client-web.ts`, since Workers cannot load native code.
 */
export async function createDb(url: string, authToken?: string): Promise<Db> {
  const filePath = url.startsWith('file:') ? url.slice('file:'.length) : url === ':memory:' ? ':memory:' : undefined;
  if (filePath === undefined) return drizzle(createClient({ url, ...(authToken && { authToken }) }), { schema });
  if (filePath !== ':memory:') mkdirSync(dirname(filePath), { recursive: true });
  const client = createNativeClient(filePath);
  // WAL with synchronous=NORMAL drops the fsync on every commit and stays crash-safe for
  // committed transactions; SQLite leaves foreign keys off unless asked per connection.
  // secure_delete overwrites what a delete or an update frees with zeros, instead of leaving it
  // in free space where a copy of the file could still read it (see `checkpoint` in
  // queries/account.ts for the -wal file).
  await client.executeMultiple(
    'PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA secure_delete=ON;',
  );
  return drizzle(client, { schema });
}
