import { Hono } from 'hono';
import * as v from 'valibot';
import { listSubmittedEvents } from '../../db/events';
import { decideApplication, listPendingApplications } from '../../db/organizer-applications';
import { isRole } from '../../db/roles';
import { countAdmins, findUserByEmail, grantRole, listPeopleWithRoles, revokeRole } from '../../db/users';
import { catalogFor } from '../../web/i18n';
import { SubmittedEvents } from '../../web/views/events/moderation';
import { ModerationPage, PeoplePage } from '../../web/views/moderation';
import type { AppEnv } from '../env';
import { requireAccess } from '../middleware/access';
import { renderPage } from '../render';
import { emailAddress, readForm } from '../validation';

const moderationNotices = {
  approved: (t: AppEnv['Variables']['t']) => t.moderation.approved,
  declined: (t: AppEnv['Variables']['t']) => t.moderation.declined,
  'already-decided': (t: AppEnv['Variables']['t']) => t.moderation.alreadyDecided,
  'event-approved': (t: AppEnv['Variables']['t']) => t.events.approvedNotice,
  'event-declined': (t: AppEnv['Variables']['t']) => t.events.declinedNotice,
  'event-already-decided': (t: AppEnv['Variables']['t']) => t.events.alreadyDecided,
  'organizer-trusted': (t: AppEnv['Variables']['t']) => t.events.trustedNotice,
} as const;

export const moderationRoutes = new Hono<AppEnv>()
  .get('/moderation', requireAccess('moderation:use'), async function moderation_get(c) {
    const t = c.get('t');
    const done = c.req.query('done');
    const notice = done && done in moderationNotices ? moderationNotices[done as keyof typeof moderationNotices](t) : undefined;
    return renderPage(c, {
      title: t.moderation.title,
      body: (
        <ModerationPage
          t={t}
          locale={c.get('locale')}
          applications={await listPendingApplications(c.get('db'))}
          notice={notice}
          queues={<SubmittedEvents t={t} locale={c.get('locale')} events={await listSubmittedEvents(c.get('db'))} />}
        />
      ),
    });
  })

  .post(
    '/moderation/organizer-applications/:id/:decision{approval|decline}',
    requireAccess('organizers:review'),
    async function moderation_application_decision_post(c) {
      const decision = c.req.param('decision') === 'approval' ? 'approved' : 'declined';
      const applicant = await decideApplication(c.get('db'), c.req.param('id'), decision);
      if (!applicant) return c.redirect('/moderation?done=already-decided', 303);
      // Told in their own language, under a subject that says nothing about the site's purpose.
      const their = catalogFor(applicant.locale);
      await c.get('mailer').send({
        to: applicant.email,
        subject: their.mail.accountUpdateSubject,
        text: decision === 'approved' ? their.mail.organizerApproved : their.mail.organizerDeclined,
      });
      return c.redirect(`/moderation?done=${decision}`, 303);
    },
  )

  .get('/moderation/people', requireAccess('roles:manage'), async function moderation_people_get(c) {
    const t = c.get('t');
    const done = c.req.query('done');
    const notice = done === 'granted' ? t.moderation.roleGranted : done === 'revoked' ? t.moderation.roleRevoked : undefined;
    return renderPage(c, {
      title: t.moderation.peopleTitle,
      body: <PeoplePage t={t} people={await listPeopleWithRoles(c.get('db'))} notice={notice} />,
    });
  })

  .post('/moderation/people', requireAccess('roles:manage'), async function moderation_people_post(c) {
    const t = c.get('t');
    const db = c.get('db');
    const form = await readForm(c.req);
    const parsed = v.safeParse(emailAddress(t.signIn.emailInvalid), form.email);
    const email = parsed.success ? parsed.output : typeof form.email === 'string' ? form.email.slice(0, 254) : '';
    const again = async (message: string) =>
      renderPage(c, {
        title: t.moderation.peopleTitle,
        status: 400,
        body: <PeoplePage t={t} people={await listPeopleWithRoles(db)} email={email} errors={{ email: message }} />,
      });
    if (!parsed.success) return again(t.signIn.emailInvalid);
    const role = form.role;
    const change = form.change;
    if (!isRole(role) || (change !== 'grant' && change !== 'revoke')) return again(t.forms.required);
    const person = await findUserByEmail(db, parsed.output);
    if (!person) return again(t.moderation.noSuchPerson);
    if (change === 'revoke' && role === 'admin' && person.roles.includes('admin') && (await countAdmins(db)) <= 1) {
      return again(t.moderation.lastAdmin);
    }
    await (change === 'grant' ? grantRole(db, person.id, role) : revokeRole(db, person.id, role));
    return c.redirect(`/moderation/people?done=${change === 'grant' ? 'granted' : 'revoked'}`, 303);
  });
