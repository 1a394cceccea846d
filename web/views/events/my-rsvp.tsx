import type { EventRow } from '../../../db/events/events';
import type { RsvpRow } from '../../../db/events/rsvps';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form';
import { format, type Catalog, type Locale } from '../../i18n';
import { EventFacts } from './event';
import { textIn } from '../../components/content-language';
import { RsvpDetailsFields, type RsvpValues } from './rsvp-panel';

/** What the change form holds: the RSVP as it is, or as the person last sent it. */
export type RsvpChangeValues = Omit<RsvpValues, 'email'>;

/** /rsvps/:token: one person's RSVP, reached only through the private link in their email. */
export const MyRsvpPage = (props: {
  t: Catalog;
  locale: Locale;
  token: string;
  rsvp: RsvpRow;
  event: EventRow;
  confirmedPlaces: number;
  waitlistPosition: number;
  /** Whether the RSVP may still be cancelled (until the event ends). */
  open: boolean;
  /** Whether it may still be changed (while the event takes RSVPs: published, not started). */
  changeable: boolean;
  notice?: string | undefined;
  /** The change form's values and errors, when it was sent with something to fix. */
  change?: { values: RsvpChangeValues; errors: FieldErrors } | undefined;
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
        <a href={`/events/${event.slug}`} {...textIn(event.contentLanguage)}>
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
      {rsvp.status === 'confirmed' &&
      event.format === 'online' &&
      event.status === 'published' &&
      event.onlineUrl ? (
        <p>
          {e.joinLink}:{' '}
          <a href={event.onlineUrl} rel="noopener noreferrer">
            {event.onlineUrl}
          </a>
        </p>
      ) : null}
      <EventFacts
        t={t}
        locale={props.locale}
        event={event}
        confirmedPlaces={props.confirmedPlaces}
      />
      {props.changeable && rsvp.status !== 'cancelled' ? (
        <ChangeForm
          t={t}
          token={props.token}
          values={
            props.change?.values ?? {
              name: rsvp.name ?? '',
              places: String(rsvp.places),
              accessNeeds: rsvp.accessNeeds ?? '',
              wantsReminder: rsvp.wantsReminder,
            }
          }
          errors={props.change?.errors ?? {}}
        />
      ) : null}
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

/** Name, places, needs and reminder, changed from the private link (the address never changes). */
const ChangeForm = (props: {
  t: Catalog;
  token: string;
  values: RsvpChangeValues;
  errors: FieldErrors;
}) => {
  const { t, values, errors } = props;
  const e = t.events;
  return (
    <section aria-labelledby="change-heading">
      <h2 id="change-heading">{e.changeRsvpHeading}</h2>
      <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
      <form method="post" action={`/rsvps/${props.token}/change`} novalidate>
        <TextField
          name="name"
          label={e.nameLabel}
          hint={e.nameHint}
          value={values.name}
          error={errors.name}
          maxLength={100}
          autocomplete="name"
          required
        />
        <RsvpDetailsFields t={t} values={values} errors={errors} />
        <button type="submit" class="button-primary">
          {e.changeRsvpSubmit}
        </button>
      </form>
    </section>
  );
};
