import type { stringify } from 'csv-stringify/sync';

/**
 * csv-stringify's writer, as the export routes pass it: they load it on demand
 * (worker/on-demand.ts), so the Worker reads it only for an export.
 */
export type CsvWriter = typeof stringify;

/**
 * A cell a spreadsheet will not run: text starting with =, +, -, @ (or a tab or carriage
 * return, which some spreadsheets skip before reading a formula) gets a leading apostrophe,
 * as OWASP's advice on CSV injection says.
 */
export const neutraliseCell = (value: string): string =>
  /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/**
 * A CSV file for spreadsheets: RFC 4180 written by csv-stringify, every cell neutralised and
 * quoted, Windows line ends, and a byte-order mark so accents read correctly.
 */
export const spreadsheetCsv = (
  stringify: CsvWriter,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string =>
  '\ufeff' +
  stringify(
    [header, ...rows].map((row) => row.map(neutraliseCell)),
    { record_delimiter: 'windows', quoted: true, quoted_empty: true },
  );
