import { ConfigError, parseConfig } from '../config.js';
import { createDb } from '../db/client.js';
import { applyMigrations } from '../db/migrate.js';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, a local file or a remote
// libSQL server (the Worker's database, which cannot migrate itself without a filesystem).
try {
  const config = parseConfig(process.env);
  const db = await createDb(config.databaseUrl, config.databaseAuthToken);
  await applyMigrations(db);
  db.$client.close();
  console.log(`Migrations applied to ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
