import type { RsvpRow } from '../../../db/events/rsvps';
import { spreadsheetCsv, type CsvWriter } from '../../components/csv';
import type { Catalog } from '../../i18n';

export { neutraliseCell } from '../../components/csv';

/** The RSVPs of one event as CSV (RFC 4180, written by csv-stringify), headers in the reader's language. */
export const rsvpsCsv = (stringify: CsvWriter, t: Catalog, rsvps: readonly RsvpRow[]): string => {
  const e = t.events;
  const rows = rsvps.map((rsvp) => [
    rsvp.name ?? e.erased,
    rsvp.email ?? e.erased,
    String(rsvp.places),
    e.rsvpStatuses[rsvp.status],
    rsvp.accessNeeds ?? '',
    rsvp.wantsReminder ? e.yes : e.no,
    rsvp.createdAt.toISOString(),
  ]);
  const header = [
    e.colName,
    e.colEmail,
    e.colPlaces,
    e.colStatus,
    e.colNeeds,
    e.colReminder,
    'created_at',
  ];
  return spreadsheetCsv(stringify, header, rows);
};
