import { flesch } from 'flesch';
import Hypher from 'hypher';
import frenchPatterns from 'hyphenation.fr';
import { syllable } from 'syllable';
import { format, type Catalog, type Locale } from './i18n';

/**
 * Reading-ease scores for authors (event descriptions, campaign texts, stories).
 * English: Flesch Reading Ease, syllables from the `syllable` package.
 * French: Kandel & Moles' adaptation of Flesch (207 − 1.015·words/sentence − 73.6·syllables/word),
 * syllables from French hyphenation patterns (`hypher` + `hyphenation.fr`) with every break allowed.
 */
export type ReadabilityLevel = 'empty' | 'veryEasy' | 'easy' | 'fair' | 'hard' | 'veryHard';

export interface Readability {
  /** 0 (very hard) to 100 (very easy), rounded; null when there is nothing to score. */
  score: number | null;
  level: ReadabilityLevel;
  words: number;
  sentences: number;
}

// Patterns normally refuse breaks near word edges (for typesetting); for counting syllables
// every break counts, so both minimums drop to one letter.
const frenchHyphenator = new Hypher({ ...frenchPatterns, leftmin: 1, rightmin: 1 });

const countSyllables = (word: string, locale: Locale): number =>
  Math.max(1, locale === 'fr' ? frenchHyphenator.hyphenate(word.toLowerCase()).length : syllable(word));

const segment = (text: string, locale: Locale, granularity: 'word' | 'sentence') =>
  Array.from(new Intl.Segmenter(locale, { granularity }).segment(text));

const levelFor = (score: number): ReadabilityLevel =>
  score >= 80 ? 'veryEasy' : score >= 65 ? 'easy' : score >= 50 ? 'fair' : score >= 30 ? 'hard' : 'veryHard';

/** Scores a text written in the given language. */
export const scoreReadability = (text: string, locale: Locale): Readability => {
  const words = segment(text, locale, 'word')
    .filter((part) => part.isWordLike)
    .map((part) => part.segment);
  if (words.length === 0) return { score: null, level: 'empty', words: 0, sentences: 0 };
  const sentences = Math.max(
    1,
    segment(text, locale, 'sentence').filter((part) => /\p{L}/u.test(part.segment)).length,
  );
  const syllables = words.reduce((sum, word) => sum + countSyllables(word, locale), 0);
  const raw =
    locale === 'fr'
      ? 207 - 1.015 * (words.length / sentences) - 73.6 * (syllables / words.length)
      : flesch({ sentence: sentences, word: words.length, syllable: syllables });
  const score = Math.round(Math.min(100, Math.max(0, raw)));
  return { score, level: levelFor(score), words: words.length, sentences };
};

/** The plain-language advice shown to an author, in the reader's interface language. */
export const readabilityMessage = (result: Readability, t: Catalog): string =>
  result.level === 'empty'
    ? t.readability.empty
    : `${format(t.readability.scoreLabel, { score: result.score ?? 0 })}. ${t.readability[result.level]}`;
