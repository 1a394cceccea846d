import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';
import * as schema from './schema';

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens a libsql database: `file:path` (the local default), `:memory:` for tests, or a remote
 * libsql server (`libsql://…` with an auth token). Creates the folder of a file database.
 */
export const openLibsqlDatabase = (url: string, authToken?: string): { db: Database; client: Client } => {
  if (url.startsWith('file:') && !url.startsWith('file::memory:')) {
    mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  }
  const client = createClient(authToken ? { url, authToken } : { url });
  return { db: drizzle(client, { schema }), client };
};

/** Applies every migration in db/migrations that this database has not seen yet. */
export const migrateLibsql = async (db: Database): Promise<void> => {
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
};
