import type { Locale } from '../i18n';
import { keptIntl, regionTag } from './intl';

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
