/**
 * Languages a text written on the site may be in: stories, campaigns, events. The page's
 * language is the reader's choice; each text keeps its own, so it can carry a `lang`
 * attribute (WCAG 3.1.2) and be read aloud with the right voice.
 */
export const CONTENT_LANGUAGES = ['en', 'fr', 'es', 'pt', 'ar'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

export const isContentLanguage = (value: unknown): value is ContentLanguage =>
  typeof value === 'string' && (CONTENT_LANGUAGES as readonly string[]).includes(value);
