import type { EventRow } from '../../../db/events/events';
import { formatEventWhen } from '../events/format';
import type { Catalog, Locale } from '../../i18n';
import { textIn } from '../../components/content-language';

type CampaignEvent = Pick<
  EventRow,
  | 'id'
  | 'slug'
  | 'title'
  | 'contentLanguage'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'format'
  | 'city'
>;

/** On a campaign page: its upcoming published events, each in its own time zone. Nothing when there are none. */
export const CampaignEvents = (props: { t: Catalog; locale: Locale; events: CampaignEvent[] }) =>
  props.events.length === 0 ? null : (
    <section aria-labelledby="campaign-events-heading">
      <h2 id="campaign-events-heading">{props.t.events.campaignEventsHeading}</h2>
      <p>{props.t.events.campaignEventsIntro}</p>
      <ul class="event-list">
        {props.events.map((event) => (
          <li class="event-summary">
            <h3>
              <a href={`/events/${event.slug}`} {...textIn(event.contentLanguage)}>
                {event.title}
              </a>
            </h3>
            <p>
              {formatEventWhen(event, props.locale, props.t)}
              <br />
              {event.format === 'online' ? props.t.events.online : event.city}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
