import type { MiddlewareHandler } from 'hono';
import { can, type Action } from '../../db/permissions';
import { ErrorPage } from '../../web/views/site/error';
import type { AppEnv } from '../env';
import { renderPage } from '../http/render';

/**
 * Guards a route: a visitor is sent to sign in (and brought back after); a signed-in person
 * without the right is told so plainly (403). The rule itself lives in db/permissions.ts.
 */
export const requireAccess = (action: Action): MiddlewareHandler<AppEnv> =>
  async function requireAccess(c, next) {
    const user = c.get('user');
    if (!user) {
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? url.pathname + url.search : '/account';
      return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
    }
    if (!can(user, action)) {
      const t = c.get('t');
      return renderPage(c, {
        title: t.moderation.forbiddenTitle,
        status: 403,
        body: <ErrorPage title={t.moderation.forbiddenTitle} text={t.moderation.forbiddenText} homeLabel={t.errors.goHome} />,
      });
    }
    await next();
  };
