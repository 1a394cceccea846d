import type { Context } from 'hono';
import { EVENT_CATEGORIES, EVENT_LANGUAGES, type EventFilters } from '../../db/events/events';
import type { EventFilterValues } from '../../web/views/events/list';
import type { AppEnv } from '../env';
import { cleanText } from '../http/fields';

const one = (value: string | undefined) => (value ?? '').slice(0, 200);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** An account id as `newId` makes them (base32, 24 characters); anything else filters nothing. */
const ORGANIZER = /^[a-z2-7]{24}$/;

/**
 * Reads the query string into filters; anything unknown is dropped, never an error. The list
 * page, its iCalendar and Atom feeds and the partner embed all read their filters here.
 */
export const readEventFilters = (c: Context<AppEnv>, now: Date): EventFilterValues => {
  const q = (name: string) => cleanText(one(c.req.query(name)));
  const month = MONTH.test(q('month')) ? q('month') : now.toISOString().slice(0, 7);
  return {
    view: q('view') === 'month' ? 'month' : 'list',
    format: ['in_person', 'online'].includes(q('format')) ? q('format') : '',
    city: q('city'),
    language: (EVENT_LANGUAGES as readonly string[]).includes(q('language')) ? q('language') : '',
    category: (EVENT_CATEGORIES as readonly string[]).includes(q('category')) ? q('category') : '',
    organizer: ORGANIZER.test(q('organizer')) ? q('organizer') : '',
    from: DAY.test(q('from')) && !Number.isNaN(Date.parse(q('from'))) ? q('from') : '',
    to: DAY.test(q('to')) && !Number.isNaN(Date.parse(q('to'))) ? q('to') : '',
    month,
  };
};

/** The filters as the public-events query takes them. */
export const eventQuery = (values: EventFilterValues): EventFilters => {
  const filters: EventFilters = {
    format: (values.format || undefined) as EventFilters['format'],
    city: values.city || undefined,
    language: values.language || undefined,
    category: (values.category || undefined) as EventFilters['category'],
    organizerId: values.organizer || undefined,
  };
  if (values.view === 'month') {
    const [year, month] = values.month.split('-').map(Number) as [number, number];
    // A day of margin each side: the grid places events by their own zone's date.
    filters.from = new Date(Date.UTC(year, month - 1, 0));
    filters.to = new Date(Date.UTC(year, month, 2));
  } else {
    if (values.from) filters.from = new Date(`${values.from}T00:00:00Z`);
    if (values.to) filters.to = new Date(Date.parse(`${values.to}T00:00:00Z`) + 86400_000);
  }
  return filters;
};

/** The filters a feed or an embed takes from its address: the list view's, never a month. */
export const readListFilters = (c: Context<AppEnv>, now: Date): EventFilterValues => ({
  ...readEventFilters(c, now),
  view: 'list',
});
