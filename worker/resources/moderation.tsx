import { Hono } from 'hono';
import {
  closeResourceReport,
  listOpenReportQueuePage,
  listVerificationQueuePage,
} from '../../db/resources/moderation';
import { listPageHrefs } from '../../web/components/page-links';
import { changeActor } from '../../db/resources/changes';
import { markResourceVerified } from '../../db/resources/verify';
import { ResourcesModerationPage } from '../../web/views/resources/moderation';
import type { AppEnv } from '../env';
import { requireAccess } from '../http/require-access';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import { readPageAsk } from '../http/page-ask';

const notices = {
  verified: (t) => t.moderation.verifiedNotice,
  closed: (t) => t.moderation.resolvedNotice,
  'already-closed': (t) => t.moderation.reportAlreadyClosed,
} satisfies Notices;

/** /moderation/resources: reports from visitors and the queue of resources to check again. */
export const resourcesModerationRoutes = new Hono<AppEnv>()
  .use('/moderation/resources', requireAccess('resources:moderate'))
  .use('/moderation/resources/*', requireAccess('resources:moderate'))

  .get('/moderation/resources', async function moderation_resources_get(c) {
    const t = c.get('t');
    const db = c.get('db');
    // Two queues, each paged on its own (`?reportsAfter=…`); a link keeps the other's place.
    const [reports, checks] = await Promise.all([
      listOpenReportQueuePage(db, readPageAsk(c, 'reports')),
      listVerificationQueuePage(db, readPageAsk(c, 'checks')),
    ]);
    const pages = listPageHrefs('/moderation/resources', { reports, checks });
    return renderPage(c, {
      title: t.moderation.resourcesTitle,
      body: (
        <ResourcesModerationPage
          t={t}
          locale={c.get('locale')}
          reports={reports.items}
          reportPages={pages.reports}
          queue={checks.items}
          queuePages={pages.checks}
          notice={readNotice(c, notices)}
        />
      ),
    });
  })

  .post(
    '/moderation/resources/:id/verification',
    async function moderation_resource_verification_post(c) {
      // The role, never the person, is what the public sees: "checked by a moderator".
      const actor = changeActor(c.get('user'));
      const done = await markResourceVerified(
        c.get('db'),
        c.req.param('id'),
        actor.role,
        new Date(),
        actor.userId,
      );
      return done
        ? c.redirect(noticeUrl(notices, '/moderation/resources', 'verified'), 303)
        : c.notFound();
    },
  )

  .post(
    '/moderation/resources/reports/:id/:outcome{resolution|dismissal}',
    async function moderation_resource_report_post(c) {
      const outcome = c.req.param('outcome') === 'resolution' ? 'resolved' : 'dismissed';
      const closed = await closeResourceReport(
        c.get('db'),
        c.req.param('id'),
        outcome,
        new Date(),
        changeActor(c.get('user')),
      );
      return c.redirect(
        noticeUrl(notices, '/moderation/resources', closed ? 'closed' : 'already-closed'),
        303,
      );
    },
  );
