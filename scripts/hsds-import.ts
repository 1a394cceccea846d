/**
 * npm run hsds:import -- <folder-or-file> — imports an HSDS 3.0 tabular package (a folder of
 * CSV files with datapackage.json), one CSV table, or a JSON document (a service, a list or Page
 * of services, an organization with its services) into the database at DATABASE_URL (default
 * file:data/hearth.db). Upserts by HSDS id: running it twice changes nothing. Every rejected row
 * is printed with its file, line (or JSON pointer) and reason; the rest is imported. An import
 * never marks anything verified. The search index is rebuilt at the end.
 * For D1, see README.md ("HSDS import into D1").
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { importHsdsRows, type ImportIssue } from '../db/hsds-import';
import { migrateLibsql, openLibsqlDatabase } from '../db/libsql';
import { readHsdsInput } from './hsds-read';

const path = process.argv[2];
if (!path || !existsSync(path)) {
  console.error('Usage: npm run hsds:import -- <folder-or-file>   (an HSDS 3.0 CSV package folder, a CSV table or a JSON file)');
  process.exit(2);
}
const where = (i: ImportIssue) => `${i.file}${i.line ? `:${i.line}` : ''}${i.at !== undefined ? ` ${i.at || '/'}` : ''}`;

const input = readHsdsInput(resolve(path));
for (const note of input.notes) console.log(`note: ${note}`);
const total = [...input.rows.values()].reduce((n, rows) => n + rows.length, 0);
const { db, client } = openLibsqlDatabase(process.env.DATABASE_URL ?? 'file:data/hearth.db', process.env.DATABASE_AUTH_TOKEN);
await migrateLibsql(db);

let written = 0;
let lastShown = 0;
const started = Date.now();
const result = await importHsdsRows(db, input.rows, {
  onProgress: (table, done, count) => {
    if (total < 1000) return;
    written += Math.min(100, count - (done - Math.min(100, done)));
    if (done === count || Date.now() - lastShown > 500) {
      lastShown = Date.now();
      const line = `importing ${table}: ${done}/${count} (all tables: ${Math.round((100 * Math.min(written, total)) / total)}%)`;
      if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(78)}`);
      else console.error(line);
    }
  },
});
if (total >= 1000 && process.stderr.isTTY) process.stderr.write('\n');

for (const issue of [...input.unreadable, ...result.rejected]) console.log(`rejected ${where(issue)}${issue.table ? ` (${issue.table})` : ''}: ${issue.reason}`);
for (const issue of result.warnings) console.log(`warning ${where(issue)} (${issue.table}): ${issue.reason}`);
const counts = Object.entries(result.counts)
  .filter(([, n]) => n.inserted + n.updated + n.rejected > 0)
  .map(([table, n]) => `${table} ${n.inserted} new, ${n.updated} updated${n.rejected ? `, ${n.rejected} rejected` : ''}`);
console.log(`HSDS import from ${resolve(path)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.join('; ') || 'nothing to import'}.`);
console.log(`${input.unreadable.length + result.rejected.length} rows rejected, ${result.warnings.length} warnings; search index rebuilt (${result.indexed} services).`);
client.close();
