import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { CurrentUser } from '../../db/accounts/roles';
import { can, type Action } from '../../db/permissions';
import type { AppEnv } from '../env';
import { renderErrorPage } from './render';
import { safeReturnPath } from './return-path';

/** The environment after a guard: the person is signed in, so `c.get('user')` is never null. */
export type SignedInEnv = AppEnv & { Variables: { user: CurrentUser } };
/** The context of a handler behind `requireAccess`, for helpers that need the signed-in person. */
export type SignedInContext = Context<SignedInEnv>;

/**
 * Guards a route: a visitor is sent to sign in (and brought back after); a signed-in person
 * without the right is told so plainly (403). The rule itself lives in db/permissions.ts.
 * What follows the guard gets the signed-in person typed as such, with no cast.
 */
export const requireAccess = (action: Action) =>
  createMiddleware<SignedInEnv>(async function requireAccess(c, next) {
    // Before this guard the person may still be a visitor: only what follows is promised a user.
    const user = c.get('user') as CurrentUser | null;
    if (!user) {
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? safeReturnPath(url.pathname + url.search) : '/account';
      return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
    }
    if (!can(user, action)) {
      const t = c.get('t');
      return renderErrorPage(c, {
        status: 403,
        title: t.moderation.forbiddenTitle,
        text: t.moderation.forbiddenText,
      });
    }
    await next();
  });
