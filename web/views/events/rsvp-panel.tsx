import { ErrorSummary, Notice, TextArea, TextField, type FieldErrors } from '../../components/form';
import type { Catalog } from '../../i18n';

export interface RsvpValues {
  name: string;
  email: string;
  places: string;
  accessNeeds: string;
  wantsReminder: boolean;
}

export const emptyRsvp: RsvpValues = {
  name: '',
  email: '',
  places: '1',
  accessNeeds: '',
  wantsReminder: true,
};

export interface RsvpPanelProps {
  t: Catalog;
  /** The event's readable address (`eventSlug`), which the form posts to. */
  eventSlug: string;
  /** Whether RSVPs are taken (published, not started); otherwise `closedText` says why. */
  open: boolean;
  closedText?: string | undefined;
  full: boolean;
  values: RsvpValues;
  errors?: FieldErrors;
  /** After a save: what happened, in words. */
  done?: string[] | undefined;
}

/** How many places, 1 to 5. */
const PlacesField = ({
  t,
  value,
  error,
}: {
  t: Catalog;
  value: string;
  error?: string | undefined;
}) => (
  <div class={error ? 'field field-error' : 'field'}>
    <label for="field-places">{t.events.placesLabel}</label>
    <p class="hint" id="hint-places">
      {t.events.placesHint}
    </p>
    {error ? (
      <p class="error-message" id="error-places">
        {error}
      </p>
    ) : null}
    <select
      id="field-places"
      name="places"
      aria-describedby={error ? 'hint-places error-places' : 'hint-places'}
    >
      {['1', '2', '3', '4', '5'].map((n) => (
        <option value={n} selected={value === n}>
          {n}
        </option>
      ))}
    </select>
  </div>
);

/** Places, access needs and the reminder: the same in the RSVP form and in the change form of the private page. */
export const RsvpDetailsFields = ({
  t,
  values,
  errors,
}: {
  t: Catalog;
  values: Pick<RsvpValues, 'places' | 'accessNeeds' | 'wantsReminder'>;
  errors: FieldErrors;
}) => (
  <>
    <PlacesField t={t} value={values.places} error={errors.places} />
    <TextArea
      name="accessNeeds"
      label={t.events.needsLabel}
      hint={t.events.needsHint}
      optionalLabel={t.forms.optional}
      value={values.accessNeeds}
      error={errors.accessNeeds}
      maxLength={1000}
      rows={3}
    />
    <div class="field checkbox">
      <input
        type="checkbox"
        id="field-wantsReminder"
        name="wantsReminder"
        value="yes"
        checked={values.wantsReminder}
      />
      <label for="field-wantsReminder">{t.events.reminderLabel}</label>
    </div>
  </>
);

/**
 * The RSVP form, or why there is none, or what happened. One fragment: the event page includes
 * it and an htmx submission gets it back alone. The form works without JavaScript.
 */
export const RsvpPanel = (props: RsvpPanelProps) => {
  const { t, values } = props;
  const e = t.events;
  return (
    <section id="rsvp-panel" aria-labelledby="rsvp-heading">
      <h2 id="rsvp-heading" tabindex={-1}>
        {e.rsvpHeading}
      </h2>
      {props.done ? props.done.map((line) => <Notice text={line} />) : null}
      {!props.open ? (
        <p>{props.closedText ?? e.rsvpClosed}</p>
      ) : props.done ? null : (
        <>
          <p>{props.full ? e.rsvpFullIntro : e.rsvpIntro}</p>
          <ErrorSummary errors={props.errors ?? {}} title={t.forms.errorSummaryTitle} />
          <form
            method="post"
            action={`/events/${props.eventSlug}/rsvp`}
            novalidate
            hx-post={`/events/${props.eventSlug}/rsvp`}
            hx-target="#rsvp-panel"
            hx-swap="outerHTML"
          >
            <TextField
              name="name"
              label={e.nameLabel}
              hint={e.nameHint}
              value={values.name}
              error={props.errors?.name}
              maxLength={100}
              autocomplete="name"
              required
            />
            <TextField
              name="email"
              type="email"
              label={e.emailLabel}
              hint={e.emailHint}
              value={values.email}
              error={props.errors?.email}
              maxLength={254}
              autocomplete="email"
              inputmode="email"
              required
            />
            <RsvpDetailsFields t={t} values={values} errors={props.errors ?? {}} />
            <button type="submit" class="button-primary">
              {props.full ? e.waitlistSubmit : e.rsvpSubmit}
            </button>
          </form>
        </>
      )}
    </section>
  );
};
