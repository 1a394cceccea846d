import { Hono } from 'hono';
import * as v from 'valibot';
import { applyToOrganize, latestApplication } from '../../db/accounts/organizer-applications';
import { getEvent, listUpcomingPublicEventIdsOf } from '../../db/events/events';
import { can, canDeleteOwnAccount } from '../../db/permissions';
import { createSession, listUserSessions, sessionSignedInAt } from '../../db/accounts/sessions';
import {
  countAdmins,
  deleteAccount,
  exportAccountData,
  getUser,
  grantRole,
  revokeRole,
} from '../../db/accounts/users';
import { format } from '../../web/i18n';
import {
  AccountDeletedPage,
  AccountPage,
  DeleteAccountPage,
} from '../../web/views/accounts/account';
import {
  ORGANIZATION_MAX,
  OrganizerApplicationPage,
  REASON_MAX,
} from '../../web/views/accounts/organizer-application';
import type { AppEnv } from '../env';
import { eventMail, tellEventAttendees } from '../events/mail';
import { requireAccess, type SignedInContext } from '../http/require-access';
import { setSessionCookie, signOutHere } from '../middleware/session';
import { renderPage } from '../http/render';
import { fieldErrors, readForm, requiredLine, requiredText } from '../http/validation';
import { firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';

/** Confirmations shown on /account after an action, by the `done` query value. */
const notices = {
  'storyteller-on': (t) => t.account.storytellerOn,
  applied: (t) => t.organizerApplication.sent,
} satisfies Notices;

/**
 * A role change ends every session of the person (db/accounts/users.ts). When the person changed their
 * own role, this device gets a fresh session at once so they stay signed in here.
 */
const renewSessionHere = async (c: SignedInContext, userId: string, signedInAt: Date | null) => {
  const user = await getUser(c.get('db'), userId);
  if (!user || !signedInAt) return;
  const session = await createSession(c.get('db'), user, new Date(), signedInAt);
  setSessionCookie(c, session.token, session.expiresAt);
};

export const accountRoutes = new Hono<AppEnv>()
  .use('/account', requireAccess('account:use'))
  .use('/account/*', requireAccess('account:use'))

  .get('/account', async function account_get(c) {
    const t = c.get('t');
    const db = c.get('db');
    const user = c.get('user');
    const [sessions, application] = await Promise.all([
      listUserSessions(db, user.id),
      latestApplication(db, user.id),
    ]);
    return renderPage(c, {
      title: t.account.title,
      body: (
        <AccountPage
          t={t}
          locale={c.get('locale')}
          email={user.email}
          roles={user.roles}
          sessions={sessions}
          currentSessionId={c.get('sessionId') ?? ''}
          organizerStatus={
            can(user, 'organize:use')
              ? 'organizer'
              : application?.status === 'pending'
                ? 'pending'
                : application?.status === 'declined'
                  ? 'declined'
                  : 'none'
          }
          canOrganize={can(user, 'organize:use')}
          canModerate={can(user, 'moderation:use')}
          canManageRoles={can(user, 'roles:manage')}
          notice={readNotice(c, notices)}
        />
      ),
    });
  })

  .post('/account/storyteller', async function account_storyteller_post(c) {
    const user = c.get('user');
    if (!can(user, 'storyteller:toggle')) return c.redirect('/account', 303);
    const form = await readForm(c.req);
    const db = c.get('db');
    const wanted = firstValue(form.enabled) === 'yes';
    if (wanted !== can(user, 'stories:write')) {
      const signedInAt = await sessionSignedInAt(db, c.get('sessionId') ?? '');
      await (wanted
        ? grantRole(db, user.id, 'storyteller')
        : revokeRole(db, user.id, 'storyteller'));
      await renewSessionHere(c, user.id, signedInAt);
    }
    return c.redirect(wanted ? noticeUrl(notices, '/account', 'storyteller-on') : '/account', 303);
  })

  .get('/account/organizer', async function account_organizer_get(c) {
    const t = c.get('t');
    const user = c.get('user');
    const latest = await latestApplication(c.get('db'), user.id);
    if (!can(user, 'organizer:apply') || latest?.status === 'pending')
      return c.redirect('/account', 303);
    return renderPage(c, {
      title: t.organizerApplication.title,
      body: <OrganizerApplicationPage t={t} />,
    });
  })

  .post('/account/organizer', async function account_organizer_post(c) {
    const t = c.get('t');
    const user = c.get('user');
    if (!can(user, 'organizer:apply')) return c.redirect('/account', 303);
    const form = await readForm(c.req);
    // Only these two fields are read: a role, status or owner sent along is ignored.
    const schema = v.object({
      organizationName: requiredLine(ORGANIZATION_MAX, {
        required: t.forms.required,
        tooLong: format(t.forms.tooLong, { max: ORGANIZATION_MAX }),
      }),
      reason: requiredText(REASON_MAX, {
        required: t.forms.required,
        tooLong: format(t.forms.tooLong, { max: REASON_MAX }),
      }),
    });
    const parsed = v.safeParse(schema, {
      organizationName: form.organizationName,
      reason: form.reason,
    });
    if (!parsed.success) {
      const values = {
        organizationName: firstValue(form.organizationName),
        reason: firstValue(form.reason),
      };
      return renderPage(c, {
        title: t.organizerApplication.title,
        status: 400,
        body: (
          <OrganizerApplicationPage t={t} values={values} errors={fieldErrors(parsed.issues)} />
        ),
      });
    }
    await applyToOrganize(c.get('db'), user.id, parsed.output);
    return c.redirect(noticeUrl(notices, '/account', 'applied'), 303);
  })

  .get('/account/data.json', async function account_data_get(c) {
    const data = await exportAccountData(c.get('db'), c.get('user').id);
    c.header('Content-Disposition', 'attachment; filename="my-data.json"');
    return c.json(data);
  })

  .get('/account/delete', function account_delete_get(c) {
    const t = c.get('t');
    return renderPage(c, { title: t.account.deleteTitle, body: <DeleteAccountPage t={t} /> });
  })

  .post('/account/delete', async function account_delete_post(c) {
    const t = c.get('t');
    const db = c.get('db');
    const user = c.get('user');
    // The site must keep an admin: the last one hands the role on first.
    if (!canDeleteOwnAccount(user, await countAdmins(db))) {
      return renderPage(c, {
        title: t.account.deleteTitle,
        status: 400,
        body: <DeleteAccountPage t={t} error={t.account.lastAdminDelete} />,
      });
    }
    // Their upcoming public events are cancelled with the account: the people coming are told.
    const cancelledEvents = await listUpcomingPublicEventIdsOf(db, user.id);
    await deleteAccount(db, user.id);
    for (const id of cancelledEvents) {
      const event = await getEvent(db, id);
      if (event?.status === 'cancelled')
        await tellEventAttendees(db, c.get('mailer'), c.get('log'), event, (person) =>
          eventMail.cancelled(event, person),
        );
    }
    signOutHere(c);
    c.header('Clear-Site-Data', '"cache", "cookies", "storage"');
    return renderPage(c, { title: t.account.deletedTitle, body: <AccountDeletedPage t={t} /> });
  });
