import type { SignatureDisplay } from '../../../db/campaigns/signatures';
import { ErrorSummary, TextArea, TextField, type FieldErrors } from '../../components/form';
import type { Catalog } from '../../i18n';

export interface SignatureFormValues {
  firstName: string;
  lastName: string;
  email: string;
  city: string;
  message: string;
  display: string;
  wantsUpdates: boolean;
  shareEmail: boolean;
}

/** What the sign panel shows: the form (maybe with errors), "check your email", or closed. */
export type SignaturePanelState =
  | { kind: 'form'; values?: SignatureFormValues; errors?: FieldErrors }
  | { kind: 'sent' }
  | { kind: 'closed' };

const DISPLAYS: { value: SignatureDisplay; label: (t: Catalog) => string }[] = [
  { value: 'full', label: (t) => t.campaigns.displayFull },
  { value: 'initials', label: (t) => t.campaigns.displayInitials },
  { value: 'hidden', label: (t) => t.campaigns.displayHidden },
];

/**
 * The sign form and what replaces it. One fragment, used by the full page and by the htmx
 * reply: the form posts without JavaScript, and with htmx the answer swaps in place.
 */
export const SignaturePanel = (props: {
  t: Catalog;
  campaignId: string;
  isLetter: boolean;
  suggestedLetter: string;
  state: SignaturePanelState;
  /**
   * In a partner's embed: where the form posts (the embed's own address, so the answer stays in
   * the frame), without htmx, and `target="_self"` over the embed's `<base target="_blank">`.
   */
  embedAction?: string;
}) => {
  const { t, state } = props;
  const heading = props.isLetter ? t.campaigns.letterHeading : t.campaigns.signHeading;
  if (state.kind === 'sent') {
    return (
      <section id="sign" class="sign-panel" aria-labelledby="sign-heading" tabindex={-1}>
        <h2 id="sign-heading">{t.campaigns.checkEmailTitle}</h2>
        <p role="status">{t.campaigns.checkEmailText}</p>
        <p>{t.campaigns.checkEmailSpam}</p>
      </section>
    );
  }
  if (state.kind === 'closed') {
    return (
      <section id="sign" class="sign-panel" aria-labelledby="sign-heading">
        <h2 id="sign-heading">{heading}</h2>
        <p>{t.campaigns.notOpen}</p>
      </section>
    );
  }
  const values = state.values;
  const errors = state.errors ?? {};
  const display = values?.display || 'initials';
  return (
    <section id="sign" class="sign-panel" aria-labelledby="sign-heading">
      <h2 id="sign-heading">{heading}</h2>
      <p>{t.campaigns.signIntro}</p>
      <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
      <form
        method="post"
        novalidate
        {...(props.embedAction
          ? { action: props.embedAction, target: '_self' }
          : {
              action: `/campaigns/${props.campaignId}/signatures`,
              'hx-post': `/campaigns/${props.campaignId}/signatures`,
              'hx-target': '#sign',
              'hx-swap': 'outerHTML',
            })}
      >
        <TextField
          name="firstName"
          label={t.campaigns.firstNameLabel}
          value={values?.firstName}
          error={errors.firstName}
          autocomplete="given-name"
          maxLength={80}
          required
        />
        <TextField
          name="lastName"
          label={t.campaigns.lastNameLabel}
          optionalLabel={t.forms.optional}
          value={values?.lastName}
          error={errors.lastName}
          autocomplete="family-name"
          maxLength={80}
        />
        <TextField
          name="email"
          type="email"
          label={t.campaigns.emailLabel}
          hint={t.campaigns.emailHint}
          value={values?.email}
          error={errors.email}
          autocomplete="email"
          inputmode="email"
          maxLength={254}
          required
        />
        <TextField
          name="city"
          label={t.campaigns.cityLabel}
          optionalLabel={t.forms.optional}
          value={values?.city}
          error={errors.city}
          autocomplete="address-level2"
          maxLength={80}
        />
        {props.isLetter ? (
          <TextArea
            name="message"
            label={t.campaigns.letterLabel}
            hint={t.campaigns.letterHint}
            value={values ? values.message : props.suggestedLetter}
            error={errors.message}
            maxLength={8000}
            rows={10}
          />
        ) : (
          <TextArea
            name="message"
            label={t.campaigns.commentLabel}
            optionalLabel={t.forms.optional}
            value={values?.message}
            error={errors.message}
            maxLength={2000}
            rows={3}
          />
        )}
        <fieldset class={errors.display ? 'field field-error' : 'field'} id="field-display">
          <legend>{t.campaigns.displayLegend}</legend>
          {errors.display ? <p class="error-message">{errors.display}</p> : null}
          {DISPLAYS.map((option) => (
            <div class="choice">
              <input
                type="radio"
                id={`display-${option.value}`}
                name="display"
                value={option.value}
                checked={display === option.value}
              />
              <label for={`display-${option.value}`}>{option.label(t)}</label>
            </div>
          ))}
        </fieldset>
        <div class="choice">
          <input
            type="checkbox"
            id="field-wantsUpdates"
            name="wantsUpdates"
            value="yes"
            checked={values?.wantsUpdates ?? false}
          />
          <label for="field-wantsUpdates">{t.campaigns.updatesLabel}</label>
        </div>
        <div class="choice">
          <input
            type="checkbox"
            id="field-shareEmail"
            name="shareEmail"
            value="yes"
            checked={values?.shareEmail ?? false}
          />
          <label for="field-shareEmail">{t.campaigns.shareEmailLabel}</label>
        </div>
        {/* A trap for bots: hidden from people and assistive technology by CSS (display: none). */}
        <div class="trap">
          <label for="field-website">{t.campaigns.honeypotLabel}</label>
          <input
            type="text"
            id="field-website"
            name="website"
            value=""
            tabindex={-1}
            autocomplete="off"
          />
        </div>
        <button type="submit" class="button-primary">
          {props.isLetter ? t.campaigns.sendLetterButton : t.campaigns.signButton}
        </button>
      </form>
    </section>
  );
};
