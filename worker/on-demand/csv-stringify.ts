// CSV exports for organizers: only the export routes load it.
export { stringify } from 'csv-stringify/sync';
