import { Hono, type MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env';
import { bodyLimit } from './middleware/body-limit';
import { clientKey } from './middleware/client-key';
import { locale } from './middleware/locale';
import { requestLog } from './middleware/request-log';
import { securityHeaders } from './middleware/security-headers';
import { services, type AppDeps } from './middleware/services';
import { session } from './middleware/session';
import type { PageCache } from './middleware/page-cache';
import { renderErrorPage } from './http/render';
import { accountRoutes } from './accounts/account';
import { campaignsArea } from './campaigns';
import { circlesArea } from './circles';
import { eventsArea } from './events';
import { healthRoutes } from './site/health';
import { moderationRoutes } from './accounts/moderation';
import { resourcesEditRoutes } from './resources/edit';
import { resourcesModerationRoutes } from './resources/moderation';
import { organizeRoutes } from './accounts/organize';
import { signInRoutes } from './accounts/sign-in';
import { hsdsRoutes } from './resources/hsds';
import { languageRoutes } from './site/language';
import { pageRoutes } from './site/pages';
import { resourceRoutes } from './resources/public';
import { storyRoutes } from './stories/public';

export type { AppDeps } from './middleware/services';

/** The largest request body accepted: far more than any form needs, far less than harm needs. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface AppOptions {
  /** Where request lines go; console.log unless a test wants them. */
  log?: (line: string) => void;
  /**
   * Compresses responses: Node passes hono's `compress()`. Workers compress at the edge, so the
   * Worker bundle leaves the middleware out.
   */
  compress?: MiddlewareHandler<AppEnv>;
  /**
   * Serves /static/* (Node: worker/site/static-files.ts). Workers serve those files before the
   * Worker runs (`[assets]` in wrangler.toml), so the Worker bundle leaves this out.
   */
  staticFiles?: MiddlewareHandler<AppEnv>;
  /**
   * The local-only tools (the mail outbox: worker/site/dev-outbox.tsx), for `npm start`,
   * `npm run dev` and tests; the production Worker (worker/index.ts) leaves them out of its bundle.
   */
  localTools?: Hono<AppEnv>;
  /**
   * Serves public pages again to visitors without an account while nothing has been written
   * (worker/middleware/page-cache.ts): Node only, where the one process sees every write.
   */
  pageCache?: PageCache;
}

/** The public pages a visitor reads most, the same for every visitor without an account. */
const SHARED_PAGES = [
  '/',
  '/resources',
  '/resources/:id',
  '/events',
  '/events/:id',
  '/campaigns',
  '/campaigns/:id',
  '/stories',
  '/stories/:id',
  '/support',
  '/safety',
  '/privacy',
] as const;

/** Logs an error without its message (which may quote personal data or SQL): name and frames. */
const logError = (error: unknown, log: (line: string) => void) => {
  const stack =
    error instanceof Error
      ? (error.stack ?? '')
          .split('\n')
          .slice(1, 6)
          .map((l) => l.trim())
      : [];
  log(
    JSON.stringify({
      level: 'error',
      error: error instanceof Error ? error.name : typeof error,
      stack,
    }),
  );
};

/**
 * Builds the Hono app. Middleware order matters: logging wraps everything; the database and
 * configuration come next; headers and language before any page is drawn; then the body limit
 * and CSRF check before any route can change state.
 */
export const createApp = (deps: AppDeps, options: AppOptions = {}) => {
  const log = options.log ?? console.log;
  const app = new Hono<AppEnv>();

  app.use(requestLog(log));
  if (options.compress) app.use(options.compress);
  app.use(services(deps, log));
  app.use(clientKey(deps.clientAddress ?? ((c) => c.req.header('cf-connecting-ip'))));
  app.use(securityHeaders());
  app.use(locale());
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413);
      },
    }),
  );
  // Accepts a state-changing form only from this site: Sec-Fetch-Site or Origin must say so;
  // a request with neither is refused.
  app.use(csrf());
  app.use(session());
  if (options.pageCache)
    for (const path of SHARED_PAGES) app.use(path, options.pageCache.middleware);

  if (options.staticFiles) app.get('/static/:file', options.staticFiles);
  app.route('/', healthRoutes);
  app.route('/', pageRoutes);
  app.route('/', languageRoutes);
  app.route('/', signInRoutes);
  app.route('/', accountRoutes);
  app.route('/', moderationRoutes);
  app.route('/', resourcesModerationRoutes);
  app.route('/', resourcesEditRoutes);
  app.route('/', eventsArea);
  app.route('/', organizeRoutes);
  if (options.localTools) app.route('/', options.localTools);
  app.route('/', storyRoutes);
  app.route('/', campaignsArea);
  app.route('/', circlesArea);
  app.route('/', resourceRoutes);
  app.route('/', hsdsRoutes);

  app.notFound((c) => {
    const t = c.get('t');
    return renderErrorPage(c, {
      status: 404,
      title: t.errors.notFoundTitle,
      text: t.errors.notFoundText,
    });
  });

  app.onError((error, c) => {
    const status = error instanceof HTTPException ? error.status : 500;
    if (status >= 500) logError(error, log);
    const t = c.get('t');
    // The language middleware may not have run (an early failure): answer in plain text then.
    if (!t)
      return c.text(
        'Something went wrong. Please try again. / Un problème est survenu. Réessayez.',
        500,
      );
    const [title, text] =
      status === 403
        ? [t.errors.forbiddenTitle, t.errors.forbiddenText]
        : status === 413
          ? [t.errors.tooLargeTitle, t.errors.tooLargeText]
          : status === 404
            ? [t.errors.notFoundTitle, t.errors.notFoundText]
            : [t.errors.serverErrorTitle, t.errors.serverErrorText];
    return renderErrorPage(c, {
      status: status >= 400 && status < 600 ? status : 500,
      title,
      text,
    });
  });

  return app;
};
