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

/** A week of opening hours, one row a day, today's row marked for sight and for screen readers. */
export const OpeningHours = ({ t, locale, hours, today, zone, labelledBy }: Props) => {
  const r = t.resources;
  const range = (h: ResourceHours) =>
    h.opensAt === h.closesAt
      ? r.allDay
      : format(r.timeRange, {
          opens: formatTime(h.opensAt, locale),
          closes: formatTime(h.closesAt, locale),
        });
  return (
    <>
      <table class="hours" aria-labelledby={labelledBy}>
        <tbody>
          {WEEK.map((day) => {
            const slots = hours.filter((h) => h.weekday === day);
            return (
              <tr
                class={day === today ? 'today' : undefined}
                aria-current={day === today ? 'date' : undefined}
              >
                <th scope="row">
                  {r.days[day]}
                  {day === today && <span class="today-label"> ({r.today})</span>}
                </th>
                <td>{slots.length ? slots.map(range).join(', ') : r.closed}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="hint">{format(r.hoursZone, { zone })}</p>
    </>
  );
};
