import { createClient, LibsqlError } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';
import { LocalLibsqlClient, type DatabaseClient } from './libsql-local/client';
import * as schema from '../schema';

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/** Milliseconds a statement on a local file waits for another process's write lock (a script, a test). */
export const LOCAL_BUSY_TIMEOUT_MS = 5000;

/** Where a local database lives for the native binding: a file path, or `:memory:`. */
export const localPath = (url: string): string | null => {
  if (url === ':memory:' || url.startsWith('file::memory:')) return ':memory:';
  if (!url.startsWith('file:')) return null;
  // Not silently part of the file's name: @libsql/client refused unknown parameters too.
  if (url.includes('?'))
    throw new LibsqlError(
      `A local database URL takes no query parameters: ${url.slice(url.indexOf('?'))}`,
      'URL_PARAM_NOT_SUPPORTED',
    );
  // `file:///abs/path` and `file://localhost/abs/path` are URLs; `file:relative/path` is a path.
  return url.startsWith('file://')
    ? decodeURIComponent(new URL(url).pathname)
    : url.slice('file:'.length);
};

/**
 * Which client opens a local database: `local` (the default, `LocalLibsqlClient`) or `official`
 * (`@libsql/client`, as before the local client: one connection and the busy timeout), from
 * `LIBSQL_CLIENT`. The official one is the way back should the local client misbehave after
 * an upgrade of `libsql` or `@libsql/client`, and `npm run test:node:official` runs the Node
 * tests on it. Anything else is refused, not silently taken as the default.
 */
export type LocalClientChoice = 'local' | 'official';

export const localClientChoice = (setting: string | undefined): LocalClientChoice => {
  if (setting === undefined || setting === '' || setting === 'local') return 'local';
  if (setting === 'official') return 'official';
  throw new Error(`LIBSQL_CLIENT is "local" (the default) or "official", not "${setting}"`);
};

/**
 * Opens a libsql database: `file:path` (the local default), `:memory:` for tests, or a remote
 * libsql server (`libsql://…` with an auth token). Creates the folder of a file database.
 *
 * A local database (file or memory) goes through `LocalLibsqlClient`: one connection, each
 * statement prepared once and kept. `@libsql/client` would prepare every statement anew, and
 * for a file open up to 20 connections under concurrent requests, each with SQLite's defaults
 * whatever PRAGMAs the first was given; more connections buy nothing, since every statement
 * on a local database runs synchronously on Node's one thread. A remote server keeps
 * `@libsql/client`; so does a local database when `LIBSQL_CLIENT=official` (`localClient`).
 */
export const openLibsqlDatabase = (
  url: string,
  authToken?: string,
  localClient: LocalClientChoice = localClientChoice(process.env.LIBSQL_CLIENT),
): { db: Database; client: DatabaseClient } => {
  const path = localPath(url);
  if (path !== null && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client =
    path === null
      ? createClient({ url, ...(authToken ? { authToken } : {}) })
      : localClient === 'local'
        ? new LocalLibsqlClient(path, { timeout: LOCAL_BUSY_TIMEOUT_MS })
        : // One connection, so the PRAGMAs of tuneLocalFile hold for every statement.
          createClient({ url, concurrency: 1, timeout: LOCAL_BUSY_TIMEOUT_MS });
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
export const tuneLocalFile = async (client: DatabaseClient): Promise<void> => {
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = NORMAL');
};

/** Applies every migration in db/migrations that this database has not seen yet. */
export const migrateLibsql = async (db: Database): Promise<void> => {
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
};
