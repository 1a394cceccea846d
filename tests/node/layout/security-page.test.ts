import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

/**
 * What SECURITY.md cites: each `tests/...` path, with the test names in curly quotes (“…”)
 * after it, up to the next path. A name with no path before it is cited against nothing.
 */
const citationsOf = (markdown: string) => {
  const cited: { path: string; names: string[] }[] = [{ path: '', names: [] }];
  for (const [, path, name] of markdown.matchAll(/`(tests\/[^`\s]+)`|“([^”]+)”/g)) {
    if (path) cited.push({ path, names: [] });
    else cited.at(-1)!.names.push(name!);
  }
  return cited;
};

const unescape = (text: string) =>
  text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\([\\'"`])/g, '$1');

/** Test and suite names in a source file: every plain string that opens a call's arguments. */
const titlesIn = (source: string) =>
  new Set(
    [...source.matchAll(/\(\s*(['"`])((?:\\[\s\S]|(?!\1)[^\\])*?)\1\s*,/g)]
      .filter(([, quote, text]) => quote !== '`' || !text!.includes('${'))
      .map(([, , text]) => unescape(text!)),
  );

/** Every citation that names a file that does not exist, or a test its file does not have. */
const brokenCitations = (markdown: string): string[] =>
  citationsOf(markdown).flatMap(({ path, names }) => {
    if (!path) return names.map((name) => `“${name}” cites no file`);
    const file = join(root, path);
    if (!existsSync(file)) return [`${path} does not exist`];
    const titles = titlesIn(readFileSync(file, 'utf8'));
    return names.filter((name) => !titles.has(name)).map((name) => `${path} has no “${name}”`);
  });

describe('SECURITY.md', () => {
  it('cites only files and tests that exist', () => {
    const markdown = readFileSync(join(root, 'SECURITY.md'), 'utf8');
    expect(citationsOf(markdown).filter((c) => c.path).length).toBeGreaterThan(30);
    expect(brokenCitations(markdown)).toEqual([]);
  });

  it('would notice a renamed test, a moved file and a name cited against no file', () => {
    expect(
      brokenCitations(
        [
          '“an orphan name”',
          '`tests/node/accounts/sessions.test.ts` “members: 30 days, sliding forward when half is used”; “a test renamed since”',
          '`tests/node/nowhere.test.ts` “anything”',
        ].join('\n'),
      ),
    ).toEqual([
      '“an orphan name” cites no file',
      'tests/node/accounts/sessions.test.ts has no “a test renamed since”',
      'tests/node/nowhere.test.ts does not exist',
    ]);
  });
});
