import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';
import * as schema from './schema';

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Milliseconds a statement on a local file waits for another process's write lock (a script, a test). */
export const LOCAL_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a libsql database: `file:path` (the local default), `:memory:` for tests, or a remote
 * libsql server (`libsql://…` with an auth token). Creates the folder of a file database.
 *
 * A local file gets one connection. The client would otherwise open up to 20 under concurrent
 * requests, each with SQLite's defaults (a sync to disk at every commit, no busy timeout),
 * whatever PRAGMAs the first one was given; and more connections buy nothing here, since
 * every statement on a file runs synchronously on Node's one thread.
 */
export const openLibsqlDatabase = (url: string, authToken?: string): { db: Database; client: Client } => {
  const isFile = url.startsWith('file:') && !url.startsWith('file::memory:');
  if (isFile) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  const client = createClient({ url, ...(authToken ? { authToken } : {}), ...(isFile ? { concurrency: 1, timeout: LOCAL_BUSY_TIMEOUT_MS } : {}) });
  return { db: drizzle(client, { schema }), client };
};

/**
 * The settings `npm start` gives its database file. Write-ahead logging lets a reader go on
 * while a write commits. `synchronous = NORMAL` syncs the log at checkpoints rather than at
 * every commit: SQLite's advice with WAL. A crash of the app loses nothing committed and the
 * file never corrupts; a power cut may lose the last commits since the last checkpoint (a
 * signer's link would then say it expired, and they sign again). FULL would pay a disk sync
 * for each of the several writes of every request.
 */
export const tuneLocalFile = async (client: Client): Promise<void> => {
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = NORMAL');
};

/** Applies every migration in db/migrations that this database has not seen yet. */
export const migrateLibsql = async (db: Database): Promise<void> => {
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
};
