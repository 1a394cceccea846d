import type { Catalog, Locale } from './i18n';

/** Sections of the main navigation; a page names the one it belongs to. */
export type NavSection = 'findHelp' | 'events' | 'takeAction' | 'stories' | 'support' | 'circles';

/** What every full page needs to draw the shell around its content. */
export interface Shell {
  locale: Locale;
  t: Catalog;
  siteName: string;
  quickExitUrl: string;
  /** The CSP nonce of this response, stamped on every script tag. */
  nonce: string | undefined;
  /** Path and query of this page, so switching language comes back here. */
  currentUrl: string;
  section?: NavSection;
  /** Feeds that follow this page, offered to browsers and readers as `<link rel="alternate">`. */
  feeds?: readonly FeedLink[];
  /** Whether someone is signed in: the header offers "My account" instead of "Sign in". */
  signedIn: boolean;
  /** Whether the page has htmx enhancements (an `hx-` attribute): htmx is loaded only then. */
  htmx?: boolean;
}

/** An Atom feed of a page: its address (on this site) and its title in the reader's language. */
export interface FeedLink {
  href: string;
  title: string;
}
