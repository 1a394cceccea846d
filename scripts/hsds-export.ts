/**
 * npm run hsds:export -- <folder> — writes the directory of the database at DATABASE_URL
 * (default file:data/hearth.db) as an HSDS 3.0 tabular package: one CSV per table and a
 * datapackage.json. Confidential addresses are left out.
 */
import { resolve } from 'node:path';
import { migrateLibsql, openLibsqlDatabase } from '../db/core/libsql';
import { exportHsdsTables } from '../db/resources/hsds/export';
import { writeHsdsPackage } from './hsds-package';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run hsds:export -- <folder>');
  process.exit(2);
}
const { db, client } = openLibsqlDatabase(
  process.env.DATABASE_URL ?? 'file:data/hearth.db',
  process.env.DATABASE_AUTH_TOKEN,
);
await migrateLibsql(db);
const tables = await exportHsdsTables(db);
writeHsdsPackage(resolve(folder), tables);
console.log(
  `HSDS package written to ${resolve(folder)}: ${tables.map((t) => `${t.path} (${t.rows.length})`).join(', ')}`,
);
client.close();
