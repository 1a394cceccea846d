/**
 * How the resource pages write languages, dates, times, money and distances in the reader's
 * language, with the Intl API (maintained by the runtime, the same on Node and Workers).
 */
import type { CategoryOption } from '../../../db/resources/types';
import { keptIntl as cached, keptText } from '../../components/intl';
import type { Locale } from '../../i18n';

// Names already worked out, by locale and code: every search page names the same few languages,
// and Intl.DisplayNames#of costs several microseconds a call.
const names = new Map<string, string>();
const displayName = (code: string, inLocale: string): string => {
  const key = `${inLocale}:${code}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name =
        cached(
          `language-names:${inLocale}`,
          () => new Intl.DisplayNames([inLocale], { type: 'language' }),
        ).of(code) ?? code;
    } catch {
      name = code;
    }
    // Codes come from the data: a bounded set in practice, but never let the map grow without end.
    if (names.size < 2000) names.set(key, name);
  }
  return name;
};

/** A language's name in the reader's language: "French", "français". */
export const languageName = (code: string, locale: Locale): string => displayName(code, locale);

/** For the language filter: the name in the reader's language and, if different, its own name. */
export const languageOptionLabel = (code: string, locale: Locale): string => {
  const local = languageName(code, locale);
  const own = displayName(code, code);
  return own && own.toLowerCase() !== local.toLowerCase() && own !== code
    ? `${local} (${own})`
    : local;
};

/** A calendar date, e.g. "November 26, 2026" or "26 novembre 2026". */
export const formatDate = (date: Date, locale: Locale): string =>
  keptText(`resource-date:${locale}:${date.getTime()}`, () =>
    cached(
      `resource-date:${locale}`,
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    ).format(date),
  );

/** A local wall-clock time "HH:MM" as the reader writes times: "9:00 AM", "09:00". */
export const formatTime = (time: string, locale: Locale): string =>
  keptText(`resource-time:${locale}:${time}`, () => {
    const [hours, minutes] = time.split(':').map(Number);
    return cached(
      `resource-time:${locale}`,
      () =>
        new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }),
    ).format(new Date(Date.UTC(2000, 0, 1, hours ?? 0, minutes ?? 0)));
  });

/** An amount of money: "$5", "5 $ CA". */
export const formatMoney = (amount: number, currency: string, locale: Locale): string => {
  try {
    return cached(
      `money:${locale}:${currency}:${Number.isInteger(amount)}`,
      () =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
        }),
    ).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
};

/** The name of a time zone: "Eastern Time", "heure de l’Est nord-américain". */
export const zoneName = (timeZone: string, locale: Locale): string =>
  keptText(`zone-name:${locale}:${timeZone}`, () => {
    try {
      const parts = cached(
        `zone-name:${locale}:${timeZone}`,
        () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }),
      ).formatToParts(new Date(0));
      return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
    } catch {
      return timeZone;
    }
  });

/** A distance rounded to whole km (the person's position is only known to about 1 km). */
export const roundKm = (km: number): number => Math.max(1, Math.round(km));

/** A category's name in the reader's language, else in English, else its code. */
export const categoryName = (
  code: string,
  categories: readonly CategoryOption[],
  locale: Locale,
): string => {
  const names = categories.find((c) => c.code === code)?.names;
  return names?.[locale] ?? names?.en ?? code;
};
