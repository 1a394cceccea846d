import type { MiddlewareHandler } from 'hono';
import { loadCircleAccess } from '../../db/circles/access';
import type { CircleAccess } from '../../db/circles/rules';
import { canInCircle, canSeeMemberList, type CircleAction } from '../../db/permissions';
import type { CirclePageContext, CircleSection } from '../../web/views/circles/parts';
import type { SignedInContext } from '../http/require-access';
import { renderErrorPage } from '../http/render';

/** A circle id, member id, invitation id or note id in an address: 128 bits in base32. */
export const CIRCLE_ID = '{[a-z2-7]{26}}';

/** What a circle route gets once the person's place in the circle allows the action. */
export type OpenCircle = Extract<CircleAccess, { kind: 'open' }>;

/**
 * Circle pages are private: never stored by a browser or a proxy, never indexed. Set on every
 * /circles address, whatever the answer (a 404 too, so it looks the same as any other).
 */
export const privatePages: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
};

/** The neutral 410 a former member gets from a closed circle's addresses. */
export const circleGone = (c: SignedInContext) => {
  const t = c.get('t');
  return renderErrorPage(c, { status: 410, title: t.circles.goneTitle, text: t.circles.goneText });
};

/**
 * Wraps a circle route: loads the person's place in the circle (once), and answers anything
 * but an allowed action exactly as an unknown id (the app's 404), or 410 for a former member
 * of a closed circle. Moderators and admins are outsiders here like anyone else.
 */
export const inCircle =
  (
    action: CircleAction,
    handler: (c: SignedInContext, circle: OpenCircle) => Promise<Response> | Response,
  ) =>
  async (c: SignedInContext): Promise<Response> => {
    const access = await loadCircleAccess(c.get('db'), c.req.param('id') ?? '', c.get('user').id);
    if (access.kind === 'closed') return circleGone(c);
    if (access.kind === 'none' || !canInCircle(access.role, action))
      return c.notFound() as Response;
    return handler(c, access);
  };

/** The parts of the circle this person may open, for the circle's menu. */
export const sectionsFor = (circle: OpenCircle): CircleSection[] => {
  const role = circle.role;
  const may: [CircleSection, boolean][] = [
    ['home', true],
    ['inbox', canInCircle(role, 'check-ins:read')],
    ['charter', canInCircle(role, 'charter:read')],
    ['members', canSeeMemberList(role, circle.circle)],
    ['invitations', canInCircle(role, 'invitations:manage')],
    ['me', canInCircle(role, 'membership:own')],
    ['notes', canInCircle(role, 'notes:use')],
    ['history', canInCircle(role, 'history:read')],
    ['settings', canInCircle(role, 'circle:settings')],
  ];
  return may.filter(([, allowed]) => allowed).map(([section]) => section);
};

/** What every circle page knows. */
export const pageContext = (
  c: SignedInContext,
  circle: OpenCircle,
  notice?: string,
): CirclePageContext => ({
  t: c.get('t'),
  locale: c.get('locale'),
  circleId: circle.circle.id,
  sections: sectionsFor(circle),
  notice,
});
