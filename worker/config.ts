/** Settings that differ between deployments, read from the environment (Node) or wrangler vars (Workers). */
export interface AppConfig {
  /** Shown in the header and page titles. Neutral by default: a watched screen should not alarm. */
  siteName: string;
  /** Where Quick exit sends people: a neutral, everyday site. */
  quickExitUrl: string;
  /**
   * APP_ENV=local, set on purpose (`npm start` and `npm run dev` set it): enables local-only
   * tools such as the mail outbox and the demo notice. Never guessed from the listening address.
   */
  isLocal: boolean;
  /** Key for keyed hashes (client addresses, sign-in codes); when unset, one kept in the database. */
  clientKeySecret: string | undefined;
  /** How long personal data is kept; the privacy page states these same numbers. */
  retention: RetentionSettings;
  /**
   * The site's own address (SITE_URL), for links in emails and share links. Unset, the address
   * the request came to is used: fine behind Cloudflare, but a Node server whose proxy passes any
   * Host header would let a stranger choose where a mailed link points.
   */
  siteOrigin: string | undefined;
}

export interface RetentionSettings {
  /** Days after an event ends before RSVP names, emails and access needs are erased. */
  rsvpDays: number;
  /** Days after a campaign is closed or delivered before signers' emails are erased. */
  campaignDays: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { rsvpDays: 30, campaignDays: 90 };

/** A whole number of days from 1 to 3650, else the default. */
const days = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 3650 ? n : fallback;
};

export type ConfigSource = Record<string, string | undefined>;

export const DEFAULT_QUICK_EXIT_URL = 'https://weather.com/';

const httpUrl = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
};

/** Reads the configuration; anything missing or malformed falls back to a safe default. */
export const readConfig = (source: ConfigSource): AppConfig => ({
  siteName: source.SITE_NAME?.trim() || 'Hearth',
  quickExitUrl: httpUrl(source.QUICK_EXIT_URL) ?? DEFAULT_QUICK_EXIT_URL,
  isLocal: source.APP_ENV === 'local',
  clientKeySecret: source.CLIENT_KEY_SECRET || undefined,
  siteOrigin: httpUrl(source.SITE_URL) ? new URL(source.SITE_URL!).origin : undefined,
  retention: {
    rsvpDays: days(source.RSVP_RETENTION_DAYS, DEFAULT_RETENTION.rsvpDays),
    campaignDays: days(source.CAMPAIGN_RETENTION_DAYS, DEFAULT_RETENTION.campaignDays),
  },
});

/** Where the Node server listens unless HOST says otherwise: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

const isLoopback = (host: string) => /^(127\.|::1$|localhost$)/.test(host);

/**
 * Why a Node run cannot be local, or undefined when it may. A local run shows every sign-in code
 * at /dev/outbox: behind a reverse proxy (TRUST_PROXY=1) or listening to a network (HOST), that
 * would hand any visitor an account, so the server refuses to start rather than guess.
 */
export const localRunRefusal = (source: ConfigSource): string | undefined => {
  if (!readConfig(source).isLocal) return undefined;
  if (source.TRUST_PROXY === '1') {
    return "APP_ENV=local cannot run behind a reverse proxy (TRUST_PROXY=1): the local outbox would show everyone's sign-in codes. For a deployment, leave APP_ENV unset (npm run start:production).";
  }
  const host = source.HOST ?? DEFAULT_HOST;
  if (!isLoopback(host)) {
    return `APP_ENV=local listens only on this machine, not on HOST=${host}: the local outbox would show everyone's sign-in codes. For a deployment, leave APP_ENV unset (npm run start:production).`;
  }
  return undefined;
};
