import { ErrorSummary, TextArea, TextField, type FieldErrors } from '../../components/form';
import type { Catalog } from '../../i18n';

/**
 * The two ways a campaign ends, drawn the same for its organizer and for a moderator finishing
 * the campaign of a deleted account: a button to close it, and the delivery form (note and date).
 * `action` is the campaign's path in that area; each is shown only when the state allows it.
 */
export const CampaignEnding = (props: {
  t: Catalog;
  action: string;
  closable: boolean;
  deliverable: boolean;
  errors: FieldErrors;
  typed?: Record<string, string> | undefined;
}) => {
  const { t, errors } = props;
  return (
    <>
      {props.closable ? (
        <form method="post" action={`${props.action}/closure`} class="actions">
          <button type="submit" class="button-danger">
            {t.campaigns.close}
          </button>
        </form>
      ) : null}

      {props.deliverable ? (
        <section aria-labelledby="deliver-heading">
          <h2 id="deliver-heading">{t.campaigns.deliverHeading}</h2>
          {errors.deliveryNote || errors.deliveredOn ? (
            <ErrorSummary
              errors={{ deliveryNote: errors.deliveryNote, deliveredOn: errors.deliveredOn }}
              title={t.forms.errorSummaryTitle}
            />
          ) : null}
          <form method="post" action={`${props.action}/delivery`} novalidate>
            <TextArea
              name="deliveryNote"
              label={t.campaigns.deliveryNoteLabel}
              hint={t.campaigns.deliveryNoteHint}
              value={props.typed?.deliveryNote}
              error={errors.deliveryNote}
              maxLength={2000}
              rows={3}
              required
            />
            <TextField
              name="deliveredOn"
              label={t.campaigns.deliveredOnLabel}
              hint="YYYY-MM-DD"
              value={props.typed?.deliveredOn}
              error={errors.deliveredOn}
              maxLength={10}
              required
            />
            <button type="submit">{t.campaigns.deliver}</button>
          </form>
        </section>
      ) : null}
    </>
  );
};
