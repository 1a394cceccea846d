import type { EventRow, OrganizerEvent } from '../../../db/events/events';
import type { RsvpRow } from '../../../db/events/rsvps';
import { ErrorSummary, Notice, TextArea, type FieldErrors } from '../../components/form';
import { formatEventWhen } from './format';
import { format, type Catalog, type Locale } from '../../i18n';
import { EmbedSnippet } from '../../components/embed-snippet';

type Status = EventRow['status'] | 'past';
const statusOf = (event: EventRow, now: Date): Status =>
  event.status !== 'cancelled' && event.endsAt <= now ? 'past' : event.status;

/** /organize/events: the organizer's own events with their counts. */
export const OrganizerEventsPage = (props: {
  t: Catalog;
  locale: Locale;
  events: OrganizerEvent[];
  now: Date;
  organizerId: string;
  notice?: string | undefined;
  /** The site's address, for the embed code (absolute: it goes on another site). */
  origin: string;
  siteName: string;
  /** Every language's strings, for the embed code's frame titles. */
  catalogs: Readonly<Record<Locale, Catalog>>;
}) => {
  const { t } = props;
  const e = t.events;
  return (
    <>
      <h1>{e.organizeTitle}</h1>
      <Notice text={props.notice} />
      <p class="lead">{e.organizeIntro}</p>
      <p>
        <a class="button button-primary" href="/organize/events/new">
          {e.newEvent}
        </a>
      </p>
      {props.events.length === 0 ? (
        <p>{e.noOwnEvents}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{e.organizeTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{e.colEvent}</th>
                <th scope="col">{e.colWhen}</th>
                <th scope="col">{e.statusLabel}</th>
                <th scope="col">{e.confirmedCount}</th>
                <th scope="col">{e.waitlistCount}</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((event) => (
                <tr>
                  <th scope="row">
                    <a href={`/organize/events/${event.id}`}>{event.title}</a>
                  </th>
                  <td>{formatEventWhen(event, props.locale, props.t)}</td>
                  <td>{e.statuses[statusOf(event, props.now)]}</td>
                  <td>{event.confirmedPlaces}</td>
                  <td>{event.waitlistedPlaces}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/organize/${props.organizerId}/events.ics`}>{e.myFeed}</a>
      </p>
      <p>
        <a
          href={`/events.atom?organizer=${props.organizerId}&lang=${props.locale}`}
          type="application/atom+xml"
        >
          {t.feeds.eventsLink}
        </a>
      </p>
      <EmbedSnippet
        t={t}
        catalogs={props.catalogs}
        id="events-embed"
        intro={t.embeds.snippetEventsIntro}
        src={`${props.origin}/embed/events?organizer=${props.organizerId}`}
        frameTitle={(their) => format(their.embeds.eventsFrameTitle, { site: props.siteName })}
        height={600}
      />
    </>
  );
};

/** /organize/events/:id: one event's state, actions, RSVPs and a message to attendees. */
export const ManageEventPage = (props: {
  t: Catalog;
  locale: Locale;
  event: EventRow;
  now: Date;
  trusted: boolean;
  rsvps: RsvpRow[];
  notice?: string | undefined;
  message?: string;
  errors?: FieldErrors;
}) => {
  const { t, event } = props;
  const e = t.events;
  const status = statusOf(event, props.now);
  const editable = status !== 'cancelled' && status !== 'past';
  const active = props.rsvps.filter((r) => r.status !== 'cancelled');
  return (
    <>
      <p>
        <a href="/organize/events">{e.organizeTitle}</a>
      </p>
      <h1>{event.title}</h1>
      <Notice text={props.notice} />
      <dl class="event-facts">
        <dt>{e.statusLabel}</dt>
        <dd>{e.statuses[status]}</dd>
        <dt>{e.when}</dt>
        <dd>{formatEventWhen(event, props.locale, props.t)}</dd>
      </dl>
      <div class="actions">
        <a href={`/events/${event.slug}`}>{e.view}</a>
        {editable ? <a href={`/organize/events/${event.id}/edit`}>{e.edit}</a> : null}
      </div>
      {status === 'draft' ? (
        <form method="post" action={`/organize/events/${event.id}/submission`}>
          <p class="hint">{props.trusted ? e.submitTrustedHint : e.submitHint}</p>
          <button type="submit" class="button-primary">
            {e.submit}
          </button>
        </form>
      ) : null}
      {editable ? (
        <form method="post" action={`/organize/events/${event.id}/cancellation`}>
          <p class="hint">{e.cancelEventHint}</p>
          <button type="submit" class="button-danger">
            {e.cancelEvent}
          </button>
        </form>
      ) : null}
      <h2>{e.rsvpsHeading}</h2>
      {props.rsvps.length === 0 ? (
        <p>{e.noRsvps}</p>
      ) : (
        <>
          <p>
            <a href={`/organize/events/${event.id}/rsvps.csv`}>{e.exportCsv}</a>
          </p>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{e.rsvpsHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{e.colName}</th>
                  <th scope="col">{e.colEmail}</th>
                  <th scope="col">{e.colPlaces}</th>
                  <th scope="col">{e.colStatus}</th>
                  <th scope="col">{e.colNeeds}</th>
                  <th scope="col">{e.colReminder}</th>
                </tr>
              </thead>
              <tbody>
                {props.rsvps.map((rsvp) => (
                  <tr>
                    <td>{rsvp.name ?? e.erased}</td>
                    <td>{rsvp.email ?? e.erased}</td>
                    <td>{rsvp.places}</td>
                    <td>{e.rsvpStatuses[rsvp.status]}</td>
                    <td class="pre-line">{rsvp.accessNeeds ?? ''}</td>
                    <td>{rsvp.wantsReminder ? e.yes : e.no}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {editable && active.length > 0 ? (
        <section aria-labelledby="message-heading">
          <h2 id="message-heading">{e.messageHeading}</h2>
          <ErrorSummary errors={props.errors ?? {}} title={t.forms.errorSummaryTitle} />
          <form method="post" action={`/organize/events/${event.id}/message`} novalidate>
            <TextArea
              name="message"
              label={e.messageLabel}
              hint={e.messageHint}
              value={props.message}
              error={props.errors?.message}
              maxLength={5000}
              rows={6}
              required
            />
            <button type="submit" class="button-primary">
              {e.messageSubmit}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
};
