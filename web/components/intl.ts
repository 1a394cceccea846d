/**
 * The one home for the Intl objects the views use. Building one (a DateTimeFormat, a
 * NumberFormat, a Collator…) costs tens of microseconds, reading the locale's data and the time
 * zone's rules; using one costs a microsecond or two. So each is built once per locale, zone
 * and options, and kept for the life of the process (a few hundred at most: two languages, the
 * time zones in the data). Keys are written by the callers, cheaper than serialising options.
 */
type IntlObject = Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator | Intl.DisplayNames;

const kept = new Map<string, IntlObject>();

/** The Intl object kept under `key`, built by `make` the first time. A failed build is not kept. */
export const keptIntl = <T extends IntlObject>(key: string, make: () => T): T => {
  let value = kept.get(key) as T | undefined;
  if (!value) kept.set(key, (value = make()));
  return value;
};

const texts = new Map<string, string>();

/**
 * A text that only its key decides (a zone's name in a language, a time of day as a language
 * writes it), worked out by `make` the first time and kept: an Intl call costs a few
 * microseconds, and a page writes the same few dozen times again and again. The key must hold
 * every input of `make`. At most 5,000 are kept; then they are let go and made again.
 */
export const keptText = (key: string, make: () => string): string => {
  let text = texts.get(key);
  if (text === undefined) {
    if (texts.size >= 5000) texts.clear();
    texts.set(key, (text = make()));
  }
  return text;
};

/** The BCP 47 tag the site's dates and numbers are written in, per language. */
export const regionTag = (locale: string): string => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/** A number as the reader writes it: "1,234" / "1 234". */
export const formatNumber = (value: number, locale: string): string =>
  keptIntl(`number:${locale}`, () => new Intl.NumberFormat(regionTag(locale))).format(value);

/** Compares two labels in the reader's alphabetical order (for sort). */
export const compareLabels = (locale: string): ((a: string, b: string) => number) =>
  keptIntl(`collator:${locale}`, () => new Intl.Collator(locale)).compare;
