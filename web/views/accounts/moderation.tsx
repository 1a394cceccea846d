import type { Child } from 'hono/jsx';
import type { PendingApplication } from '../../../db/accounts/organizer-applications';
import type { CurrentUser, Role } from '../../../db/accounts/roles';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form';
import { PageLinks, type PageHrefs } from '../../components/page-links';
import { formatDate } from '../../components/format';
import { format, labelledValues, type Catalog, type Locale } from '../../i18n';

/** The moderators' home: requests to become an organizer, oldest first, a page at a time. */
export const ModerationPage = (props: {
  t: Catalog;
  locale: Locale;
  applications: PendingApplication[];
  applicationPages: PageHrefs;
  notice?: string | undefined;
  /** Queues of other areas (campaigns, events, stories), drawn by their own views. */
  campaigns?: Child;
  /** Other areas' queues (events waiting for approval), drawn by their own components. */
  queues?: Child;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.moderation.title}</h1>
      <Notice text={props.notice} />
      <h2>{t.moderation.resourcesHeading}</h2>
      <p>
        <a href="/moderation/resources">{t.moderation.resourcesLink}</a>
      </p>
      <h2>{t.stories.queueHeading}</h2>
      <p>
        <a href="/moderation/stories">{t.stories.queueLink}</a>
      </p>
      <h2 id="applications">{t.moderation.applicationsHeading}</h2>
      {props.applications.length === 0 ? <p>{t.moderation.noApplications}</p> : null}
      {props.applications.map((application) => (
        <section class="queue-item" aria-labelledby={`application-${application.id}`}>
          <h3 id={`application-${application.id}`}>{application.organizationName}</h3>
          <p>
            {format(t.moderation.appliedOn, {
              date: formatDate(application.createdAt, props.locale),
            })}
          </p>
          <dl>
            <dt>{t.moderation.from}</dt>
            <dd>{application.email}</dd>
            <dt>{t.moderation.reason}</dt>
            <dd>{application.reason}</dd>
          </dl>
          <div class="actions">
            <form
              method="post"
              action={`/moderation/organizer-applications/${application.id}/approval`}
              class="inline-form"
            >
              <button type="submit" class="button-primary">
                {t.moderation.approve}
              </button>
            </form>
            <form
              method="post"
              action={`/moderation/organizer-applications/${application.id}/decline`}
              class="inline-form"
            >
              <button type="submit">{t.moderation.decline}</button>
            </form>
          </div>
        </section>
      ))}
      <PageLinks t={t} label={t.moderation.applicationsPagesLabel} {...props.applicationPages} />
      {props.campaigns ?? null}
      {props.queues}
    </>
  );
};

/** Admins give and remove roles. */
export const PeoplePage = (props: {
  t: Catalog;
  people: CurrentUser[];
  email?: string;
  errors?: FieldErrors;
  notice?: string | undefined;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.moderation.peopleTitle}</h1>
      <Notice text={props.notice} />
      <p>{t.moderation.peopleIntro}</p>
      <ErrorSummary errors={props.errors ?? {}} title={t.forms.errorSummaryTitle} />
      <form method="post" action="/moderation/people" novalidate>
        <TextField
          name="email"
          type="email"
          label={t.moderation.peopleEmailLabel}
          value={props.email}
          error={props.errors?.email}
          maxLength={254}
          autocomplete="off"
          inputmode="email"
          required
        />
        <div class="field">
          <label for="field-role">{t.moderation.peopleRoleLabel}</label>
          <select id="field-role" name="role">
            {labelledValues<Role>(t.moderation.roleNames).map((role) => (
              <option value={role}>{t.moderation.roleNames[role]}</option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" name="change" value="grant" class="button-primary">
            {t.moderation.grant}
          </button>
          <button type="submit" name="change" value="revoke">
            {t.moderation.revoke}
          </button>
        </div>
      </form>
      <h2>{t.moderation.peopleListHeading}</h2>
      {props.people.length === 0 ? (
        <p>{t.moderation.noPeople}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.moderation.peopleEmailLabel}</th>
              <th scope="col">{t.moderation.peopleRoleLabel}</th>
            </tr>
          </thead>
          <tbody>
            {props.people.map((person) => (
              <tr>
                <td>{person.email}</td>
                <td>{person.roles.map((role) => t.moderation.roleNames[role]).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};
