import { stringify } from 'csv-stringify/sync';
import type { RsvpRow } from '../db/event-rsvps';
import type { Catalog } from './i18n';

/**
 * A cell a spreadsheet will not run: text starting with =, +, -, @ (or a tab or carriage
 * return, which some spreadsheets skip before reading a formula) gets a leading apostrophe,
 * as OWASP's CSV injection advice says.
 */
export const neutraliseCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The RSVPs of one event as CSV (RFC 4180, written by csv-stringify), headers in the reader's language. */
export const rsvpsCsv = (t: Catalog, rsvps: readonly RsvpRow[]): string => {
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
  const header = [e.colName, e.colEmail, e.colPlaces, e.colStatus, e.colNeeds, e.colReminder, 'created_at'];
  // A byte-order mark so spreadsheets read accents correctly.
  return '\ufeff' + stringify([header, ...rows.map((row) => row.map(neutraliseCell))], { record_delimiter: 'windows' });
};
