import { defineConfig } from 'drizzle-kit';

// One migrations folder for every driver: libsql applies it with drizzle's migrator,
// D1 with `wrangler d1 migrations apply` (and readD1Migrations in the workerd tests).
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema',
  out: './db/migrations',
});
