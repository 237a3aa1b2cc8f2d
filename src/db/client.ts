import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
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
  if (filePath !== ':memory:') ownerOnly(filePath);
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

/**
 * The database holds everything users wrote, so only the server's own account may read it: a
 * directory we create is 0700, and the database file is created (or tightened) to 0600 before
 * SQLite opens it. SQLite creates its -wal and -shm files with the database file's permissions;
 * ones left by an older run with wider ones are tightened too. An existing directory is left as it
 * is: it may be the working directory or one an operator set up on purpose.
 */
function ownerOnly(filePath: string): void {
  mkdirSync(dirname(filePath), { recursive: true, mode: 0o700 });
  closeSync(openSync(filePath, 'a', 0o600));
  for (const file of [filePath, `${filePath}-wal`, `${filePath}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}
