import type { EventRow } from '../../../db/events/events';
import { Notice } from '../../components/form';
import { formatEventWhen } from './format';
import type { Catalog, Locale } from '../../i18n';
import { RsvpPanel, type RsvpPanelProps } from './rsvp-panel';
import { placesText } from './summary';
import { textIn } from '../../components/content-language';

const ACCESS = ['stepFree', 'seating', 'interpretation', 'quietRoom', 'childcare'] as const;

/** The facts of an event, shared by the public page and the private RSVP page. */
export const EventFacts = (props: {
  t: Catalog;
  locale: Locale;
  event: EventRow;
  confirmedPlaces: number;
}) => {
  const { t, event } = props;
  const e = t.events;
  const access = ACCESS.filter((feature) => event[feature]);
  const languages = event.languages
    ? event.languages
        .split(',')
        .map((code) => e.languageNames[code as keyof typeof e.languageNames] ?? code)
    : [];
  return (
    <>
      <dl class="event-facts">
        <dt>{e.when}</dt>
        <dd>{formatEventWhen(event, props.locale, props.t)}</dd>
        <dt>{e.where}</dt>
        <dd>{event.format === 'online' ? e.online : event.city}</dd>
        {event.format === 'in_person' ? (
          <>
            <dt>{e.address}</dt>
            <dd>{event.address}</dd>
            {event.directions ? (
              <>
                <dt>{e.directions}</dt>
                <dd {...textIn(event.contentLanguage)}>{event.directions}</dd>
              </>
            ) : null}
          </>
        ) : null}
        <dt>{e.category}</dt>
        <dd>{e.categories[event.category]}</dd>
        {languages.length > 0 ? (
          <>
            <dt>{e.languages}</dt>
            <dd>{languages.join(', ')}</dd>
          </>
        ) : null}
        <dt>{e.cost}</dt>
        <dd>{event.cost || e.free}</dd>
        {event.status !== 'cancelled' ? (
          <>
            <dt>{e.places}</dt>
            <dd>{placesText(t, event.capacity, props.confirmedPlaces)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{e.accessibility}</h2>
      {access.length > 0 ? (
        <ul>
          {access.map((feature) => (
            <li>{e.accessFeatures[feature]}</li>
          ))}
        </ul>
      ) : event.accessNotes ? null : (
        <p>{e.accessNone}</p>
      )}
      {event.accessNotes ? (
        <p class="pre-line" {...textIn(event.contentLanguage)}>
          {event.accessNotes}
        </p>
      ) : null}
    </>
  );
};

/** /events/:id: everything about one event, and the RSVP form. */
export const EventPage = (props: {
  t: Catalog;
  locale: Locale;
  event: EventRow;
  confirmedPlaces: number;
  notPublic: boolean;
  past: boolean;
  /** The organizer's own page for this event, when they are the one reading. */
  manageHref?: string | undefined;
  /** The campaign the event is part of, when the public can see it. */
  campaign?: { id: string; title: string; language: string } | null | undefined;
  rsvp: Omit<RsvpPanelProps, 't' | 'eventSlug'>;
}) => {
  const { t, event } = props;
  const e = t.events;
  return (
    <article>
      <p>
        <a href="/events">{e.backToEvents}</a>
      </p>
      <h1 {...textIn(event.contentLanguage)}>{event.title}</h1>
      {props.campaign ? (
        <p>
          {e.partOfCampaign}{' '}
          <a href={`/campaigns/${props.campaign.id}`} {...textIn(props.campaign.language)}>
            {props.campaign.title}
          </a>
        </p>
      ) : null}
      {props.manageHref ? (
        <p>
          <a href={props.manageHref}>{e.manage}</a>
        </p>
      ) : null}
      {props.notPublic ? <Notice text={e.notPublicNotice} /> : null}
      {event.status === 'cancelled' ? (
        <p class="notice" role="status">
          <strong>{e.cancelledNotice}</strong>
        </p>
      ) : props.past ? (
        <Notice text={e.pastNotice} />
      ) : null}
      <div class="pre-line" {...textIn(event.contentLanguage)}>
        {event.description}
      </div>
      <h2>{e.details}</h2>
      <EventFacts
        t={t}
        locale={props.locale}
        event={event}
        confirmedPlaces={props.confirmedPlaces}
      />
      {event.format === 'online' ? <p>{e.onlineLinkNote}</p> : null}
      {props.notPublic ? null : (
        <p>
          <a href={`/events/${event.slug}.ics`}>{e.addToCalendar}</a>
        </p>
      )}
      <RsvpPanel t={t} eventSlug={event.slug} {...props.rsvp} />
    </article>
  );
};
