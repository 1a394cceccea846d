import type { MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { isLocale, locales } from '../../web/i18n';
import { catalogFor } from '../catalogs';
import type { AppEnv } from '../env';

/** The cookie that remembers a language chosen with the switcher. */
export const LANGUAGE_COOKIE = 'lang';

const detect = languageDetector({
  supportedLanguages: [...locales],
  fallbackLanguage: locales[0],
  order: ['cookie', 'header'],
  lookupCookie: LANGUAGE_COOKIE,
  // The cookie is written only by an explicit choice (POST /language), never as a side effect.
  caches: false,
  ignoreCase: true,
});

/** Picks the language (switcher cookie, else Accept-Language, else English) and its catalog. */
export const locale = (): MiddlewareHandler<AppEnv> =>
  async function locale(c, next) {
    await detect(c, async () => {
      const language = c.get('language');
      const chosen = isLocale(language) ? language : locales[0];
      c.set('locale', chosen);
      c.set('t', await catalogFor(chosen));
      c.header('Content-Language', chosen);
      c.header('Vary', 'Accept-Language, Cookie', { append: true });
      await next();
    });
  };

/**
 * For feeds and partner embeds: `?lang=en` or `?lang=fr` in the address wins over the visitor's
 * cookie and browser. A feed reader sends neither, and a partner's page shows one language to
 * everyone, so the address is what says which; without it, the visitor's language as anywhere.
 */
export const queryLanguage = (): MiddlewareHandler<AppEnv> =>
  async function queryLanguage(c, next) {
    const asked = c.req.query('lang');
    if (isLocale(asked)) {
      c.set('locale', asked);
      c.set('t', await catalogFor(asked));
      c.header('Content-Language', asked);
    }
    await next();
  };
