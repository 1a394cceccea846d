import { html } from 'hono/html';
import type { MonthOccurrence } from '../../../db/events/month';
import { textInAttributes } from '../../components/content-language';
import { format, type Catalog, type Locale } from '../../i18n';
import { eventsUrl } from './events-url';
import { dayIn, formatDay, formatMonth, lastDayOf } from './format';
import type { EventsPageProps } from './list';

type Listed = { event: MonthOccurrence; continued: boolean };

// Templates are kept on one line, as JSX writes elements: no whitespace between them.
// prettier-ignore
const listed = (t: Catalog, { event, continued }: Listed) => html`<li><a href="/events/${event.slug}"${textInAttributes(event.contentLanguage)}>${event.title}</a>${continued ? ` (${t.events.continuedBadge})` : ''}${event.status === 'cancelled' ? ` (${t.events.cancelledBadge})` : ''}</li>`;

// prettier-ignore
const dayCell = (t: Catalog, locale: Locale, day: number, key: string, todays: Listed[]) => html`<td><span class="day-number" aria-hidden="true">${day}</span><span class="visually-hidden">${formatDay(key, locale)}</span>${todays.length > 0 ? html`<ul>${todays.map((item) => listed(t, item))}</ul>` : ''}</td>`;

/**
 * The month as a real table: weekday column headers, one cell per day, events listed in it.
 * Written as an `html` template rather than JSX: some 35 cells of three elements each, and their
 * events, where hono's JSX makes an object of every element and looks up every attribute; the
 * template escapes every value it is given all the same.
 */
export const MonthGrid = (props: EventsPageProps) => {
  const { t, locale, filters } = props;
  const [year, month] = filters.month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  // An event is listed on every day it is on, as a paper calendar would show it: a reader looking
  // at the second day of a three-day event must find it there. Later days say "continued".
  const byDay = new Map<string, Listed[]>();
  const monthFirst = first.toISOString().slice(0, 10);
  const monthLast = new Date(Date.UTC(year, month - 1, days)).toISOString().slice(0, 10);
  for (const event of props.occurrences) {
    const firstDay = dayIn(event.startsAt, event.timeZone);
    const lastDay = lastDayOf(event);
    const from = firstDay > monthFirst ? firstDay : monthFirst;
    const to = lastDay < monthLast ? lastDay : monthLast;
    for (
      let at = Date.parse(`${from}T00:00:00Z`);
      at <= Date.parse(`${to}T00:00:00Z`);
      at += 86400_000
    ) {
      const day = new Date(at).toISOString().slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), { event, continued: day !== firstDay }]);
    }
  }
  const cells: (number | null)[] = [
    ...Array(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(year, month - 1 + delta, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const monthName = formatMonth(year, month, locale);
  const cell = (day: number | null) => {
    if (day === null) return html`<td class="outside"></td>`;
    const key = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return dayCell(t, locale, day, key, byDay.get(key) ?? []);
  };
  // prettier-ignore
  const tooFull = props.moreInMonth ? html`<p class="hint">${format(t.events.monthTooFull, { count: props.occurrences.length })}</p>` : '';
  // prettier-ignore
  const head = t.events.weekdays.map((day, i) => html`<th scope="col"><abbr title="${day}">${t.events.weekdaysShort[i]}</abbr></th>`);
  // prettier-ignore
  return html`${tooFull}<nav class="actions" aria-label="${monthName}"><a href="${eventsUrl(filters, { month: shift(-1) })}">${t.events.previousMonth}</a><a href="${eventsUrl(filters, { month: shift(1) })}">${t.events.nextMonth}</a></nav><div class="table-scroll"><table class="month-grid"><caption>${format(t.events.monthCaption, { month: monthName })}</caption><thead><tr>${head}</tr></thead><tbody>${weeks.map((week) => html`<tr>${week.map(cell)}</tr>`)}</tbody></table></div>`;
};
