import type { EventCategory } from '../../../db/events/events';
import type { ListedEvent } from '../../../db/events/list-page';
import type { MonthOccurrence } from '../../../db/events/month';
import { PageLinks } from '../../components/page-links';
import { dayIn, formatDay, formatMonth, lastDayOf } from './format';
import { format, type Catalog, type Locale } from '../../i18n';
import { EventSummary } from './summary';
import { textIn } from '../../components/content-language';
import { SelectField } from '../../components/form';
import { eventsFeedPath } from './feed-links';

/** The filters as the query string carries them (the URL is the state). */
export interface EventFilterValues {
  view: 'list' | 'month';
  format: string;
  city: string;
  language: string;
  category: string;
  /** One organizer's events (an account id), set by the links an organizer shares; no control of its own. */
  organizer: string;
  from: string;
  to: string;
  /** YYYY-MM, month view only. */
  month: string;
}

export interface EventsPageProps {
  t: Catalog;
  locale: Locale;
  filters: EventFilterValues;
  cities: string[];
  languages: readonly string[];
  categories: readonly EventCategory[];
  /** One page of the list (a series once: `repeats`); empty in the month view. */
  events: ListedEvent[];
  /** The month's occurrences (up to MONTH_LIMIT); empty in the list view. */
  occurrences: MonthOccurrence[];
  /** The month has more occurrences than the grid shows. */
  moreInMonth?: boolean;
  /** The list's cursors of the next and previous pages (db/core/keyset.ts); null at either end. */
  after?: string | null;
  before?: string | null;
}

const query = (
  filters: EventFilterValues,
  change: Partial<EventFilterValues>,
  cursor: Record<string, string> = {},
): string => {
  const merged = { ...filters, ...change, ...cursor };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (
      value &&
      !(key === 'view' && value === 'list') &&
      !(key === 'month' && merged.view !== 'month')
    )
      params.set(key, value);
  }
  const text = params.toString();
  return text ? `/events?${text}` : '/events';
};

/** The filter form: a plain GET form; htmx swaps only the results and keeps the URL in step. */
const EventFilters = (props: EventsPageProps) => {
  const { t, filters } = props;
  const e = t.events;
  const active = !!(
    filters.format ||
    filters.city ||
    filters.language ||
    filters.category ||
    filters.from ||
    filters.to
  );
  return (
    // Folded on arrival so a phone shows events first; open when a filter is in use.
    <details class="filters" open={active}>
      <summary>{e.filtersHeading}</summary>
      <form
        method="get"
        action="/events"
        hx-get="/events"
        hx-target="#event-results"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        {filters.view === 'month' ? <input type="hidden" name="view" value="month" /> : null}
        {filters.organizer ? (
          <input type="hidden" name="organizer" value={filters.organizer} />
        ) : null}
        {filters.view === 'month' ? (
          <input type="hidden" name="month" value={filters.month} />
        ) : null}
        <SelectField
          name="format"
          label={e.filterFormat}
          value={filters.format}
          options={[
            ['', e.formatAny],
            ['in_person', e.formatInPerson],
            ['online', e.formatOnline],
          ]}
        />
        <SelectField
          name="city"
          label={e.filterCity}
          value={filters.city}
          options={[['', e.cityAny], ...props.cities.map((city): [string, string] => [city, city])]}
        />
        <SelectField
          name="language"
          label={e.filterLanguage}
          value={filters.language}
          options={[
            ['', e.languageAny],
            ...props.languages.map((code): [string, string] => [
              code,
              e.languageNames[code as keyof typeof e.languageNames] ?? code,
            ]),
          ]}
        />
        <SelectField
          name="category"
          label={e.filterCategory}
          value={filters.category}
          options={[
            ['', e.categoryAny],
            ...props.categories.map((c): [string, string] => [c, e.categories[c]]),
          ]}
        />
        {filters.view === 'list' ? (
          <>
            <div class="field">
              <label for="filter-from">{e.filterFrom}</label>
              <p class="hint" id="hint-from">
                {e.dateHint}
              </p>
              <input
                type="date"
                id="filter-from"
                name="from"
                value={filters.from}
                aria-describedby="hint-from"
              />
            </div>
            <div class="field">
              <label for="filter-to">{e.filterTo}</label>
              <p class="hint" id="hint-to">
                {e.dateHint}
              </p>
              <input
                type="date"
                id="filter-to"
                name="to"
                value={filters.to}
                aria-describedby="hint-to"
              />
            </div>
          </>
        ) : null}
        <div class="actions">
          <button type="submit" class="button-primary">
            {e.applyFilters}
          </button>
          <a
            href={
              filters.view === 'month' ? `/events?view=month&month=${filters.month}` : '/events'
            }
          >
            {e.clearFilters}
          </a>
        </div>
      </form>
    </details>
  );
};

/** The month as a real table: weekday column headers, one cell per day, events listed in it. */
const MonthGrid = (props: EventsPageProps) => {
  const { t, locale, filters } = props;
  const [year, month] = filters.month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  // An event is listed on every day it is on, as a paper calendar would show it: a reader looking
  // at the second day of a three-day event must find it there. Later days say "continued".
  const byDay = new Map<string, { event: MonthOccurrence; continued: boolean }[]>();
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
  return (
    <>
      {props.moreInMonth ? (
        <p class="hint">{format(t.events.monthTooFull, { count: props.occurrences.length })}</p>
      ) : null}
      <nav class="actions" aria-label={monthName}>
        <a href={query(filters, { month: shift(-1) })}>{t.events.previousMonth}</a>
        <a href={query(filters, { month: shift(1) })}>{t.events.nextMonth}</a>
      </nav>
      <div class="table-scroll">
        <table class="month-grid">
          <caption>{format(t.events.monthCaption, { month: monthName })}</caption>
          <thead>
            <tr>
              {t.events.weekdays.map((day, i) => (
                <th scope="col">
                  <abbr title={day}>{t.events.weekdaysShort[i]}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr>
                {week.map((day) => {
                  if (day === null) return <td class="outside"></td>;
                  const key = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
                  const todays = byDay.get(key) ?? [];
                  return (
                    <td>
                      <span class="day-number" aria-hidden="true">
                        {day}
                      </span>
                      <span class="visually-hidden">{formatDay(key, locale)}</span>
                      {todays.length > 0 ? (
                        <ul>
                          {todays.map(({ event, continued }) => (
                            <li>
                              <a href={`/events/${event.slug}`} {...textIn(event.contentLanguage)}>
                                {event.title}
                              </a>
                              {continued ? ` (${t.events.continuedBadge})` : null}
                              {event.status === 'cancelled'
                                ? ` (${t.events.cancelledBadge})`
                                : null}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

/** The swappable results: the list or the month grid. The full page and htmx both use it. */
export const EventResults = (props: EventsPageProps) => {
  const { t } = props;
  const count = props.filters.view === 'month' ? props.occurrences.length : props.events.length;
  const paged = !!(props.after || props.before);
  return (
    <section id="event-results" aria-labelledby="event-results-heading">
      <h2 id="event-results-heading" aria-live="polite">
        {paged
          ? format(t.events.resultCountPage, { count })
          : count === 1
            ? t.events.resultCountOne
            : format(t.events.resultCount, { count })}
      </h2>
      {props.filters.view === 'month' ? (
        <MonthGrid {...props} />
      ) : count === 0 ? (
        <p>{t.events.noEvents}</p>
      ) : (
        <ul class="event-list">
          {props.events.map((event) => (
            <EventSummary t={t} locale={props.locale} event={event} repeats={event.repeats} />
          ))}
        </ul>
      )}
      {props.filters.view === 'list' ? (
        <PageLinks
          t={t}
          label={t.events.pagesLabel}
          previousHref={props.before ? query(props.filters, {}, { before: props.before }) : null}
          nextHref={props.after ? query(props.filters, {}, { after: props.after }) : null}
        />
      ) : null}
    </section>
  );
};

/** /events: upcoming events as a list or a month, with filters. */
export const EventsPage = (props: EventsPageProps) => {
  const { t, filters } = props;
  return (
    <>
      <h1>{t.events.title}</h1>
      <p class="lead">{t.events.intro}</p>
      <nav class="actions" aria-label={t.events.viewLabel}>
        <a
          href={query(filters, { view: 'list' })}
          aria-current={filters.view === 'list' ? 'page' : undefined}
        >
          {t.events.listView}
        </a>
        <a
          href={query(filters, { view: 'month' })}
          aria-current={filters.view === 'month' ? 'page' : undefined}
        >
          {t.events.monthView}
        </a>
      </nav>
      <EventFilters {...props} />
      <EventResults {...props} />
      <ul class="feed-links">
        <li>
          <a href="/events.ics">{t.events.feedLink}</a>
        </li>
        <li>
          <a href={eventsFeedPath(filters, props.locale)} type="application/atom+xml">
            {t.feeds.eventsLink}
          </a>
        </li>
      </ul>
    </>
  );
};
