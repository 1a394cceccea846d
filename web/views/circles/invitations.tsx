import { contentLanguageName } from '../../components/content-language';
import {
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FieldErrors,
} from '../../components/form';
import { formatDate } from '../../components/format';
import { format, locales, type Catalog, type Locale } from '../../i18n';
import { CircleFrame, circlePath, type CirclePageContext } from './parts';

export interface PendingInvitation {
  id: string;
  addressHint: string;
  createdAt: Date;
  expiresAt: Date;
}

/** /circles/:id/invitations: invite one address (with the warning), and the ones waiting. */
export const InvitationsPage = (props: {
  context: CirclePageContext;
  timeZone: string;
  pending: PendingInvitation[];
  values: { email: string; personalNote: string; language: string };
  errors?: FieldErrors | undefined;
  noteMax: number;
}) => {
  const { t, locale, circleId } = props.context;
  const errors = props.errors ?? {};
  const path = circlePath(circleId, 'invitations');
  const when = (date: Date) => formatDate(date, locale, props.timeZone);
  return (
    <CircleFrame context={props.context} current="invitations" title={t.circles.invitationsTitle}>
      <p class="lead">{t.circles.invitationsIntro}</p>
      <p class="notice-box" id="invite-warning">
        {t.circles.inviteWarning}
      </p>
      <form method="post" action={path} novalidate aria-describedby="invite-warning">
        <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
        <TextField
          name="email"
          type="email"
          label={t.circles.inviteEmailLabel}
          value={props.values.email}
          error={errors.email}
          autocomplete="off"
          inputmode="email"
          maxLength={254}
          required
        />
        <TextArea
          name="personalNote"
          label={t.circles.inviteNoteLabel}
          hint={t.circles.inviteNoteHint}
          value={props.values.personalNote}
          error={errors.personalNote}
          maxLength={props.noteMax}
          rows={3}
        />
        <SelectField
          name="language"
          label={t.circles.inviteLanguageLabel}
          hint={t.circles.inviteLanguageHint}
          value={props.values.language}
          error={errors.language}
          options={locales.map((code): [string, string] => [code, contentLanguageName(t, code)])}
        />
        <button type="submit" class="button-primary">
          {t.circles.inviteButton}
        </button>
      </form>
      <h2>{t.circles.pendingHeading}</h2>
      {props.pending.length === 0 ? (
        <p>{t.circles.pendingEmpty}</p>
      ) : (
        <ul>
          {props.pending.map((invitation) => (
            <li>
              {format(t.circles.pendingLine, {
                address: invitation.addressHint,
                sent: when(invitation.createdAt),
                expires: when(invitation.expiresAt),
              })}
              <form method="post" action={`${path}/${invitation.id}/revocation`}>
                <button type="submit">
                  {format(t.circles.revokeButton, { address: invitation.addressHint })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </CircleFrame>
  );
};

/** /circles/invitations/:token for the invited account: choose a name, and join. Names nobody. */
export const JoinPage = (props: {
  t: Catalog;
  action: string;
  displayName: string;
  error?: string | undefined;
  nameMax: number;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.circles.joinTitle}</h1>
      <p class="lead">{t.circles.joinIntro}</p>
      <form method="post" action={props.action} novalidate>
        <ErrorSummary errors={{ displayName: props.error }} title={t.forms.errorSummaryTitle} />
        <TextField
          name="displayName"
          label={t.circles.displayNameLabel}
          hint={t.circles.joinNameHint}
          value={props.displayName}
          error={props.error}
          maxLength={props.nameMax}
          autocomplete="off"
          required
        />
        <button type="submit" class="button-primary">
          {t.circles.joinButton}
        </button>
      </form>
    </>
  );
};

/** The one answer for an invitation that cannot be used, whatever the reason. */
export const JoinFailedPage = ({ t }: { t: Catalog; locale?: Locale }) => (
  <>
    <h1>{t.circles.joinFailedTitle}</h1>
    <p>{t.circles.joinFailedText}</p>
    <p>
      <a href="/circles">{t.circles.backToCircles}</a>
    </p>
  </>
);
