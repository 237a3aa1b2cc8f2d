import { defineConfig } from 'drizzle-kit';

// Only generates migrations from the schema; applying them is `npm run db:migrate` / Node start-up.
export default defineConfig({
  dialect: 'turso',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
