import { html } from 'hono/html';

/**
 * What a public page offers to a messaging app that shows a link as a card (Open Graph). Only
 * public events, campaigns and resources carry one: never stories, circles, or anything a
 * person sees only because they are its organizer.
 */
export interface ShareCardContent {
  title: string;
  /** The page's own words: shortened to a summary here. */
  summary: string;
  /** The page's address, absolute, on the configured site origin. */
  url: string;
  /** The language the title and summary are written in (BCP 47). */
  language: string;
}

/** Longest summary shown: cards cut longer ones anyway, and mid-word. */
const SUMMARY_CHARS = 200;

/** The text on one line, cut at a word boundary before `SUMMARY_CHARS` with an ellipsis. */
export const shareSummary = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= SUMMARY_CHARS) return line;
  const cut = line.slice(0, SUMMARY_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?]+$/, '')}…`;
};

// Open Graph wants language_TERRITORY; the site's own languages have the territory their
// numbers and dates are written for, other languages go as their language alone.
const OG_LOCALES: Record<string, string> = { en: 'en_GB', fr: 'fr_FR' };
const ogLocale = (language: string) =>
  OG_LOCALES[language] ?? language.replace(/-/g, '_').replace(/[^A-Za-z_]/g, '');

/** The Open Graph tags of a page's <head>; the template escapes every value (layout.ts). */
export const ShareCard = ({ card, siteName }: { card: ShareCardContent; siteName: string }) =>
  // prettier-ignore
  html`<meta property="og:type" content="website"/><meta property="og:site_name" content="${siteName}"/><meta property="og:title" content="${card.title}"/><meta property="og:description" content="${shareSummary(card.summary)}"/><meta property="og:url" content="${card.url}"/><meta property="og:locale" content="${ogLocale(card.language)}"/>`;
