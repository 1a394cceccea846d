import { flesch } from 'flesch';
import Hypher from 'hypher';
import frenchPatterns from 'hyphenation.fr';
import { syllable } from 'syllable';
import type { Locale } from '../i18n';
import type { Readability, ReadabilityLevel } from './readability';

/**
 * Reading-ease scores for authors (event descriptions, campaign texts, stories).
 * English: Flesch Reading Ease, syllables from the `syllable` package.
 * French: Kandel & Moles' adaptation of Flesch (207 − 1.015·words/sentence − 73.6·syllables/word),
 * syllables from French hyphenation patterns (`hypher` + `hyphenation.fr`) with every break allowed.
 *
 * Only the routes that score a text load this module and its libraries (worker/on-demand.ts):
 * they pass the result to the views, which never import it.
 */

// Patterns normally refuse breaks near word edges (for typesetting); for counting syllables
// every break counts, so both minimums drop to one letter.
const frenchHyphenator = new Hypher({ ...frenchPatterns, leftmin: 1, rightmin: 1 });

const countSyllables = (word: string, locale: Locale): number =>
  Math.max(
    1,
    locale === 'fr' ? frenchHyphenator.hyphenate(word.toLowerCase()).length : syllable(word),
  );

// Plain patterns rather than Intl.Segmenter, which is quadratic on long texts in V8 (a 100 KB
// story took seconds). English and French words are runs of letters, digits and inner
// apostrophes or hyphens; a sentence ends at . ! ? or … followed by a space or the end.
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?…]+(?=[\s"”»)]|$)/gu;

const levelFor = (score: number): ReadabilityLevel =>
  score >= 80
    ? 'veryEasy'
    : score >= 65
      ? 'easy'
      : score >= 50
        ? 'fair'
        : score >= 30
          ? 'hard'
          : 'veryHard';

/** Scores a text written in the given language. */
export const scoreReadability = (text: string, locale: Locale): Readability => {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return { score: null, level: 'empty', words: 0, sentences: 0 };
  const sentences = Math.max(
    1,
    text.split(SENTENCE_END).filter((part) => /\p{L}/u.test(part)).length,
  );
  const syllables = words.reduce((sum, word) => sum + countSyllables(word, locale), 0);
  const raw =
    locale === 'fr'
      ? 207 - 1.015 * (words.length / sentences) - 73.6 * (syllables / words.length)
      : flesch({ sentence: sentences, word: words.length, syllable: syllables });
  const score = Math.round(Math.min(100, Math.max(0, raw)));
  return { score, level: levelFor(score), words: words.length, sentences };
};
