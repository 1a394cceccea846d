import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { en } from '../../../web/i18n/en';
import { fr } from '../../../web/i18n/fr';
import { SHELL_PAGES } from '../../support/pages';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

/** Every string of a catalog, flattened. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

// English strings that also appear in French are not mistakes; very short ones ("ltr") say nothing.
const frenchStrings = new Set(strings(fr));
const englishOnly = strings(en).filter((s) => s.length > 3 && !frenchStrings.has(s));

/** Removes what is in English on purpose: elements marked lang="en" (the switch back to English). */
const withoutEnglishMarkedParts = (html: string) =>
  html.replace(/<(\w+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, '');

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe.each([...SHELL_PAGES, '/nowhere'])('%s in French', (path) => {
  it('contains no English catalog string', async () => {
    const res = await t.app.request(path, { headers: { 'Accept-Language': 'fr' } });
    const page = await res.text();
    expect(page).toMatch(/<html lang="fr"/);
    const html = withoutEnglishMarkedParts(page);
    const text = visibleText(html);
    const attributes = [
      ...html.matchAll(/\b(?:aria-label|title|alt|placeholder|value)="([^"]*)"/g),
    ].map((m) => m[1]);
    for (const english of englishOnly) {
      expect(text, english).not.toContain(english);
      expect(attributes, english).not.toContain(english);
    }
  });
});

describe('the catalogs', () => {
  it('have the same shape, arrays included, and no empty strings', () => {
    const shape = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(shape)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
          : typeof value;
    expect(shape(fr)).toEqual(shape(en));
    for (const s of [...strings(en), ...strings(fr)]) expect(s.trim()).not.toBe('');
  });
});
