import { stringify } from 'csv-stringify/sync';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HsdsTable } from '../db/resources/hsds/export';

/** Writes an HSDS tabular package: each table as RFC 4180 CSV (csv-stringify) and a datapackage.json. */
export const writeHsdsPackage = (folder: string, tables: HsdsTable[]): void => {
  mkdirSync(folder, { recursive: true });
  for (const table of tables) {
    writeFileSync(
      join(folder, table.path),
      stringify(table.rows, { header: true, columns: table.columns }),
    );
  }
  const datapackage = {
    name: 'hearth-resource-directory',
    profile: 'tabular-data-package',
    resources: tables.map((table) => ({
      name: table.name,
      path: table.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: { fields: table.columns.map((name) => ({ name })), primaryKey: 'id' },
    })),
  };
  writeFileSync(join(folder, 'datapackage.json'), `${JSON.stringify(datapackage, null, 2)}\n`);
};
