import type { Locale } from '../../i18n';
import type { EventFilterValues } from './list';

/** The filters a feed or an embed address carries: the list's, without dates or a month. */
const FOLLOWED = ['category', 'city', 'format', 'language', 'organizer'] as const;

/** The query string of the followed filters, in a fixed order, plus the language when given. */
export const followedQuery = (filters: EventFilterValues, locale?: Locale): string => {
  const params = new URLSearchParams();
  for (const key of FOLLOWED) if (filters[key]) params.set(key, filters[key]);
  if (locale) params.set('lang', locale);
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** The Atom feed of these filters, in this language: `/events.atom?category=vigil&lang=fr`. */
export const eventsFeedPath = (filters: EventFilterValues, locale: Locale) =>
  `/events.atom${followedQuery(filters, locale)}`;
