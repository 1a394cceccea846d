import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { isLocale } from '../../web/i18n';
import type { AppEnv } from '../env';
import { LANGUAGE_COOKIE } from '../middleware/locale';

/** Only a path on this site may be returned to: never `//elsewhere` or `/\elsewhere`. */
export const safeReturnPath = (value: unknown): string =>
  typeof value === 'string' && /^\/(?![/\\])/.test(value) && !/[\r\n\\]/.test(value) && value.length <= 2000
    ? value
    : '/';

/** POST /language: remember the chosen language, then go back to the page it was chosen on. */
export const languageRoutes = new Hono<AppEnv>().post('/language', async function language_post(c) {
  const form = await c.req.parseBody();
  const lang = form.lang;
  if (isLocale(lang)) {
    setCookie(c, LANGUAGE_COOKIE, lang, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      httpOnly: true,
      sameSite: 'Lax',
      secure: new URL(c.req.url).protocol === 'https:',
    });
  }
  return c.redirect(safeReturnPath(form.next), 303);
});
