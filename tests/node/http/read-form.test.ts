import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readForm } from '../../../worker/http/validation';

/** What readForm and hono's own parseBody read from the same posted body. */
const bothReads = async (body: string, contentType = 'application/x-www-form-urlencoded') => {
  const app = new Hono().post('/ours', async (c) => c.json(await readForm(c.req))).post('/hono', async (c) => c.json(await c.req.parseBody()));
  const read = async (path: string) => (await app.request(path, { method: 'POST', body, headers: { 'Content-Type': contentType } })).json();
  return { ours: await read('/ours'), hono: await read('/hono') };
};

describe('readForm', () => {
  it('reads a urlencoded body as parseBody does: last repeated name wins, [] names collect, UTF-8 and + decoded', async () => {
    for (const body of [
      'firstName=Ana&email=ana%40example.org&display=full',
      'a=1&a=2&b[]=x&b[]=y&c[]=only',
      'name=Ren%C3%A9e+Dupont&city=Qu%C3%A9bec&message=line1%0D%0Aline2',
      'broken=%E0%A4%A&empty=&=novalue&flag',
      '',
    ]) {
      const { ours, hono } = await bothReads(body);
      expect(ours).toEqual(hono);
    }
  });

  it('reads the charset-qualified type, and leaves other types to parseBody', async () => {
    expect((await bothReads('a=1', 'application/x-www-form-urlencoded; charset=UTF-8')).ours).toEqual({ a: '1' });
    expect((await bothReads('{"a":1}', 'application/json')).ours).toEqual({});
  });
});
