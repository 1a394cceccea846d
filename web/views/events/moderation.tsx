import { formatEventWhen } from './format';
import type { Catalog, Locale } from '../../i18n';
import { textIn } from '../../components/content-language';
import { PageLinks, type PageHrefs } from '../../components/page-links';
import type { QueuedEvent } from '../../../db/events/review-queue';

/** The moderators' queue of events, shown on /moderation a page at a time. */
export const SubmittedEvents = (props: {
  t: Catalog;
  locale: Locale;
  events: QueuedEvent[];
  pages: PageHrefs;
}) => {
  const e = props.t.events;
  return (
    <>
      <h2 id="events">{e.moderationHeading}</h2>
      {props.events.length === 0 ? <p>{e.moderationNone}</p> : null}
      {props.events.map((event) => (
        <section class="queue-item" aria-labelledby={`event-${event.id}`}>
          <h3 id={`event-${event.id}`}>
            <a href={`/events/${event.slug}`} {...textIn(event.contentLanguage)}>
              {event.title}
            </a>
          </h3>
          <dl>
            <dt>{e.when}</dt>
            <dd>{formatEventWhen(event, props.locale, props.t)}</dd>
            <dt>{e.organizerLabel}</dt>
            <dd>{event.organizerEmail ?? ''}</dd>
            <dt>{e.details}</dt>
            <dd {...textIn(event.contentLanguage)}>{event.description}</dd>
          </dl>
          <div class="actions">
            <form
              method="post"
              action={`/moderation/events/${event.id}/approval`}
              class="inline-form"
            >
              <button type="submit" class="button-primary">
                {e.approve}
              </button>
            </form>
            <form
              method="post"
              action={`/moderation/events/${event.id}/decline`}
              class="inline-form"
            >
              <button type="submit">{e.decline}</button>
            </form>
            {event.organizerId ? (
              <form
                method="post"
                action={`/moderation/organizers/${event.organizerId}/trust`}
                class="inline-form"
              >
                <input type="hidden" name="event" value={event.id} />
                <button type="submit">{e.trust}</button>
              </form>
            ) : null}
          </div>
        </section>
      ))}
      <PageLinks t={props.t} label={e.moderationPagesLabel} {...props.pages} />
    </>
  );
};
