/**
 * npm run hsds:import -- <folder-or-file> — imports an HSDS 3.0 tabular package (a folder of
 * CSV files with datapackage.json), one CSV table, or a JSON document (a service, a list or Page
 * of services, an organization with its services) into the database at DATABASE_URL (default
 * file:data/hearth.db). Upserts by HSDS id: running it twice changes nothing. Every rejected row
 * is printed with its file, line (or JSON pointer) and reason; the rest is imported. An import
 * never marks anything verified. The search index is rebuilt at the end.
 *
 * --d1 imports into the local D1 database of `npm run dev` instead (through wrangler's
 * getPlatformProxy, after `wrangler d1 migrations apply DB --local`); --d1 --remote asks wrangler
 * for the deployed database through a remote binding (see README.md, "HSDS import into D1").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openD1Database } from '../db/core/d1';
import type { Database } from '../db/core/database';
import { importHsdsRows, type ImportIssue } from '../db/resources/hsds/import';
import { migrateLibsql, openLibsqlDatabase } from '../db/core/libsql';
import { readHsdsInput } from './hsds-read';

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--'));
const d1 = args.includes('--d1');
const remote = args.includes('--remote');
if (!path || !existsSync(path)) {
  console.error(
    'Usage: npm run hsds:import -- <folder-or-file> [--d1 [--remote]]   (an HSDS 3.0 CSV package folder, a CSV table or a JSON file)',
  );
  process.exit(2);
}

/** The database: libsql at DATABASE_URL, or D1 (local, or the deployed one) through wrangler. */
const open = async (): Promise<{ db: Database; close: () => Promise<void> }> => {
  if (!d1) {
    const { db, client } = openLibsqlDatabase(
      process.env.DATABASE_URL ?? 'file:data/hearth.db',
      process.env.DATABASE_AUTH_TOKEN,
    );
    await migrateLibsql(db);
    return { db, close: async () => client.close() };
  }
  const where = remote ? '--remote' : '--local';
  // The tables must exist first. Locally without questions; for the deployed database wrangler asks.
  execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', where], {
    stdio: 'inherit',
    env: remote ? process.env : { ...process.env, CI: 'true' },
  });
  const { getPlatformProxy } = await import('wrangler');
  let configPath: string | undefined;
  let temp: string | undefined;
  if (remote) {
    // A copy of wrangler.toml whose D1 binding is remote: wrangler then proxies it to the deployed database.
    temp = mkdtempSync(join(tmpdir(), 'hearth-d1-'));
    configPath = join(temp, 'wrangler.toml');
    writeFileSync(
      configPath,
      readFileSync('wrangler.toml', 'utf8')
        .replace(/(\[\[d1_databases\]\]\n)/, '$1remote = true\n')
        .replace(/^main = .*$/m, `main = "${resolve('worker/index.ts')}"`),
    );
  }
  const proxy = await getPlatformProxy<{ DB: D1Database }>(
    remote ? { configPath } : { persist: true },
  );
  return {
    db: openD1Database(proxy.env.DB),
    close: async () => {
      await proxy.dispose();
      if (temp) rmSync(temp, { recursive: true, force: true });
    },
  };
};
const where = (i: ImportIssue) =>
  `${i.file}${i.line ? `:${i.line}` : ''}${i.at !== undefined ? ` ${i.at || '/'}` : ''}`;

const input = readHsdsInput(resolve(path));
for (const note of input.notes) console.log(`note: ${note}`);
const total = [...input.rows.values()].reduce((n, rows) => n + rows.length, 0);
const { db, close } = await open();

const doneBy = new Map<string, number>();
let lastShown = 0;
const started = Date.now();
const result = await importHsdsRows(db, input.rows, {
  onProgress: (table, done, count) => {
    if (total < 1000) return;
    doneBy.set(table, done);
    const written = [...doneBy.values()].reduce((a, b) => a + b, 0);
    if (done === count || Date.now() - lastShown > 500) {
      lastShown = Date.now();
      const line = `importing ${table}: ${done}/${count} (all tables: ${Math.round((100 * Math.min(written, total)) / total)}%)`;
      if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(78)}`);
      else console.error(line);
    }
  },
});
if (total >= 1000 && process.stderr.isTTY) process.stderr.write('\n');

for (const issue of [...input.unreadable, ...result.rejected])
  console.log(`rejected ${where(issue)}${issue.table ? ` (${issue.table})` : ''}: ${issue.reason}`);
for (const issue of result.warnings)
  console.log(`warning ${where(issue)} (${issue.table}): ${issue.reason}`);
const counts = Object.entries(result.counts)
  .filter(([, n]) => n.inserted + n.updated + n.unchanged + n.rejected > 0)
  .map(
    ([table, n]) =>
      `${table} ${n.inserted} new, ${n.updated} updated, ${n.unchanged} unchanged${n.rejected ? `, ${n.rejected} rejected` : ''}`,
  );
console.log(
  `HSDS import from ${resolve(path)}${d1 ? (remote ? ' into the deployed D1 database' : ' into the local D1 database') : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.join('; ') || 'nothing to import'}.`,
);
console.log(
  `${input.unreadable.length + result.rejected.length} rows rejected, ${result.warnings.length} warnings; ${result.logged} resources changed (each has an "imported" row in its change log); search index rebuilt (${result.indexed} services).`,
);
await close();
