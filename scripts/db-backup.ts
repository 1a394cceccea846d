/**
 * npm run db:backup [-- <backup-file>] — a copy of the database at DATABASE_URL (default
 * file:data/hearth.db) taken while the server runs: no need to stop it. Without a file name the
 * copy goes to `backups/<name>-<UTC time>.db` beside the database. The copy is written under a
 * temporary name, checked (`PRAGMA integrity_check`), made readable by its owner only (it holds
 * emails), then given its name: a file with the backup's name is always a whole, checked copy.
 *
 * Exit codes: 0 done; 1 the backup failed (nothing left under the backup's name); 2 wrong usage.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fail, sqliteReason } from './cli';
import { copyDatabaseInto, integrityProblems } from '../db/core/backup';
import { localPath, openLibsqlDatabase } from '../db/core/libsql';

const args = process.argv.slice(2);
if (args.length > 1 || args.some((arg) => arg.startsWith('-')))
  fail('Usage: npm run db:backup [-- <backup-file>]', 2);

const url = process.env.DATABASE_URL ?? 'file:data/hearth.db';
const source = localPath(url);
if (source === null || source === ':memory:')
  fail(
    'DATABASE_URL is not a database file on this machine. A remote libsql server is backed up by its provider (for Turso, its point-in-time restore); D1 by Time Travel (see the README, "Backups").',
    2,
  );
const sourcePath = resolve(source!);
if (!existsSync(sourcePath)) fail(`There is no database at ${sourcePath}: nothing to back up.`);

/** 2026-05-01T09-30-00Z: sorts by time, and is a valid file name everywhere. */
const stamp = new Date()
  .toISOString()
  .replace(/\.\d+Z$/, 'Z')
  .replaceAll(':', '-');
const target = resolve(
  args[0] ??
    join(
      dirname(sourcePath),
      'backups',
      `${basename(sourcePath, extname(sourcePath))}-${stamp}.db`,
    ),
);
if (existsSync(target)) fail(`${target} already exists. Give another name for the backup.`);
mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
const partial = `${target}.partial`;
// Left by an earlier backup that was stopped half-way: never a backup.
rmSync(partial, { force: true });

const started = performance.now();
const { db, client } = openLibsqlDatabase(`file:${sourcePath}`);
try {
  await copyDatabaseInto(db, partial);
} catch (error) {
  rmSync(partial, { force: true });
  fail(`The backup failed (${sqliteReason(error)}).`);
} finally {
  client.close();
}

chmodSync(partial, 0o600);
const copy = openLibsqlDatabase(`file:${partial}`);
const problems = await integrityProblems(copy.db);
copy.client.close();
if (problems.length > 0) {
  rmSync(partial, { force: true });
  fail(`The copy failed its integrity check, so it was deleted:\n${problems.join('\n')}`);
}
renameSync(partial, target);

const megabytes = (statSync(target).size / 1024 / 1024).toFixed(1);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Backed up ${sourcePath} to ${target} (${megabytes} MB, ${seconds} s). Integrity check: ok.`,
);
console.log('It holds personal data: encrypt it and keep it off this machine (README, "Backups").');
