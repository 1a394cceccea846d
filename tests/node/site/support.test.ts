import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Catalog } from '../../../web/i18n';
import { allCatalogs } from '../../../worker/catalogs';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

// The catalogs as the app hands them out (French is an on-demand module).
const catalogs = await allCatalogs();

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

/**
 * The thirteen themes of /work/shared/GUIDE-THEMES.md (in its order), each as the catalog key of
 * its section and the id of its heading.
 */
const THEMES: [keyof Catalog['support']['themes'], string][] = [
  ['askAgain', 'ask-again'], // 1. ask, and ask again: check in as needs change
  ['listen', 'listen'], // 2. listen first
  ['consent', 'consent'], // 3. consent before advice or touch
  ['theirChoices', 'their-choices'], // 4. their life, their decisions
  ['space', 'space'], // 5. respect space
  ['practical', 'practical-help'], // 6. practical help, done with them
  ['confidentiality', 'confidentiality'], // 7. confidentiality
  ['reliable', 'reliable'], // 8. reliable, honest about limits
  ['noLabels', 'no-labels'], // 9. no stigma, no shame
  ['learn', 'learn'], // 10. learn on your own
  ['plainWords', 'plain-words'], // 11. speak plainly
  ['advocate', 'advocate'], // 12. advocate, with consent
  ['yourself', 'yourself'], // 13. be kind to yourself too
];

const decode = (html: string) => visibleText(html).trim();

const guideIn = async (lang: 'en' | 'fr') => {
  const res = await t.app.request('/support', { headers: { 'Accept-Language': lang } });
  expect(res.status).toBe(200);
  const html = await res.text();
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
};

/** The headings of a page, in order: level, id and text. */
const headingsOf = (html: string) =>
  [...html.matchAll(/<h([1-6])(?:\s+id="([^"]*)")?[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({
    level: Number(m[1]),
    id: m[2],
    text: decode(m[3]!),
  }));

describe.each(['en', 'fr'] as const)('the guide at /support, in %s', (lang) => {
  const catalog = catalogs[lang];

  it('has a heading for each of the thirteen themes, linked from the table of contents', async () => {
    const main = await guideIn(lang);
    const headings = headingsOf(main);
    for (const [theme, anchor] of THEMES) {
      const heading = catalog.support.themes[theme].heading;
      expect(headings, theme).toContainEqual({ level: 2, id: anchor, text: heading });
      const link = main.match(new RegExp(`<a href="#${anchor}">([^<]*)</a>`));
      expect(link && decode(link[1]!), theme).toBe(heading);
    }
    expect(
      headings.filter((h) => h.level === 2 && h.id && h.id !== 'contents-heading'),
    ).toHaveLength(THEMES.length + 1);
  });

  it('keeps its headings in order: one h1, then h2s, no level skipped', async () => {
    const levels = headingsOf(await guideIn(lang)).map((h) => h.level);
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.slice(1).forEach((level, i) => expect(level - levels[i]!).toBeLessThanOrEqual(1));
  });

  it('ends by telling a supporter they may be invited to a care circle', async () => {
    const main = await guideIn(lang);
    const last = headingsOf(main).at(-1)!;
    expect(last).toMatchObject({ level: 2, text: catalog.support.circlesHeading });
    const closing = decode(main.slice(main.lastIndexOf('<h2')));
    expect(closing).toContain(
      lang === 'en'
        ? 'they can invite you to their circle'
        : 'elle peut vous inviter dans son cercle',
    );
  });

  it('never offers to start a circle about someone else: no circle link, no form, no such words', async () => {
    const main = await guideIn(lang);
    expect(main).not.toMatch(/href="[^"#]*\/circles/);
    expect(main).not.toMatch(/<form\b/);
    expect(decode(main)).not.toMatch(
      /\b(start|create|set up|open|make)\s+(a|an|one|your|their|new)\s+(care\s+)?circle|\b(créer|créez|lancer|lancez|ouvrir|ouvrez|démarrer|démarrez)\s+(un|une|votre|son|leur)\s+cercle/i,
    );
  });
});

describe('the guide in French', () => {
  it('has French headings, not the English ones', () => {
    for (const [theme] of THEMES) {
      expect(catalogs.fr.support.themes[theme].heading).not.toBe(
        catalogs.en.support.themes[theme].heading,
      );
    }
  });
});
