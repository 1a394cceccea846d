import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchResources } from '../../../db/resources/search/search';
import { queryTerms, toMatchQuery, toTextMatch } from '../../../db/resources/search/text-query';
import type { ResourceSearch } from '../../../db/resources/types';
import { makeTestApp, type TestApp } from '../../support/app';

// Relevance in two tiers: a service with every word in a name (its own, its other name or its
// organization's) comes before one with the words elsewhere only, whatever bm25 says of the two.
let t: TestApp;
const now = new Date('2026-11-26T15:00:00Z');
beforeAll(async () => {
  t = await makeTestApp();
  await t.db.run(sql`INSERT INTO organizations (id, name, description) VALUES
    ('org-zephyr', 'Zephyrine Trust', 'A trust.'), ('org-harbour', 'Harbour Aid', 'An aid network.')`);
  // The described one says the word four times in a short text; the named ones only once, in a name.
  await t.db
    .run(sql`INSERT INTO services (id, organization_id, name, alternate_name, description, slug, status) VALUES
    ('svc-described', 'org-harbour', 'Morning desk', NULL, 'Zephyrine, zephyrine: zephyrine help. Zephyrine.', 'described', 'active'),
    ('svc-org-named', 'org-zephyr', 'Evening desk', NULL, 'Drop in for a chat and a long talk about anything at all.', 'org-named', 'active'),
    ('svc-other-name', 'org-harbour', 'Night desk', 'Zephyrine line', 'A place to rest, with tea.', 'other-name', 'active'),
    ('svc-plan-a', 'org-harbour', 'Plan A shelter', NULL, 'Beds for the night.', 'plan-a', 'active'),
    ('svc-half-named', 'org-zephyr', 'Legal desk', NULL, 'Advice on housing, for tenants.', 'half-named', 'active')`);
});
afterAll(() => t.close());

const search = async (changes: Partial<ResourceSearch>, fastPaths = true) => {
  const result = await searchResources(
    t.db,
    { sort: 'relevance', page: 1, pageSize: 10, ...changes },
    now,
    { fastPaths },
  );
  return result.items.map((item) => item.slug);
};

describe('relevance: name hits first', () => {
  it('puts every service with the word in a name before one with it only in its description', async () => {
    // Plain bm25 ranks the description that repeats the word first; this test failed before the tiers.
    const found = await search({ text: 'zephyrine' });
    expect(found).toHaveLength(4);
    expect(found.slice(0, 3).sort()).toEqual(['half-named', 'org-named', 'other-name']);
    expect(found[3]).toBe('described');
    expect(await search({ text: 'zephyrine' }, false)).toEqual(found);
  });

  it('counts every hit when no name holds the words', async () => {
    const result = await searchResources(
      t.db,
      { sort: 'relevance', page: 1, pageSize: 10, text: 'drop chat' },
      now,
    );
    expect(result.items.map((item) => item.slug)).toEqual(['org-named']);
    expect(result.total).toBe(1);
    expect(result).toEqual(
      await searchResources(
        t.db,
        { sort: 'relevance', page: 1, pageSize: 10, text: 'drop chat' },
        now,
        { fastPaths: false },
      ),
    );
  });

  it('asks every word to be in the names for the first tier', async () => {
    // "Morning desk" has "desk" in its name but "zephyrine" only in its description: second tier.
    const both = await search({ text: 'desk zephyrine' });
    expect(both.slice(0, 3).sort()).toEqual(['half-named', 'org-named', 'other-name']);
    expect(both).toContain('described');
  });

  it('keeps the same order with a selective filter, on the path that ranks after filtering', async () => {
    await t.db.run(sql`INSERT INTO languages (id, service_id, code, name) VALUES
      ('lg-1', 'svc-described', 'fr', 'French'), ('lg-2', 'svc-org-named', 'fr', 'French')`);
    expect(await search({ text: 'zephyrine', language: 'fr' })).toEqual(['org-named', 'described']);
    expect(await search({ text: 'zephyrine', language: 'fr' }, false)).toEqual([
      'org-named',
      'described',
    ]);
  });
});

describe('words of one character', () => {
  it('are looked for in names only, as whole words', async () => {
    // "a" is in every description here; only the name "Plan A shelter" holds it.
    expect(await search({ text: 'a' })).toEqual(['plan-a']);
    expect(await search({ text: 'À' })).toEqual(['plan-a']);
    expect(await search({ text: 'a' }, false)).toEqual(['plan-a']);
    expect(toTextMatch('a 5')!.namesOnly).toBe(true);
  });

  it('count like any other word beside a longer one', async () => {
    // "a" with "tea": every word must be somewhere, as for any search.
    expect(await search({ text: 'a tea' })).toEqual(['other-name']);
    expect(toTextMatch('a tea')!.all).toBe(toMatchQuery('a tea'));
  });
});

describe('words with combining marks', () => {
  it('keep their vowel signs, so Hindi and Thai words are found anywhere, not cut into letters', async () => {
    await t.db
      .run(sql`INSERT INTO services (id, organization_id, name, description, slug, status) VALUES
      ('svc-hindi', 'org-harbour', 'Advice desk', 'हिंदी में कानूनी सलाह. ที่พัก ฟรี', 'hindi', 'active')`);
    expect(queryTerms('हिंदी ที่พัก')).toEqual(['हिंदी', 'ที่พัก']);
    for (const text of ['हिंदी', 'कानूनी सलाह', 'ที่พัก']) {
      expect(await search({ text })).toEqual(['hindi']);
      expect(await search({ text }, false)).toEqual(['hindi']);
    }
    await t.db.run(sql`DELETE FROM services WHERE id = 'svc-hindi'`);
  });
});

describe('toTextMatch', () => {
  it('quotes every word, for the whole index and for the names index', () => {
    expect(toTextMatch('Legal "advice')).toEqual({
      all: '"legal" "advice" *',
      names: '"legal" "advice" *',
      namesOnly: false,
    });
    // One-character words: the whole index is asked for its names columns only.
    expect(toTextMatch('a 5')).toEqual({
      all: '{name alternate_name organization} : "a" {name alternate_name organization} : "5"',
      names: '"a" "5"',
      namesOnly: true,
    });
    expect(toTextMatch('*** ::')).toBeNull();
  });
});
