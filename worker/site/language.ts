import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { isLocale } from '../../web/i18n';
import type { AppEnv } from '../env';
import { LANGUAGE_COOKIE } from '../middleware/locale';
import { safeReturnPath } from '../http/return-path';
import { readForm } from '../http/validation';
import { firstValue } from '../http/fields';

/** POST /language: remember the chosen language, then go back to the page it was chosen on. */
export const languageRoutes = new Hono<AppEnv>().post('/language', async function language_post(c) {
  const form = await readForm(c.req);
  const lang = firstValue(form.lang);
  if (isLocale(lang)) {
    setCookie(c, LANGUAGE_COOKIE, lang, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      httpOnly: true,
      sameSite: 'Lax',
      secure: new URL(c.req.url).protocol === 'https:',
    });
  }
  return c.redirect(safeReturnPath(firstValue(form.next)), 303);
});
