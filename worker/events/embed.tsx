import { Hono } from 'hono';
import { listUpcomingEvents } from '../../db/events/events';
import { EventsEmbed } from '../../web/views/events/embed';
import type { AppEnv } from '../env';
import { renderEmbed } from '../http/render';
import { queryLanguage } from '../middleware/locale';
import { eventQuery, readListFilters } from './filters';

/** Events in an embed: the soonest ones; the link under them leads to the rest. */
const EMBED_LIMIT = 20;

/**
 * `/embed/events`: upcoming events for a partner's website, framed there (http/embeds.ts lets
 * only `/embed/` be framed). Filters are the list page's (`?category=…&city=…&organizer=…`,
 * the same reader and query); the language is `?lang=`, else the visitor's.
 */
export const eventEmbedRoutes = new Hono<AppEnv>()
  .use('/embed/events', queryLanguage())
  .get('/embed/events', async function embed_events_get(c) {
    const t = c.get('t');
    const now = new Date();
    const filters = readListFilters(c, now);
    return renderEmbed(c, {
      title: t.embeds.eventsHeading,
      body: (
        <EventsEmbed
          t={t}
          locale={c.get('locale')}
          siteName={c.get('config').siteName}
          filters={filters}
          events={await listUpcomingEvents(c.get('db'), now, eventQuery(filters), EMBED_LIMIT)}
        />
      ),
    });
  });
