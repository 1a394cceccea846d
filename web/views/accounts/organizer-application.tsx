import { ErrorSummary, TextArea, TextField, type FieldErrors } from '../../components/form';
import type { Catalog } from '../../i18n';

export const ORGANIZATION_MAX = 200;
export const REASON_MAX = 2000;

/** The request to become an organizer; re-drawn with the person's words when it fails. */
export const OrganizerApplicationPage = (props: {
  t: Catalog;
  values?: { organizationName?: string; reason?: string };
  errors?: FieldErrors;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.organizerApplication.title}</h1>
      <p class="lead">{t.organizerApplication.intro}</p>
      <ErrorSummary errors={props.errors ?? {}} title={t.forms.errorSummaryTitle} />
      <form method="post" action="/account/organizer" novalidate>
        <TextField
          name="organizationName"
          label={t.organizerApplication.organizationLabel}
          hint={t.organizerApplication.organizationHint}
          value={props.values?.organizationName}
          error={props.errors?.organizationName}
          maxLength={ORGANIZATION_MAX}
          autocomplete="organization"
          required
        />
        <TextArea
          name="reason"
          label={t.organizerApplication.reasonLabel}
          hint={t.organizerApplication.reasonHint}
          value={props.values?.reason}
          error={props.errors?.reason}
          maxLength={REASON_MAX}
          required
        />
        <button type="submit" class="button-primary">
          {t.organizerApplication.submit}
        </button>
      </form>
    </>
  );
};
