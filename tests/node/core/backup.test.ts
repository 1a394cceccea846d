import { sql } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDatabaseInto, integrityProblems } from '../../../db/core/backup';
import type { Database } from '../../../db/core/database';
import { migrateLibsql, openLibsqlDatabase, tuneLocalFile } from '../../../db/core/libsql';
import { seedDemoData } from '../../../db/demo/seed';
import { addSyntheticServices } from '../../bench/synthetic-directory';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs one of the scripts as `npm run db:…` would, on the database file given. */
const script = (name: string, args: string[], dbFile: string) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => resolve({ code, out }));
  });

/** Rows of every ordinary table (the full-text tables' own storage left out: its layout may differ). */
const tableCounts = async (db: Database): Promise<Record<string, number>> => {
  const tables = await db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'services_fts%' AND name NOT LIKE 'services_names_fts%' ORDER BY name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = (await db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM "${name}"`)))!.n;
  return counts;
};

/** The writer's rows in a database: the numbers of its services, and of their change-log rows. */
const writerRows = async (db: Database) => ({
  services: (
    await db.all<{ n: number }>(
      sql`SELECT CAST(substr(id, 10) AS INTEGER) AS n FROM services WHERE id LIKE 'backup-w-%' ORDER BY n`,
    )
  ).map((row) => row.n),
  changes: (
    await db.all<{ n: number }>(
      sql`SELECT CAST(substr(service_id, 10) AS INTEGER) AS n FROM resource_changes WHERE service_id LIKE 'backup-w-%' ORDER BY n`,
    )
  ).map((row) => row.n),
});

let dir: string;
let dbFile: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-backup-'));
  dbFile = join(dir, 'hearth.db');
  const { db, client } = openLibsqlDatabase(`file:${dbFile}`);
  await tuneLocalFile(client);
  await migrateLibsql(db);
  await seedDemoData(db);
  // A directory big enough that copying it is not over in an instant.
  await addSyntheticServices(db, 500, new Date());
  client.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run db:backup and db:restore', () => {
  it('back up a database being written to, and restore a consistent snapshot of it', async () => {
    // The writer: services one by one, as the moderators' form writes them (the service, its
    // place, an opening and its change-log row, in one batch), through its own connection,
    // from before the backup starts until after it ends. Every third service has no place and
    // no opening, as a service reached only by phone: its search row must still be the one a
    // rebuild makes, which db:restore checks.
    const { db, client } = openLibsqlDatabase(`file:${dbFile}`);
    await tuneLocalFile(client);
    // Every write stays in the log until the end: a copy of the database file alone (`cp`
    // while the server runs) would miss them, and this test would see it.
    await client.execute('PRAGMA wal_autocheckpoint = 0');
    const place = (await db.get<{ organization: string; location: string }>(
      sql`SELECT s.organization_id AS organization, sal.location_id AS location FROM services s JOIN service_at_location sal ON sal.service_id = s.id LIMIT 1`,
    ))!;
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const n = written + 1;
        const id = `backup-w-${n}`;
        const placed = n % 3 !== 0;
        await db.batch([
          db.run(
            sql`INSERT INTO services (id, organization_id, name, description, slug) VALUES (${id}, ${place.organization}, ${`Night kitchen ${n}`}, 'A hot meal and a quiet place to sit.', ${id})`,
          ),
          ...(placed
            ? [
                db.run(
                  sql`INSERT INTO service_at_location (id, service_id, location_id) VALUES (${`sal-${n}`}, ${id}, ${place.location})`,
                ),
                db.run(
                  sql`INSERT INTO schedules (id, service_id, location_id, byday, opens_at, closes_at) VALUES (${`hours-${n}`}, ${id}, ${place.location}, 'MO,WE', '18:00', '22:00')`,
                ),
              ]
            : []),
          db.run(
            sql`INSERT INTO resource_changes (id, service_id, changed_at, actor_role, action, changed_fields) VALUES (${`change-${n}`}, ${id}, ${Date.now()}, 'moderator', 'created', '[]')`,
          ),
        ]);
        written = n;
        // A steady trickle, not a flood: the backup shares two cores with it.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    while (written < 50) await new Promise((resolve) => setTimeout(resolve, 10));
    const backupFile = join(dir, 'backups', 'hearth-copy.db');
    const writtenBefore = written;
    const backup = await script('db-backup', [backupFile], dbFile);
    const writtenAfter = written;
    writing = false;
    await writer;
    expect(backup.out).toContain('Integrity check: ok');
    expect(backup.code).toBe(0);
    expect(statSync(backupFile).mode & 0o077).toBe(0);

    // The backup holds a prefix of the writes, each whole: the snapshot of one moment.
    const copy = openLibsqlDatabase(`file:${backupFile}`);
    const inBackup = await writerRows(copy.db);
    copy.client.close();
    const k = inBackup.services.length;
    expect(inBackup.services).toEqual(Array.from({ length: k }, (_, i) => i + 1));
    expect(inBackup.changes).toEqual(inBackup.services);
    // Everything written before the backup started is in it; nothing written after it ended.
    expect(k).toBeGreaterThanOrEqual(writtenBefore);
    expect(k).toBeLessThanOrEqual(writtenAfter);
    console.log(
      `db:backup: ${writtenBefore} writes done when it started, ${writtenAfter} when it ended; the backup holds the first ${k}`,
    );

    // Restored into a new file: checked, and its search index the same as a rebuild.
    const restoredFile = join(dir, 'restored.db');
    const restore = await script('db-restore', [backupFile, restoredFile], dbFile);
    expect(restore.out).toContain('Integrity check: ok');
    expect(restore.out).toContain('the same as in the backup');
    expect(restore.code).toBe(0);

    // Every table as in the database once the writes after the k-th are taken away.
    const snapshotFile = join(dir, 'snapshot.db');
    await copyDatabaseInto(db, snapshotFile);
    client.close();
    const snapshot = openLibsqlDatabase(`file:${snapshotFile}`);
    await snapshot.db.batch([
      snapshot.db.run(
        sql`DELETE FROM resource_changes WHERE service_id LIKE 'backup-w-%' AND CAST(substr(service_id, 10) AS INTEGER) > ${k}`,
      ),
      snapshot.db.run(
        sql`DELETE FROM services WHERE id LIKE 'backup-w-%' AND CAST(substr(id, 10) AS INTEGER) > ${k}`,
      ),
    ]);
    const restored = openLibsqlDatabase(`file:${restoredFile}`);
    expect(await integrityProblems(restored.db)).toEqual([]);
    expect(await tableCounts(restored.db)).toEqual(await tableCounts(snapshot.db));
    restored.client.close();
    snapshot.client.close();

    // A database already there is never overwritten without --replace.
    const before = readFileSync(restoredFile);
    const refused = await script('db-restore', [backupFile, restoredFile], dbFile);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('There is already a database');
    expect(readFileSync(restoredFile).equals(before)).toBe(true);
    expect(existsSync(`${restoredFile}.restoring`)).toBe(false);
  }, 120_000);
});
