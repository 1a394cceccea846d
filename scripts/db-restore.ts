/**
 * npm run db:restore -- <backup-file> [<new-database-file>] [--replace]
 *
 * Restores a backup (from `npm run db:backup`) into a new database file: by default the file of
 * DATABASE_URL (default file:data/hearth.db). A file that exists is refused unless --replace
 * is given; then stop the server first, since it would go on writing to the file it had open.
 * The backup is copied under a temporary name, checked (`PRAGMA integrity_check`), brought up to
 * the current migrations (as the server would at start), its search index rebuilt and compared
 * with what it held, and only then given the database's name. The backup is never changed.
 *
 * Exit codes: 0 restored; 1 not restored (nothing changed at the database's name); 2 wrong usage.
 */
import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, sqliteReason } from './cli';
import { copyDatabaseInto, integrityProblems } from '../db/core/backup';
import { localPath, migrateLibsql, openLibsqlDatabase } from '../db/core/libsql';
import { rebuildSearchIndexAndCompare } from '../db/resources/search/fts-check';

const usage = 'Usage: npm run db:restore -- <backup-file> [<new-database-file>] [--replace]';

const args = process.argv.slice(2);
const replace = args.includes('--replace');
const files = args.filter((arg) => arg !== '--replace');
if (files.length < 1 || files.length > 2 || files.some((arg) => arg.startsWith('-')))
  fail(usage, 2);

const backup = resolve(files[0]!);
if (!existsSync(backup) || !statSync(backup).isFile())
  fail(`There is no backup file at ${backup}.`);
const url = process.env.DATABASE_URL ?? 'file:data/hearth.db';
const targetName = files[1] ?? localPath(url);
if (targetName === null || targetName === ':memory:')
  fail(
    'DATABASE_URL is not a database file on this machine: name the new file to restore into.',
    2,
  );
const target = resolve(targetName!);
if (target === backup) fail('The backup and the new database must be two different files.', 2);
if (existsSync(target) && !replace)
  fail(
    `There is already a database at ${target}. Restore into a new file, or add --replace to overwrite it (stop the server first).`,
  );

const work = `${target}.restoring`;
const discardWork = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
};
discardWork();

try {
  const source = openLibsqlDatabase(`file:${backup}`);
  try {
    await copyDatabaseInto(source.db, work);
  } finally {
    source.client.close();
  }
} catch (error) {
  discardWork();
  fail(`${backup} could not be read as a database backup (${sqliteReason(error)}).`);
}
chmodSync(work, 0o600);

const restored = openLibsqlDatabase(`file:${work}`);
const problems = await integrityProblems(restored.db);
if (problems.length > 0) {
  restored.client.close();
  discardWork();
  fail(`The backup failed its integrity check; nothing was restored:\n${problems.join('\n')}`);
}
await migrateLibsql(restored.db);
const search = await rebuildSearchIndexAndCompare(restored.db);
restored.client.close();

if (replace) for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
renameSync(work, target);

console.log(`Restored ${backup} into ${target}. Integrity check: ok.`);
const differed = Object.entries(search.differences);
console.log(
  differed.length === 0
    ? `Search index: rebuilt, and the same as in the backup (${search.services} services).`
    : `Search index: the backup's was out of step with its data (${differed.map(([part, rows]) => `${part}: ${rows} rows`).join(', ')}); it has been rebuilt (${search.services} services).`,
);
