import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { allValues, cleanText, firstValue } from '../../../worker/http/fields';

/** What `parseBody({ all: true })` makes of a multipart form, read by our field readers. */
const readMultipart = async (form: FormData) => {
  const app = new Hono().post('/', async (c) => {
    const body = await c.req.parseBody({ all: true });
    return c.json({ first: firstValue(body.field), all: allValues(body.field) });
  });
  return (await app.request('/', { method: 'POST', body: form })).json();
};

describe('firstValue', () => {
  it('reads a string, the first of a repeated field, and nothing else', () => {
    expect(firstValue('Ana')).toBe('Ana');
    expect(firstValue(['first', 'second'])).toBe('first');
    expect(firstValue(undefined)).toBe('');
    expect(firstValue([])).toBe('');
    expect(firstValue(42)).toBe('');
  });

  it('reads a file, or a list starting with one, as empty text (never "[object File]")', async () => {
    const file = new File(['secret'], 'a.txt', { type: 'text/plain' });
    expect(firstValue(file)).toBe('');
    expect(firstValue([file, 'typed'])).toBe('');

    const form = new FormData();
    form.append('field', file);
    form.append('field', 'typed');
    expect(await readMultipart(form)).toEqual({ first: '', all: ['typed'] });
  });
});

describe('allValues', () => {
  it('keeps every text value and drops files and empty values', () => {
    expect(allValues(['a', '', 'b'])).toEqual(['a', 'b']);
    expect(allValues('only')).toEqual(['only']);
    expect(allValues('')).toEqual([]);
    expect(allValues(undefined)).toEqual([]);
    expect(allValues([new File(['x'], 'x.txt'), 'kept'])).toEqual(['kept']);
  });
});

describe('cleanText', () => {
  it('removes marks that change how text reads: bidi overrides, isolates, directional marks, BOM', () => {
    expect(cleanText('Safe\u202Etxt.exe\u202C')).toBe('Safetxt.exe');
    expect(cleanText('Ana\u2066\u2067\u2068\u2069')).toBe('Ana');
    expect(cleanText('a\u200Eb\u200Fc\u061Cd')).toBe('abcd');
    expect(cleanText('na\uFEFFme')).toBe('name');
  });

  it('removes C1 control characters in both modes', () => {
    expect(cleanText('a\u0085b\u009Bc')).toBe('abc');
    expect(cleanText('a\u0085b\u009Bc', true)).toBe('abc');
  });

  it('on one line, makes a run of control characters (NUL, tabs, line breaks) one space', () => {
    expect(cleanText('first\u0000\u0007last')).toBe('first last');
    expect(cleanText('two\r\nlines\tand tab')).toBe('two lines and tab');
  });

  it('over several lines, keeps line breaks (as \\n) and tabs, removes other controls', () => {
    expect(cleanText('one\r\ntwo\rthree\n\tfour\u0000\u0007\u007F', true)).toBe(
      'one\ntwo\nthree\n\tfour',
    );
  });

  it('normalises to NFC and trims', () => {
    expect(cleanText('  Re\u0301e  ')).toBe('R\u00e9e');
    expect(cleanText('\u202E  \u0000 ')).toBe('');
  });
});
