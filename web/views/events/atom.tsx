import type { EventRow } from '../../../db/events/events';
import { atomFeed, type FeedLibrary } from '../../components/atom';
import { textIn } from '../../components/content-language';
import { format, type Catalog, type Locale } from '../../i18n';
import { formatEventWhen } from './format';
import { FEED_DESCRIPTION } from './ics';
import { whereText } from './summary';

/**
 * Upcoming events as Atom: what the public list shows of each (title, when, where, kind) and
 * the start of its description. The joining link of an online event is never included, nor
 * anything of the people coming. A cancelled event stays, as on the list, named as cancelled.
 */
export const eventsAtom = (props: {
  library: FeedLibrary;
  t: Catalog;
  locale: Locale;
  origin: string;
  selfUrl: string;
  pageUrl: string;
  title: string;
  events: readonly EventRow[];
}): string => {
  const { t, locale } = props;
  return atomFeed({
    library: props.library,
    selfUrl: props.selfUrl,
    pageUrl: props.pageUrl,
    title: props.title,
    language: locale,
    entries: props.events.map((event) => {
      const url = `${props.origin}/events/${event.id}`;
      const when = formatEventWhen(event, locale, t);
      const where =
        event.format === 'online'
          ? t.events.online
          : [event.address, event.city].filter(Boolean).join(', ');
      const about = `${whereText(t, event)} · ${t.events.categories[event.category]}`;
      const description =
        event.description.length > FEED_DESCRIPTION
          ? `${event.description.slice(0, FEED_DESCRIPTION)}…`
          : event.description;
      return {
        id: url,
        url,
        title:
          event.status === 'cancelled'
            ? format(t.feeds.cancelledTitle, { title: event.title })
            : event.title,
        updated: event.updatedAt,
        summary: `${when} · ${about}`,
        content: (
          <>
            <p>{when}</p>
            <p>{where}</p>
            <p>{t.events.categories[event.category]}</p>
            <p {...textIn(event.contentLanguage)}>{description}</p>
          </>
        ),
      };
    }),
  });
};
