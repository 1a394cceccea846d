import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { validateSessionToken } from '../../db/accounts/sessions';
import type { AppEnv } from '../env';
import { isEmbedPath } from '../http/embeds';

// A request's URL is absolute with its scheme in lower case: no need to parse all of it.
const isHttps = (c: Context) => c.req.url.startsWith('https:');

/** `__Host-` binds the cookie to this exact host over HTTPS; plain http (local runs) cannot use it. */
export const sessionCookieName = (c: Context) => (isHttps(c) ? '__Host-session' : 'session');

export const setSessionCookie = (c: Context, token: string, expiresAt: Date) =>
  setCookie(c, sessionCookieName(c), token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    expires: expiresAt,
  });

// The name already carries `__Host-` over HTTPS: no `prefix` option, or hono would add it twice.
export const clearSessionCookie = (c: Context) =>
  deleteCookie(c, sessionCookieName(c), { path: '/', secure: true });

/**
 * Signs this request out from here on (its account is gone): the cookie is cleared and the page
 * drawn next shows no account. Takes any context: behind a guard, `user` is typed as set.
 */
export const signOutHere = (c: Context) => {
  clearSessionCookie(c);
  c.set('user', null);
};

/**
 * Reads the session cookie and puts the signed-in person (or null) on the context. A renewed
 * session gets its cookie again; a dead one loses it. Pages seen while signed in are never
 * stored by the browser or a proxy.
 */
export const session = (): MiddlewareHandler<AppEnv> =>
  async function session(c, next) {
    c.set('user', null);
    c.set('sessionId', null);
    // Static files are the same for everyone: no session lookup, and they keep their long cache.
    // Embeds, framed by other sites, neither read nor write a cookie (see http/embeds.ts).
    if (c.req.path.startsWith('/static/') || isEmbedPath(c.req.path)) return next();
    const token = getCookie(c, sessionCookieName(c));
    if (token) {
      const valid = token.length <= 100 ? await validateSessionToken(c.get('db'), token) : null;
      if (valid) {
        c.set('user', valid.user);
        c.set('sessionId', valid.id);
        if (valid.renewed) setSessionCookie(c, token, valid.expiresAt);
      } else {
        clearSessionCookie(c);
      }
    }
    await next();
    if (token && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
