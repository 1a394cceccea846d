import { html } from 'hono/html';
import type { EventRow } from '../../../db/events/events';
import type { SeriesPattern } from '../../../db/events/list-page';
import { dayIn, formatEventWhen } from './format';
import { format, type Catalog, type Locale } from '../../i18n';
import { textInAttributes } from '../../components/content-language';

/** Places still free as words: "3 places left", "Full: waitlist open", or no limit. */
export const placesText = (t: Catalog, capacity: number | null, confirmed: number): string => {
  if (capacity === null) return t.events.noLimit;
  const left = Math.max(0, capacity - confirmed);
  return left === 0
    ? t.events.fullBadge
    : left === 1
      ? t.events.placesLeftOne
      : format(t.events.placesLeft, { count: left });
};

/** Where, in a few words: "Online" or the city. */
export const whereText = (t: Catalog, event: Pick<EventRow, 'format' | 'city'>): string =>
  event.format === 'online' ? t.events.online : event.city;

/** How a series repeats, in words: "Every Sunday", "Every month on day 6", "On several dates". */
export const repeatsText = (
  t: Catalog,
  repeats: SeriesPattern,
  next: Pick<EventRow, 'startsAt' | 'timeZone'>,
): string => {
  if (repeats === 'dates') return t.events.repeatsOnDates;
  const day = dayIn(next.startsAt, next.timeZone);
  if (repeats === 'month') return format(t.events.repeatsMonthly, { day: Number(day.slice(8)) });
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday first
  return t.events.repeatsWeekly[weekday]!;
};

/** One event in the public list. */
/**
 * One event in the public list. An `html` template, as the month grid: the list draws a page
 * of them, each a few elements and a link in its own language.
 */
export const EventSummary = (props: {
  t: Catalog;
  locale: Locale;
  event: EventRow & { confirmedPlaces: number };
  /** For a series shown once: how it repeats (its date is then the next one). */
  repeats?: SeriesPattern | null;
}) => {
  const { t, event } = props;
  const cancelled = event.status === 'cancelled';
  const when = props.repeats
    ? `${repeatsText(t, props.repeats, event)} · ${format(t.events.nextDate, { when: formatEventWhen(event, props.locale, t) })}`
    : formatEventWhen(event, props.locale, t);
  // prettier-ignore
  const badge = cancelled ? html`<strong class="badge"> ${t.events.cancelledBadge}</strong>` : '';
  const places = cancelled ? '' : ` · ${placesText(t, event.capacity, event.confirmedPlaces)}`;
  // prettier-ignore
  return html`<li class="event-summary"><h3><a href="/events/${event.slug}"${textInAttributes(event.contentLanguage)}>${event.title}</a>${badge}</h3><p>${when}<br/>${whereText(t, event)} · ${t.events.categories[event.category]}${places}</p></li>`;
};
