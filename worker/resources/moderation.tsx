import { Hono } from 'hono';
import { closeResourceReport, listOpenReportQueue, listVerificationQueue } from '../../db/resources/moderation';
import { changeActor } from '../../db/resources/changes';
import { markResourceVerified } from '../../db/resources/verify';
import type { CurrentUser } from '../../db/accounts/roles';
import { ResourcesModerationPage } from '../../web/views/resources/moderation';
import type { AppEnv } from '../env';
import { requireAccess } from '../middleware/access';
import { renderPage } from '../http/render';

const notices = {
  verified: (t: AppEnv['Variables']['t']) => t.moderation.verifiedNotice,
  closed: (t: AppEnv['Variables']['t']) => t.moderation.resolvedNotice,
  'already-closed': (t: AppEnv['Variables']['t']) => t.moderation.reportAlreadyClosed,
} as const;

/** /moderation/resources: reports from visitors and the queue of resources to check again. */
export const resourcesModerationRoutes = new Hono<AppEnv>()
  .use('/moderation/resources', requireAccess('resources:moderate'))
  .use('/moderation/resources/*', requireAccess('resources:moderate'))

  .get('/moderation/resources', async function moderation_resources_get(c) {
    const t = c.get('t');
    const db = c.get('db');
    const done = c.req.query('done');
    const notice = done && Object.hasOwn(notices, done) ? notices[done as keyof typeof notices](t) : undefined;
    const [reports, queue] = await Promise.all([listOpenReportQueue(db), listVerificationQueue(db)]);
    return renderPage(c, {
      title: t.moderation.resourcesTitle,
      body: <ResourcesModerationPage t={t} locale={c.get('locale')} reports={reports} queue={queue} notice={notice} />,
    });
  })

  .post('/moderation/resources/:id/verification', async function moderation_resource_verification_post(c) {
    // The role, never the person, is what the public sees: "checked by a moderator".
    const actor = changeActor(c.get('user') as CurrentUser);
    const done = await markResourceVerified(c.get('db'), c.req.param('id'), actor.role, new Date(), actor.userId);
    return done ? c.redirect('/moderation/resources?done=verified', 303) : c.notFound();
  })

  .post('/moderation/resources/reports/:id/:outcome{resolution|dismissal}', async function moderation_resource_report_post(c) {
    const outcome = c.req.param('outcome') === 'resolution' ? 'resolved' : 'dismissed';
    const closed = await closeResourceReport(c.get('db'), c.req.param('id'), outcome, new Date(), changeActor(c.get('user') as CurrentUser));
    return c.redirect(`/moderation/resources?done=${closed ? 'closed' : 'already-closed'}`, 303);
  });
