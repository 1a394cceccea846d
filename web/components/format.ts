import type { Locale } from '../i18n';
import { keptIntl, regionTag } from './intl';

// Building an Intl.DateTimeFormat costs far more than using one (about a millisecond against
// microseconds): one per language, zone and style, kept for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat => {
  const key = `${locale} ${timeZone} ${withTime}`;
  let made = formatters.get(key);
  if (!made)
    formatters.set(
      key,
      (made = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
        dateStyle: 'long',
        ...(withTime ? { timeStyle: 'short' } : {}),
        timeZone,
      })),
    );
  return made;
};

/** A date and time in the reader's language, e.g. "26 November 2026 at 14:05 UTC". */
export const formatDateTime = (date: Date, locale: Locale, timeZone = 'UTC'): string =>
  keptIntl(
    `date-time:${locale}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(regionTag(locale), {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone,
      }),
  ).format(date) + ` ${timeZone === 'UTC' ? 'UTC' : ''}`.trimEnd();

/** A date in the reader's language, e.g. "26 November 2026". */
export const formatDate = (date: Date, locale: Locale, timeZone = 'UTC'): string =>
  keptIntl(
    `long-date:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(regionTag(locale), { dateStyle: 'long', timeZone }),
  ).format(date);
