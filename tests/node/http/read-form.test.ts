import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readForm } from '../../../worker/http/validation';

/** What readForm and hono's own parseBody({ all: true }) read from the same posted body. */
const bothReads = async (
  body: string | FormData,
  contentType: string | null = 'application/x-www-form-urlencoded',
) => {
  const app = new Hono()
    .post('/ours', async (c) => c.json(await readForm(c.req)))
    .post('/hono', async (c) => c.json(await c.req.parseBody({ all: true })));
  const read = async (path: string) =>
    (
      await app.request(path, {
        method: 'POST',
        body,
        headers: contentType ? { 'Content-Type': contentType } : {},
      })
    ).json();
  return { ours: await read('/ours'), hono: await read('/hono') };
};

/** Every TypeScript file under a folder. */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });

describe('readForm', () => {
  it('reads a urlencoded body as parseBody({ all: true }) does: a repeated name keeps every value, [] names collect, UTF-8 and + decoded', async () => {
    for (const body of [
      'firstName=Ana&email=ana%40example.org&display=full',
      'a=1&a=2&a=3&b[]=x&b[]=y&c[]=only',
      'name=Ren%C3%A9e+Dupont&city=Qu%C3%A9bec&message=line1%0D%0Aline2',
      'broken=%E0%A4%A&empty=&=novalue&flag&empty=',
      '',
    ]) {
      const { ours, hono } = await bothReads(body);
      expect(ours).toEqual(hono);
    }
    expect((await bothReads('contentNotes=violence&contentNotes=self-harm&title=T')).ours).toEqual({
      contentNotes: ['violence', 'self-harm'],
      title: 'T',
    });
  });

  it('keeps every value of a repeated multipart field too', async () => {
    const form = new FormData();
    for (const [name, value] of [
      ['campaignIds', 'a'],
      ['campaignIds', 'b'],
      ['campaignIds', 'c'],
      ['months', '12'],
    ])
      form.append(name!, value!);
    expect((await bothReads(form, null)).ours).toEqual({
      campaignIds: ['a', 'b', 'c'],
      months: '12',
    });
  });

  it('reads the charset-qualified type, and leaves other types to parseBody', async () => {
    expect(
      (await bothReads('a=1', 'application/x-www-form-urlencoded; charset=UTF-8')).ours,
    ).toEqual({ a: '1' });
    expect((await bothReads('{"a":1}', 'application/json')).ours).toEqual({});
  });

  it('is the only reader of request bodies: no route calls parseBody itself', () => {
    const readers = sourceFiles('worker').filter(
      (path) =>
        !path.endsWith(join('http', 'validation.ts')) &&
        /\.parseBody\(/.test(readFileSync(path, 'utf8')),
    );
    expect(readers).toEqual([]);
  });
});
