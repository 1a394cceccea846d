import { Hono } from 'hono';
import { OrganizePage } from '../../web/views/accounts/organize';
import type { AppEnv } from '../env';
import { requireAccess } from '../http/require-access';
import { renderPage } from '../http/render';

/** /organize: organizers only; the events and campaigns areas mount their pages beside it. */
export const organizeRoutes = new Hono<AppEnv>()
  .use('/organize', requireAccess('organize:use'))
  .use('/organize/*', requireAccess('organize:use'))
  .get('/organize', function organize_get(c) {
    const t = c.get('t');
    return renderPage(c, { title: t.organize.title, body: <OrganizePage t={t} /> });
  });
