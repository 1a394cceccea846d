import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { IMPORT_TABLE_NAMES, type ImportIssue, type SourceRow } from '../db/resources/hsds/import';
import { csvRows, jsonRows } from '../db/resources/hsds/import-source';

export interface HsdsInput {
  rows: Map<string, SourceRow[]>;
  /** Records that could not even be read (e.g. a CSV line with the wrong number of fields). */
  unreadable: ImportIssue[];
  /** Files or tables this platform does not store (contacts, funding, programs…), and notes. */
  notes: string[];
}

const add = (into: Map<string, SourceRow[]>, table: string, rows: SourceRow[]) => {
  if (!into.has(table)) into.set(table, []);
  into.get(table)!.push(...rows);
};

const readJson = (path: string, input: HsdsInput) => {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    input.unreadable.push({
      file: basename(path),
      line: null,
      table: '',
      reason: `not valid JSON: ${(error as Error).message}`,
    });
    return;
  }
  for (const [table, rows] of jsonRows(basename(path), document)) add(input.rows, table, rows);
};

const readCsv = (path: string, table: string, input: HsdsInput) => {
  if (!IMPORT_TABLE_NAMES.includes(table)) {
    input.notes.push(`${basename(path)}: not imported (Hearth has no ${table} table)`);
    return;
  }
  const { rows, problems } = csvRows(basename(path), readFileSync(path, 'utf8'));
  for (const p of problems) input.unreadable.push({ ...p, table });
  add(input.rows, table, rows);
};

/**
 * Reads an HSDS 3.0 tabular package (a folder of CSV files, described by datapackage.json when
 * it is readable, else by the file names), a single CSV file named after its table, or a JSON file.
 */
export const readHsdsInput = (path: string): HsdsInput => {
  const input: HsdsInput = { rows: new Map(), unreadable: [], notes: [] };
  if (!statSync(path).isDirectory()) {
    if (path.endsWith('.json')) readJson(path, input);
    else readCsv(path, basename(path).replace(/\.csv$/i, ''), input);
    return input;
  }
  let resources: { name: string; path: string }[] | undefined;
  const descriptor = join(path, 'datapackage.json');
  if (existsSync(descriptor)) {
    try {
      const parsed = JSON.parse(readFileSync(descriptor, 'utf8')) as {
        resources?: { name?: string; path?: string }[];
      };
      resources = (parsed.resources ?? [])
        .filter((r) => r.name && typeof r.path === 'string')
        .map((r) => ({ name: r.name!, path: r.path! }));
    } catch {
      input.notes.push('datapackage.json: not readable JSON, tables taken from the CSV file names');
    }
  }
  const files = readdirSync(path).sort();
  resources ??= files
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .map((f) => ({ name: f.replace(/\.csv$/i, ''), path: f }));
  for (const resource of resources) readCsv(join(path, resource.path), resource.name, input);
  if (resources.length === 0)
    for (const f of files.filter((f) => f.endsWith('.json') && f !== 'datapackage.json'))
      readJson(join(path, f), input);
  return input;
};
