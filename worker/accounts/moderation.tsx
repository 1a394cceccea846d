import { Hono } from 'hono';
import * as v from 'valibot';
import {
  approveCampaign,
  campaignOwnerContact,
  returnCampaign,
} from '../../db/campaigns/campaigns';
import {
  listOwnerlessCampaignsPage,
  listSubmittedCampaignsPage,
} from '../../db/campaigns/review-queue';
import {
  applicationOwner,
  decideApplication,
  listPendingApplicationsPage,
} from '../../db/accounts/organizer-applications';
import { can } from '../../db/permissions';
import { isRole } from '../../db/accounts/roles';
import {
  findUserByEmail,
  grantRole,
  listPeopleWithRoles,
  revokeRole,
} from '../../db/accounts/users';
import { format } from '../../web/i18n';
import { catalogFor } from '../catalogs';
import { listSubmittedEventsPage } from '../../db/events/review-queue';
import { listPageHrefs } from '../../web/components/page-links';
import { SubmittedEvents } from '../../web/views/events/moderation';
import { ModerationPage, PeoplePage } from '../../web/views/accounts/moderation';
import { CampaignReviewQueue, OwnerlessCampaigns } from '../../web/views/campaigns/review';
import type { AppEnv } from '../env';
import { requireAccess } from '../http/require-access';
import { renderPage } from '../http/render';
import { emailAddress, readForm } from '../http/validation';
import { firstValue } from '../http/fields';
import { readPageAsk } from '../http/page-ask';
import { noticeUrl, readNotice, type Notices } from '../http/notices';

/** Notices on /moderation, after a decision here or in the events area (worker/events/moderation.tsx). */
export const moderationNotices = {
  approved: (t) => t.moderation.approved,
  declined: (t) => t.moderation.declined,
  'already-decided': (t) => t.moderation.alreadyDecided,
  'own-request': (t) => t.moderation.ownRequest,
  'campaign-approved': (t) => t.campaigns.approvedNotice,
  'campaign-returned': (t) => t.campaigns.returnedNotice,
  'campaign-delivered': (t) => t.campaigns.delivered,
  'event-approved': (t) => t.events.approvedNotice,
  'event-declined': (t) => t.events.declinedNotice,
  'event-already-decided': (t) => t.events.alreadyDecided,
  'organizer-trusted': (t) => t.events.trustedNotice,
} satisfies Notices;

const peopleNotices = {
  granted: (t) => t.moderation.roleGranted,
  revoked: (t) => t.moderation.roleRevoked,
} satisfies Notices;

const moderationUrl = (key: keyof typeof moderationNotices) =>
  noticeUrl(moderationNotices, '/moderation', key);

export const moderationRoutes = new Hono<AppEnv>()
  .get('/moderation', requireAccess('moderation:use'), async function moderation_get(c) {
    const t = c.get('t');
    const db = c.get('db');
    // Four queues, each paged on its own (`?eventsAfter=…`); a link keeps the others' place.
    const [applications, campaigns, ownerless, events] = await Promise.all([
      listPendingApplicationsPage(db, readPageAsk(c, 'applications')),
      listSubmittedCampaignsPage(db, readPageAsk(c, 'campaigns')),
      listOwnerlessCampaignsPage(db, readPageAsk(c, 'ownerless')),
      listSubmittedEventsPage(db, readPageAsk(c, 'events')),
    ]);
    const pages = listPageHrefs('/moderation', { applications, campaigns, ownerless, events });
    return renderPage(c, {
      title: t.moderation.title,
      body: (
        <ModerationPage
          t={t}
          locale={c.get('locale')}
          applications={applications.items}
          applicationPages={pages.applications}
          notice={readNotice(c, moderationNotices)}
          campaigns={
            <>
              <CampaignReviewQueue t={t} campaigns={campaigns.items} pages={pages.campaigns} />
              <OwnerlessCampaigns t={t} campaigns={ownerless.items} pages={pages.ownerless} />
            </>
          }
          queues={
            <SubmittedEvents
              t={t}
              locale={c.get('locale')}
              events={events.items}
              pages={pages.events}
            />
          }
        />
      ),
    });
  })

  .post(
    '/moderation/organizer-applications/:id/:decision{approval|decline}',
    requireAccess('organizers:review'),
    async function moderation_application_decision_post(c) {
      const decision = c.req.param('decision') === 'approval' ? 'approved' : 'declined';
      const ownerId = await applicationOwner(c.get('db'), c.req.param('id'));
      if (ownerId && !can(c.get('user'), 'organizers:review', { ownerId }))
        return c.redirect(moderationUrl('own-request'), 303);
      const applicant = await decideApplication(c.get('db'), c.req.param('id'), decision);
      if (!applicant) return c.redirect(moderationUrl('already-decided'), 303);
      // Told in their own language, under a subject that says nothing about the site's purpose.
      const their = await catalogFor(applicant.locale);
      await c.get('mailer').send({
        to: applicant.email,
        subject: their.mail.accountUpdateSubject,
        text: decision === 'approved' ? their.mail.organizerApproved : their.mail.organizerDeclined,
      });
      return c.redirect(moderationUrl(decision), 303);
    },
  )

  .post(
    '/moderation/campaigns/:id/:decision{approval|return}',
    requireAccess('campaigns:review'),
    async function moderation_campaign_decision_post(c) {
      const db = c.get('db');
      const approved = c.req.param('decision') === 'approval';
      const campaign = approved
        ? await approveCampaign(db, c.req.param('id'))
        : await returnCampaign(db, c.req.param('id'));
      if (!campaign) return c.redirect(moderationUrl('already-decided'), 303);
      const owner = await campaignOwnerContact(db, campaign);
      if (owner) {
        const their = await catalogFor(owner.locale);
        await c.get('mailer').send({
          to: owner.email,
          subject: their.campaigns.mailReviewedSubject,
          text: format(approved ? their.campaigns.mailApproved : their.campaigns.mailReturned, {
            title: campaign.title,
          }),
        });
      }
      return c.redirect(moderationUrl(approved ? 'campaign-approved' : 'campaign-returned'), 303);
    },
  )

  .get(
    '/moderation/people',
    requireAccess('roles:manage'),
    async function moderation_people_get(c) {
      const t = c.get('t');
      return renderPage(c, {
        title: t.moderation.peopleTitle,
        body: (
          <PeoplePage
            t={t}
            people={await listPeopleWithRoles(c.get('db'))}
            notice={readNotice(c, peopleNotices)}
          />
        ),
      });
    },
  )

  .post(
    '/moderation/people',
    requireAccess('roles:manage'),
    async function moderation_people_post(c) {
      const t = c.get('t');
      const db = c.get('db');
      const form = await readForm(c.req);
      const parsed = v.safeParse(emailAddress(t.signIn.emailInvalid), form.email);
      const email = parsed.success ? parsed.output : firstValue(form.email).slice(0, 254);
      const again = async (message: string) =>
        renderPage(c, {
          title: t.moderation.peopleTitle,
          status: 400,
          body: (
            <PeoplePage
              t={t}
              people={await listPeopleWithRoles(db)}
              email={email}
              errors={{ email: message }}
            />
          ),
        });
      if (!parsed.success) return again(t.signIn.emailInvalid);
      const role = form.role;
      const change = form.change;
      if (!isRole(role) || (change !== 'grant' && change !== 'revoke'))
        return again(t.forms.required);
      const person = await findUserByEmail(db, parsed.output);
      if (!person) return again(t.moderation.noSuchPerson);
      if (change === 'grant') await grantRole(db, person.id, role);
      else if (!(await revokeRole(db, person.id, role))) return again(t.moderation.lastAdmin);
      return c.redirect(
        noticeUrl(peopleNotices, '/moderation/people', change === 'grant' ? 'granted' : 'revoked'),
        303,
      );
    },
  );
