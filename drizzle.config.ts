import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline (`npm run db:generate`) and applied by the app's own
// migrator (server/db/migrate.ts), which loads PGlite's extensions; never by drizzle-kit migrate.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
  casing: 'snake_case',
});
