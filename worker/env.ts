import type { Database } from '../db/core/database';
import type { CurrentUser } from '../db/accounts/roles';
import type { Mailer } from './mail/mailer';
import type { Catalog, Locale } from '../web/i18n';
import type { AppConfig } from './config';
import type { AreaLinks } from './area-links';

/** Workers bindings (wrangler.toml). On Node the same names come from process.env. */
export interface Bindings {
  DB: D1Database;
  SITE_NAME?: string;
  QUICK_EXIT_URL?: string;
  APP_ENV?: string;
  /** The site's own address, for links in emails (worker/config.ts siteOrigin). */
  SITE_URL?: string;
  /** The email provider (deployed only): its endpoint, key (a secret) and sender address. */
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  MAIL_FROM?: string;
  /** Key for hashing client addresses (rate limits); made and kept in the database if unset. */
  CLIENT_KEY_SECRET?: string;
  /** Days signers' emails are kept after a campaign is closed or delivered (default 90). */
  CAMPAIGN_RETENTION_DAYS?: string;
}

/** The Hono environment shared by every route and middleware. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    db: Database;
    config: AppConfig;
    mailer: Mailer;
    /**
     * Where the app's log lines go (createApp's `log`), for an error a route handles itself:
     * JSON, with no personal data, address, query string or message text.
     */
    log: (line: string) => void;
    /** Where one area shows another's content: campaign page slots, event and story campaign links. */
    areaLinks: AreaLinks;
    /** The signed-in person, or null for a visitor. */
    user: CurrentUser | null;
    /** The id (token hash) of the current session, or null. */
    sessionId: string | null;
    locale: Locale;
    t: Catalog;
    /** Set by hono's languageDetector. */
    language: string;
    /** A keyed hash of the client's address, for rate limits; never the address itself. */
    clientKey: () => Promise<string>;
    /** The same keyed hash for any value, e.g. an email address as a rate-limit subject. */
    keyedHash: (value: string) => Promise<string>;
    /** Set by hono's secureHeaders for the CSP. */
    secureHeadersNonce?: string;
  };
}
