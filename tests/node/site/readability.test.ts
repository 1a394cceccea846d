import { describe, expect, it } from 'vitest';
import { allCatalogs } from '../../../worker/catalogs';
import { readabilityMessage } from '../../../web/components/readability';
import { loadReadabilityScore } from '../../../worker/on-demand';

// The catalogs as the app hands them out (French is an on-demand module).
const catalogs = await allCatalogs();

// The scorer as the app runs it: the module built for on-demand loading.
const { scoreReadability } = await loadReadabilityScore();

const plainEnglish = 'We meet on Monday. Bring a friend if you like. There is tea and cake.';
const denseEnglish =
  'Notwithstanding the aforementioned institutional considerations, the multidisciplinary accountability framework necessitates comprehensive intersectoral collaboration amongst stakeholders.';
const plainFrench = 'Nous nous voyons lundi. Venez avec une amie si vous voulez. Il y a du thé.';
const denseFrench =
  'Nonobstant les considérations institutionnelles susmentionnées, le dispositif pluridisciplinaire de responsabilisation nécessite une collaboration intersectorielle approfondie.';

describe('scoreReadability', () => {
  it('scores plain English as easy and dense English as very hard', () => {
    expect(scoreReadability(plainEnglish, 'en')).toMatchObject({ level: 'veryEasy', sentences: 3 });
    expect(scoreReadability(denseEnglish, 'en')).toMatchObject({ level: 'veryHard', sentences: 1 });
  });

  it('scores French with a French formula and French syllables', () => {
    const plain = scoreReadability(plainFrench, 'fr');
    const dense = scoreReadability(denseFrench, 'fr');
    expect(plain.score!).toBeGreaterThan(70);
    expect(dense.score!).toBeLessThan(30);
  });

  it('ranks a text with long sentences below the same words in short ones', () => {
    const long = scoreReadability(
      'We meet on Monday and you can bring a friend if you like and there is tea and cake',
      'en',
    );
    const short = scoreReadability(
      'We meet on Monday. You can bring a friend. There is tea and cake.',
      'en',
    );
    expect(short.score!).toBeGreaterThan(long.score!);
  });

  it('has nothing to score in empty or symbol-only text', () => {
    for (const text of ['', '   ', '!!! ???', '\u202e\u202d']) {
      expect(scoreReadability(text, 'en')).toEqual({
        score: null,
        level: 'empty',
        words: 0,
        sentences: 0,
      });
    }
  });

  it('copes with huge input', () => {
    const result = scoreReadability('Short words here. '.repeat(20_000), 'fr');
    expect(result.words).toBe(60_000);
  });
});

describe('readabilityMessage', () => {
  it('gives the score and plain advice in the reader\u2019s language', () => {
    const dense = scoreReadability(denseEnglish, 'en');
    expect(readabilityMessage(dense, catalogs.en)).toMatch(
      /^Reading ease: \d+ out of 100\. Very hard to read\./,
    );
    expect(readabilityMessage(dense, catalogs.fr)).toMatch(
      /^Facilité de lecture : \d+ sur 100\. Très difficile/,
    );
    expect(readabilityMessage(scoreReadability('', 'en'), catalogs.en)).toBe(
      catalogs.en.readability.empty,
    );
  });
});
