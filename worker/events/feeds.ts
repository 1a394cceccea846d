import { Hono, type Context } from 'hono';
import { listUpcomingEvents } from '../../db/events/events';
import { format } from '../../web/i18n';
import { eventsAtom } from '../../web/views/events/atom';
import { eventsFeedPath, followedQuery } from '../../web/views/events/feed-links';
import type { EventFilterValues } from '../../web/views/events/list';
import type { AppEnv } from '../env';
import { ATOM_TYPE, feedResponse } from '../http/feed-response';
import { siteOrigin } from '../http/site-origin';
import { queryLanguage } from '../middleware/locale';
import { eventQuery, readListFilters } from './filters';
import { loadFeed } from '../on-demand';

/** Entries in an events feed: the soonest ones, as in the calendar feed. */
const FEED_LIMIT = 200;

/** The feed's title names its filters in the reader's language: "Hearth: upcoming events (Vigil, Lyon)". */
export const eventsFeedTitle = (c: Context<AppEnv>, filters: EventFilterValues): string => {
  const t = c.get('t');
  const site = c.get('config').siteName;
  const parts = [
    filters.category
      ? t.events.categories[filters.category as keyof typeof t.events.categories]
      : '',
    filters.city,
    filters.format === 'online'
      ? t.events.formatOnline
      : filters.format
        ? t.events.formatInPerson
        : '',
    filters.language
      ? (t.events.languageNames[filters.language as keyof typeof t.events.languageNames] ?? '')
      : '',
    filters.organizer ? t.feeds.organizerFilter : '',
  ].filter(Boolean);
  return parts.length === 0
    ? format(t.feeds.eventsTitle, { site })
    : format(t.feeds.eventsTitleFiltered, { site, filters: parts.join(', ') });
};

/**
 * `/events.atom`: upcoming public events as an Atom feed, with the list page's filters
 * (`?category=…&city=…&organizer=…`, read by the same reader, answered by the same query) and
 * the language of `?lang=`. Public like the list: readers cannot sign in.
 */
export const eventFeedRoutes = new Hono<AppEnv>()
  .use('/events.atom', queryLanguage())
  .get('/events.atom', async function events_atom_get(c) {
    const filters = readListFilters(c, new Date());
    const list = await listUpcomingEvents(c.get('db'), new Date(), eventQuery(filters), FEED_LIMIT);
    const origin = siteOrigin(c);
    return feedResponse(c, {
      version: list.map((e) => `${e.id}:${e.status}:${e.updatedAt.getTime()}`).join(','),
      contentType: ATOM_TYPE,
      build: async () =>
        eventsAtom({
          library: await loadFeed(),
          t: c.get('t'),
          locale: c.get('locale'),
          origin,
          selfUrl: `${origin}${eventsFeedPath(filters, c.get('locale'))}`,
          pageUrl: `${origin}/events${followedQuery(filters)}`,
          title: eventsFeedTitle(c, filters),
          events: list,
        }),
    });
  });
