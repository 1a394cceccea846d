import { html } from 'hono/html';
import type { ResourceHours } from '../../../db/resources/types';
import type { Catalog, Locale } from '../../i18n';
import { format } from '../../i18n';
import { formatTime } from './format';

const WEEK = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

interface Props {
  t: Catalog;
  locale: Locale;
  hours: ResourceHours[];
  /** Today's weekday at the place (MO…SU), highlighted. */
  today: string;
  zone: string;
  /** Id of the heading that names the table. */
  labelledBy: string;
}

/**
 * A week of opening hours, one row a day, today's row marked for sight and for screen readers.
 * Written as an `html` template rather than JSX (seven rows a place, on every resource page);
 * the template escapes every value it is given all the same.
 */
export const OpeningHours = ({ t, locale, hours, today, zone, labelledBy }: Props) => {
  const r = t.resources;
  const range = (h: ResourceHours) =>
    h.opensAt === h.closesAt
      ? r.allDay
      : format(r.timeRange, {
          opens: formatTime(h.opensAt, locale),
          closes: formatTime(h.closesAt, locale),
        });
  const row = (day: (typeof WEEK)[number]) => {
    const slots = hours.filter((h) => h.weekday === day);
    const times = slots.length ? slots.map(range).join(', ') : r.closed;
    // prettier-ignore
    return day === today
      ? html`<tr class="today" aria-current="date"><th scope="row">${r.days[day]}<span class="today-label"> (${r.today})</span></th><td>${times}</td></tr>`
      : html`<tr><th scope="row">${r.days[day]}</th><td>${times}</td></tr>`;
  };
  // prettier-ignore
  return html`<table class="hours" aria-labelledby="${labelledBy}"><tbody>${WEEK.map(row)}</tbody></table><p class="hint">${format(r.hoursZone, { zone })}</p>`;
};
