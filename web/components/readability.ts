import { format, type Catalog } from '../i18n';

/**
 * Reading-ease scores for authors (event descriptions, campaign texts, stories): the result and
 * the advice shown. The scoring itself, and the libraries it needs, are in readability-score.ts,
 * which the Worker loads only on the routes that score a text (worker/on-demand.ts).
 */
export type ReadabilityLevel = 'empty' | 'veryEasy' | 'easy' | 'fair' | 'hard' | 'veryHard';

export interface Readability {
  /** 0 (very hard) to 100 (very easy), rounded; null when there is nothing to score. */
  score: number | null;
  level: ReadabilityLevel;
  words: number;
  sentences: number;
}

/** The plain-language advice shown to an author, in the reader's interface language. */
export const readabilityMessage = (result: Readability, t: Catalog): string =>
  result.level === 'empty'
    ? t.readability.empty
    : `${format(t.readability.scoreLabel, { score: result.score ?? 0 })}. ${t.readability[result.level]}`;
