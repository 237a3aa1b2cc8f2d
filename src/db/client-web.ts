import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import type { Db } from './client.js';
import * as schema from './schema.js';

/** The Worker's database: libSQL over HTTP (Turso, sqld). No native code, no filesystem. */
export function createWebDb(url: string, authToken?: string): Db {
  return drizzle(createClient({ url, ...(authToken && { authToken }) }), { schema });
}
