import type { EventCategory } from '../../../db/events/events';
import type { ListedEvent } from '../../../db/events/list-page';
import type { MonthOccurrence } from '../../../db/events/month';
import { PageLinks } from '../../components/page-links';
import { format, type Catalog, type Locale } from '../../i18n';
import { EventSummary } from './summary';
import { SelectField } from '../../components/form';
import { eventsFeedPath } from './feed-links';
import { eventsUrl } from './events-url';
import { MonthGrid } from './month-grid';

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
          previousHref={
            props.before ? eventsUrl(props.filters, {}, { before: props.before }) : null
          }
          nextHref={props.after ? eventsUrl(props.filters, {}, { after: props.after }) : null}
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
          href={eventsUrl(filters, { view: 'list' })}
          aria-current={filters.view === 'list' ? 'page' : undefined}
        >
          {t.events.listView}
        </a>
        <a
          href={eventsUrl(filters, { view: 'month' })}
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
