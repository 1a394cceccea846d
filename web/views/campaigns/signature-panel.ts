import type { SignatureDisplay } from '../../../db/campaigns/signatures';
import { html } from 'hono/html';
import { ErrorSummary, type FieldErrors } from '../../components/form';
import { booleanAttribute } from '../../components/html-attributes';
import { TextArea, TextField } from '../../components/text-fields';
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

// prettier-ignore
const choice = (type: 'radio' | 'checkbox', id: string, name: string, value: string, checked: boolean, label: string) => html`<div class="choice"><input type="${type}" id="${id}" name="${name}" value="${value}"${booleanAttribute(checked, 'checked')}/><label for="${id}">${label}</label></div>`;

/**
 * The sign form and what replaces it. One fragment, used by the full page and by the htmx
 * reply: the form posts without JavaScript, and with htmx the answer swaps in place. An `html`
 * template, as the campaign page around it.
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
    // prettier-ignore
    return html`<section id="sign" class="sign-panel" aria-labelledby="sign-heading" tabindex="-1"><h2 id="sign-heading">${t.campaigns.checkEmailTitle}</h2><p role="status">${t.campaigns.checkEmailText}</p><p>${t.campaigns.checkEmailSpam}</p></section>`;
  }
  if (state.kind === 'closed') {
    // prettier-ignore
    return html`<section id="sign" class="sign-panel" aria-labelledby="sign-heading"><h2 id="sign-heading">${heading}</h2><p>${t.campaigns.notOpen}</p></section>`;
  }
  const values = state.values;
  const errors = state.errors ?? {};
  const display = values?.display || 'initials';
  const posts = `/campaigns/${props.campaignId}/signatures`;
  // prettier-ignore
  const target = props.embedAction ? html` action="${props.embedAction}" target="_self"` : html` action="${posts}" hx-post="${posts}" hx-target="#sign" hx-swap="outerHTML"`;
  const fields = [
    TextField({
      name: 'firstName',
      label: t.campaigns.firstNameLabel,
      value: values?.firstName,
      error: errors.firstName,
      autocomplete: 'given-name',
      maxLength: 80,
      required: true,
    }),
    TextField({
      name: 'lastName',
      label: t.campaigns.lastNameLabel,
      optionalLabel: t.forms.optional,
      value: values?.lastName,
      error: errors.lastName,
      autocomplete: 'family-name',
      maxLength: 80,
    }),
    TextField({
      name: 'email',
      type: 'email',
      label: t.campaigns.emailLabel,
      hint: t.campaigns.emailHint,
      value: values?.email,
      error: errors.email,
      autocomplete: 'email',
      inputmode: 'email',
      maxLength: 254,
      required: true,
    }),
    TextField({
      name: 'city',
      label: t.campaigns.cityLabel,
      optionalLabel: t.forms.optional,
      value: values?.city,
      error: errors.city,
      autocomplete: 'address-level2',
      maxLength: 80,
    }),
    props.isLetter
      ? TextArea({
          name: 'message',
          label: t.campaigns.letterLabel,
          hint: t.campaigns.letterHint,
          value: values ? values.message : props.suggestedLetter,
          error: errors.message,
          maxLength: 8000,
          rows: 10,
        })
      : TextArea({
          name: 'message',
          label: t.campaigns.commentLabel,
          optionalLabel: t.forms.optional,
          value: values?.message,
          error: errors.message,
          maxLength: 2000,
          rows: 3,
        }),
  ];
  const displays = DISPLAYS.map((option) =>
    choice(
      'radio',
      `display-${option.value}`,
      'display',
      option.value,
      display === option.value,
      option.label(t),
    ),
  );
  // prettier-ignore
  const displayError = errors.display ? html`<p class="error-message">${errors.display}</p>` : '';
  // prettier-ignore
  const displayField = html`<fieldset class="${errors.display ? 'field field-error' : 'field'}" id="field-display"><legend>${t.campaigns.displayLegend}</legend>${displayError}${displays}</fieldset>`;
  const choices = [
    choice(
      'checkbox',
      'field-wantsUpdates',
      'wantsUpdates',
      'yes',
      values?.wantsUpdates ?? false,
      t.campaigns.updatesLabel,
    ),
    choice(
      'checkbox',
      'field-shareEmail',
      'shareEmail',
      'yes',
      values?.shareEmail ?? false,
      t.campaigns.shareEmailLabel,
    ),
  ];
  // A trap for bots: hidden from people and assistive technology by CSS (display: none).
  // prettier-ignore
  const trap = html`<div class="trap"><label for="field-website">${t.campaigns.honeypotLabel}</label><input type="text" id="field-website" name="website" value="" tabindex="-1" autocomplete="off"/></div>`;
  const button = props.isLetter ? t.campaigns.sendLetterButton : t.campaigns.signButton;
  // prettier-ignore
  return html`<section id="sign" class="sign-panel" aria-labelledby="sign-heading"><h2 id="sign-heading">${heading}</h2><p>${t.campaigns.signIntro}</p>${ErrorSummary({ errors, title: t.forms.errorSummaryTitle })}<form method="post" novalidate=""${target}>${fields}${displayField}${choices}${trap}<button type="submit" class="button-primary">${button}</button></form></section>`;
};
