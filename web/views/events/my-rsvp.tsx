import type { EventRow } from '../../../db/events/events';
import type { RsvpRow } from '../../../db/events/rsvps';
import { Notice } from '../../components/form';
import { format, type Catalog, type Locale } from '../../i18n';
import { EventFacts } from './event';
import { textIn } from '../../components/content-language';

/** /rsvps/:token: one person's RSVP, reached only through the private link in their email. */
export const MyRsvpPage = (props: {
  t: Catalog;
  locale: Locale;
  token: string;
  rsvp: RsvpRow;
  event: EventRow;
  confirmedPlaces: number;
  waitlistPosition: number;
  open: boolean;
  notice?: string | undefined;
}) => {
  const { t, rsvp, event } = props;
  const e = t.events;
  const status =
    rsvp.status === 'confirmed'
      ? rsvp.places === 1
        ? e.myRsvpConfirmedOne
        : format(e.myRsvpConfirmed, { places: rsvp.places })
      : rsvp.status === 'waitlisted'
        ? format(e.myRsvpWaitlisted, { position: props.waitlistPosition })
        : e.myRsvpCancelled;
  return (
    <article>
      <h1>{e.myRsvpTitle}</h1>
      <Notice text={props.notice} />
      <h2>
        <a href={`/events/${event.id}`} {...textIn(event.contentLanguage)}>
{event.title}
</a>
      </h2>
      {event.status === 'cancelled' ? (
        <p class="notice">
          <strong>{e.cancelledNotice}</strong>
        </p>
      ) : null}
      <p>
        <strong>{status}</strong>
      </p>
      {rsvp.status === 'confirmed' && event.format === 'online' && event.status === 'published' && event.onlineUrl ? (
        <p>
          {e.joinLink}: <a href={event.onlineUrl} rel="noopener noreferrer">{event.onlineUrl}</a>
        </p>
      ) : null}
      <EventFacts t={t} locale={props.locale} event={event} confirmedPlaces={props.confirmedPlaces} />
      {props.open && rsvp.status !== 'cancelled' ? (
        <form method="post" action={`/rsvps/${props.token}/cancellation`}>
          <button type="submit" class="button-danger">
            {rsvp.status === 'waitlisted' ? e.cancelRsvpWaitlist : e.cancelRsvp}
          </button>
        </form>
      ) : null}
    </article>
  );
};
