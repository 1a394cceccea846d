import { html } from 'hono/html';
import type { EventCategory } from '../../../db/events/events';
import type { ListedEvent } from '../../../db/events/list-page';
import type { MonthOccurrence } from '../../../db/events/month';
import { PageLinks } from '../../components/page-links';
import { format, type Catalog, type Locale } from '../../i18n';
import { EventSummary } from './summary';
import { SelectField } from '../../components/select-field';
import { booleanAttribute } from '../../components/html-attributes';
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

/** A hidden field of the filter form. */
// prettier-ignore
const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}"/>`;

/** A date filter (from, to) with its hint. */
const dateField = (name: 'from' | 'to', label: string, hint: string, value: string) =>
  // prettier-ignore
  html`<div class="field"><label for="filter-${name}">${label}</label><p class="hint" id="hint-${name}">${hint}</p><input type="date" id="filter-${name}" name="${name}" value="${value}" aria-describedby="hint-${name}"/></div>`;

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
  const month = filters.view === 'month';
  const selects = [
    SelectField({
      name: 'format',
      label: e.filterFormat,
      value: filters.format,
      options: [
        ['', e.formatAny],
        ['in_person', e.formatInPerson],
        ['online', e.formatOnline],
      ],
    }),
    SelectField({
      name: 'city',
      label: e.filterCity,
      value: filters.city,
      options: [['', e.cityAny], ...props.cities.map((city): [string, string] => [city, city])],
    }),
    SelectField({
      name: 'language',
      label: e.filterLanguage,
      value: filters.language,
      options: [
        ['', e.languageAny],
        ...props.languages.map((code): [string, string] => [
          code,
          e.languageNames[code as keyof typeof e.languageNames] ?? code,
        ]),
      ],
    }),
    SelectField({
      name: 'category',
      label: e.filterCategory,
      value: filters.category,
      options: [
        ['', e.categoryAny],
        ...props.categories.map((c): [string, string] => [c, e.categories[c]]),
      ],
    }),
  ];
  const dates =
    filters.view === 'list'
      ? [
          dateField('from', e.filterFrom, e.dateHint, filters.from),
          dateField('to', e.filterTo, e.dateHint, filters.to),
        ]
      : '';
  const clear = month ? `/events?view=month&month=${filters.month}` : '/events';
  // Folded on arrival so a phone shows events first; open when a filter is in use.
  // prettier-ignore
  return html`<details class="filters"${booleanAttribute(active, 'open')}><summary>${e.filtersHeading}</summary><form method="get" action="/events" hx-get="/events" hx-target="#event-results" hx-swap="outerHTML" hx-push-url="true">${month ? hidden('view', 'month') : ''}${filters.organizer ? hidden('organizer', filters.organizer) : ''}${month ? hidden('month', filters.month) : ''}${selects}${dates}<div class="actions"><button type="submit" class="button-primary">${e.applyFilters}</button><a href="${clear}">${e.clearFilters}</a></div></form></details>`;
};

/**
 * The swappable results: the list or the month grid. The full page and htmx both use it. An
 * `html` template, as the whole events page and the grid.
 */
export const EventResults = (props: EventsPageProps) => {
  const { t } = props;
  const count = props.filters.view === 'month' ? props.occurrences.length : props.events.length;
  const paged = !!(props.after || props.before);
  const heading = paged
    ? format(t.events.resultCountPage, { count })
    : count === 1
      ? t.events.resultCountOne
      : format(t.events.resultCount, { count });
  const shown =
    props.filters.view === 'month'
      ? MonthGrid(props)
      : count === 0
        ? html`<p>${t.events.noEvents}</p>`
        : // prettier-ignore
          html`<ul class="event-list">${props.events.map((event) => EventSummary({ t, locale: props.locale, event, repeats: event.repeats }))}</ul>`;
  const pages =
    props.filters.view === 'list'
      ? PageLinks({
          t,
          label: t.events.pagesLabel,
          previousHref: props.before
            ? eventsUrl(props.filters, {}, { before: props.before })
            : null,
          nextHref: props.after ? eventsUrl(props.filters, {}, { after: props.after }) : null,
        })
      : '';
  // prettier-ignore
  return html`<section id="event-results" aria-labelledby="event-results-heading"><h2 id="event-results-heading" aria-live="polite">${heading}</h2>${shown}${pages}</section>`;
};

/** ` aria-current="page"` on the link of the view shown. */
const currentIf = (on: boolean) => (on ? html` aria-current="page"` : '');

/** /events: upcoming events as a list or a month, with filters. */
export const EventsPage = (props: EventsPageProps) => {
  const { t, filters } = props;
  // prettier-ignore
  const views = html`<nav class="actions" aria-label="${t.events.viewLabel}"><a href="${eventsUrl(filters, { view: 'list' })}"${currentIf(filters.view === 'list')}>${t.events.listView}</a><a href="${eventsUrl(filters, { view: 'month' })}"${currentIf(filters.view === 'month')}>${t.events.monthView}</a></nav>`;
  // prettier-ignore
  const feeds = html`<ul class="feed-links"><li><a href="/events.ics">${t.events.feedLink}</a></li><li><a href="${eventsFeedPath(filters, props.locale)}" type="application/atom+xml">${t.feeds.eventsLink}</a></li></ul>`;
  // prettier-ignore
  return html`<h1>${t.events.title}</h1><p class="lead">${t.events.intro}</p>${views}${EventFilters(props)}${EventResults(props)}${feeds}`;
};
