import type { PublicEvent } from '../../../db/events/events';
import { format, type Catalog, type Locale } from '../../i18n';
import { followedQuery } from './feed-links';
import type { EventFilterValues } from './list';
import { EventSummary } from './summary';

/**
 * `/embed/events`: upcoming events for a partner's page, as the public list draws them. Links
 * open this site in a new tab (the embed layout's `<base target="_blank">`), and the page says so.
 */
export const EventsEmbed = (props: {
  t: Catalog;
  locale: Locale;
  siteName: string;
  filters: EventFilterValues;
  events: PublicEvent[];
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.embeds.eventsHeading}</h1>
      <p class="meta">{format(t.embeds.newTabNote, { site: props.siteName })}</p>
      <h2>
        {props.events.length === 1
          ? t.events.resultCountOne
          : format(t.events.resultCount, { count: props.events.length })}
      </h2>
      {props.events.length === 0 ? (
        <p>{t.events.noEvents}</p>
      ) : (
        <ul class="event-list">
          {props.events.map((event) => (
            <EventSummary t={t} locale={props.locale} event={event} />
          ))}
        </ul>
      )}
      <p>
        <a href={`/events${followedQuery(props.filters)}`} rel="noopener">
          {format(t.embeds.allEvents, { site: props.siteName })}
        </a>
      </p>
    </>
  );
};
