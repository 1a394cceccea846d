import type { Role } from '../../../db/accounts/roles';
import type { SessionSummary } from '../../../db/accounts/sessions';
import { Notice } from '../../components/form';
import { formatDateTime } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';

export interface AccountView {
  t: Catalog;
  locale: Locale;
  email: string;
  roles: readonly Role[];
  sessions: SessionSummary[];
  currentSessionId: string;
  organizerStatus: 'organizer' | 'pending' | 'declined' | 'none';
  canOrganize: boolean;
  canModerate: boolean;
  canManageRoles: boolean;
  notice?: string | undefined;
}

const roleLabel = (t: Catalog, role: Role | 'member') =>
  ({
    member: t.account.roleMember,
    organizer: t.account.roleOrganizer,
    storyteller: t.account.roleStoryteller,
    moderator: t.account.roleModerator,
    admin: t.account.roleAdmin,
  })[role];

/** My account: roles, sessions, data and deletion. */
export const AccountPage = (props: AccountView) => {
  const { t } = props;
  const isStoryteller = props.roles.includes('storyteller');
  return (
    <>
      <h1>{t.account.title}</h1>
      <Notice text={props.notice} />
      <p>{format(t.account.signedInAs, { email: props.email })}</p>

      <h2>{t.account.rolesHeading}</h2>
      <ul>
        {(['member', ...props.roles] as const).map((role) => (
          <li>{roleLabel(t, role)}</li>
        ))}
      </ul>

      {props.canModerate || props.canManageRoles || props.canOrganize ? (
        <>
          <h2>{t.account.workHeading}</h2>
          <ul>
            {props.canOrganize ? (
              <li>
                <a href="/organize">{t.organize.title}</a>
              </li>
            ) : null}
            {props.canModerate ? (
              <li>
                <a href="/moderation">{t.account.moderationLink}</a>
              </li>
            ) : null}
            {props.canManageRoles ? (
              <li>
                <a href="/moderation/people">{t.account.peopleLink}</a>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}

      <p>
        <a href="/circles">{t.account.circlesLink}</a>
      </p>

      <h2>{t.account.storytellerHeading}</h2>
      <p>{isStoryteller ? t.account.storytellerOn : t.account.storytellerOff}</p>
      <form method="post" action="/account/storyteller">
        <input type="hidden" name="enabled" value={isStoryteller ? 'no' : 'yes'} />
        <button type="submit">
          {isStoryteller ? t.account.storytellerTurnOff : t.account.storytellerTurnOn}
        </button>
      </form>

      {props.organizerStatus !== 'organizer' ? (
        <>
          <h2>{t.account.organizerHeading}</h2>
          {props.organizerStatus === 'pending' ? (
            <p>{t.account.organizerPending}</p>
          ) : (
            <>
              {props.organizerStatus === 'declined' ? <p>{t.account.organizerDeclined}</p> : null}
              <p>
                <a href="/account/organizer">{t.account.organizerApply}</a>
              </p>
            </>
          )}
        </>
      ) : null}

      <h2>{t.account.sessionsHeading}</h2>
      <p>{t.account.sessionsIntro}</p>
      <table class="stack-on-phone">
        <thead>
          <tr>
            <th scope="col">{t.account.sessionStarted}</th>
            <th scope="col">{t.account.sessionLastActive}</th>
            <th scope="col">
              <span class="visually-hidden">{t.account.thisDevice}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((session) => (
            <tr>
              <td>
                <span class="cell-label">{t.account.sessionStarted}</span>
                {formatDateTime(session.createdAt, props.locale)}
              </td>
              <td>
                <span class="cell-label">{t.account.sessionLastActive}</span>
                {formatDateTime(session.lastActiveAt, props.locale)}
              </td>
              <td>
                {session.id === props.currentSessionId
                  ? t.account.thisDevice
                  : t.account.otherDevice}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <form method="post" action="/sign-out" class="inline-form">
          <button type="submit">{t.account.signOut}</button>
        </form>
        <form method="post" action="/sign-out/everywhere" class="inline-form">
          <button type="submit">{t.account.signOutEverywhere}</button>
        </form>
      </div>

      <h2>{t.account.dataHeading}</h2>
      <ul>
        <li>
          <a href="/account/data.json" download="my-data.json">
            {t.account.downloadData}
          </a>
        </li>
        <li>
          <a href="/account/delete">{t.account.deleteLink}</a>
        </li>
      </ul>
    </>
  );
};

/** The confirmation step before deleting an account. */
export const DeleteAccountPage = ({ t, error }: { t: Catalog; error?: string }) => (
  <>
    <h1>{t.account.deleteTitle}</h1>
    {error ? (
      <p class="error-summary" role="alert">
        {error}
      </p>
    ) : null}
    <p>{t.account.deleteIntro}</p>
    <ul>
      {t.account.deleteWhat.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
    <div class="actions">
      <form method="post" action="/account/delete" class="inline-form">
        <button type="submit" class="button-danger">
          {t.account.deleteConfirm}
        </button>
      </form>
      <a href="/account">{t.account.deleteCancel}</a>
    </div>
  </>
);

/** After deletion: a plain confirmation, already signed out. */
export const AccountDeletedPage = ({ t }: { t: Catalog }) => (
  <>
    <h1>{t.account.deletedTitle}</h1>
    <p>{t.account.deletedText}</p>
    <p>
      <a href="/">{t.errors.goHome}</a>
    </p>
  </>
);
