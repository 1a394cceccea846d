import type { ExportedSignature } from '../../../db/campaigns/stats';
import { spreadsheetCsv, type CsvWriter } from '../../components/csv';
import type { Catalog } from '../../i18n';

/** A campaign's signatures as CSV for delivery to its target, headings in the reader's language. */
export const signaturesCsv = (
  stringify: CsvWriter,
  t: Catalog,
  signatures: readonly ExportedSignature[],
): string =>
  spreadsheetCsv(
    stringify,
    [
      t.campaigns.csvName,
      t.campaigns.csvCity,
      t.campaigns.csvDate,
      t.campaigns.csvLetter,
      t.campaigns.csvEmail,
    ],
    signatures.map((s) => [s.name || t.campaigns.csvAnonymous, s.city, s.date, s.letter, s.email]),
  );
