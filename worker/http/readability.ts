import type { Readability } from '../../web/components/readability';
import { isLocale, type Locale } from '../../web/i18n';
import { loadReadabilityScore } from '../on-demand';

/**
 * The reading-ease score of an author's text: in the language the text is written in when the
 * scorer knows it, else in the reader's; null when there is no text. The scorer and its syllable
 * libraries are loaded by the first text scored (worker/on-demand.ts), never by other pages.
 */
export const readabilityOf = async (
  text: string,
  writtenIn: string | undefined,
  reader: Locale,
): Promise<Readability | null> =>
  text
    ? (await loadReadabilityScore()).scoreReadability(
        text,
        isLocale(writtenIn) ? writtenIn : reader,
      )
    : null;
