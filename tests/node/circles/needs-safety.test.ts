import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCircleId } from '../../../db/circles/rules';
import { signUpForNeed } from '../../../db/circles/signups';
import { circleNeeds, circleSignUps } from '../../../db/schema';
import { makeTestApp, tablesSnapshot, type TestApp } from '../../support/app';
import { signIn, type TestBrowser } from '../../support/browser';
import { circleWithPeople, needDraft, postNeed } from '../../support/circle-needs';
import { personWith } from '../../support/stories';

let t: TestApp;
let a: Awaited<ReturnType<typeof circleWithPeople>>;
let b: Awaited<ReturnType<typeof circleWithPeople>>;
let needA: string;
let needB: string;
let signUpA: string;
let signUpB: string;

beforeEach(async () => {
  t = await makeTestApp();
  a = await circleWithPeople(t.db, 'a');
  b = await circleWithPeople(t.db, 'b');
  needA = await postNeed(t.db, a.circleId, a.owner.userId, needDraft(10, { helpersWanted: 2 }));
  needB = await postNeed(t.db, b.circleId, b.owner.userId, needDraft(10, { helpersWanted: 2 }));
  await signUpForNeed(t.db, a.circleId, needA, a.helper.memberId);
  await signUpForNeed(t.db, b.circleId, needB, b.helper.memberId);
  const rows = await t.db.select().from(circleSignUps).all();
  signUpA = rows.find((row) => row.needId === needA)!.id;
  signUpB = rows.find((row) => row.needId === needB)!.id;
});
afterEach(() => t.close());

/** Every need and sign-up route of a circle, for a need and a sign-up id. */
const routes = (circleId: string, needId: string, signUpId: string) => {
  const need = `/circles/${circleId}/needs/${needId}`;
  return [
    ['GET', `/circles/${circleId}/needs/new`],
    ['POST', `/circles/${circleId}/needs`],
    ['GET', need],
    ['GET', `${need}/edit`],
    ['POST', need],
    ['POST', `${need}/cancellation`],
    ['POST', `${need}/sign-up`],
    ['POST', `${need}/sign-up/cancellation`],
    ['GET', `${need}/sign-ups/${signUpId}.ics`],
  ] as const;
};

const form = {
  kind: 'ride',
  title: 'Changed by someone else',
  timing: 'at',
  date: '2030-01-01',
  startTime: '10:00',
  endTime: '11:00',
  helpersWanted: '5',
};
const send = (browser: TestBrowser, method: 'GET' | 'POST', path: string) =>
  method === 'GET' ? browser.get(path) : browser.post(path, form);

/** The database as it stands, to show nothing changed. */
const snapshot = () => tablesSnapshot(t, [circleNeeds, circleSignUps]);

/** A 404 body with the ids of the address taken out (the page links back to its own address). */
const bodyWithoutIds = async (res: Response, ids: string[]) => {
  let text = (await res.text()).replace(/nonce="[^"]*"/g, 'nonce=""');
  for (const id of ids) text = text.replaceAll(id, 'ID');
  return text;
};

describe('needs and sign-ups are invisible outside the circle', () => {
  it('a stranger, a moderator and an admin get the very 404 of an unknown id on every route, and change nothing', async () => {
    const before = await snapshot();
    const unknown = [newCircleId(), newCircleId(), newCircleId()] as const;
    const outsiders = [
      await signIn(t, 'stranger@example.org'),
      await personWith(t, 'mod@example.org', ['moderator']),
      await personWith(t, 'admin@example.org', ['admin']),
    ];
    const reference: string[] = [];
    for (const [method, path] of routes(...unknown)) {
      const res = await send(outsiders[0]!, method, path);
      expect(res.status).toBe(404);
      reference.push(await bodyWithoutIds(res, [...unknown]));
    }
    for (const outsider of outsiders)
      for (const [index, [method, path]] of routes(a.circleId, needA, signUpA).entries()) {
        const res = await send(outsider, method, path);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(await bodyWithoutIds(res, [a.circleId, needA, signUpA])).toBe(reference[index]);
      }
    expect(await snapshot()).toBe(before);
  });

  it('a need or sign-up id of another circle, used in my own circle, shows and changes nothing', async () => {
    const before = await snapshot();
    for (const who of ['owner', 'coordinator', 'helper'] as const) {
      const browser = await signIn(t, a[who].email);
      const icsOfA = routes(a.circleId, needA, signUpB).at(-1)!;
      for (const [method, path] of [
        ...routes(a.circleId, needB, signUpB),
        ...routes(a.circleId, signUpA, signUpA),
        icsOfA,
        [icsOfA[0], icsOfA[1].replace(signUpB, needA)] as const,
      ]) {
        if (path.endsWith('/needs') || path.endsWith('/needs/new')) continue;
        const res = await send(browser, method, path);
        expect(res.status, `${who} ${method} ${path}`).toBe(404);
        const text = await res.text();
        expect(text).not.toContain('Secret Lane');
        expect(text).not.toContain('b Helper');
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it("one member cannot cancel or download another member's sign-up", async () => {
    const other = await signIn(t, a.other.email);
    const need = `/circles/${a.circleId}/needs/${needA}`;
    expect((await other.get(`${need}/sign-ups/${signUpA}.ics`)).status).toBe(404);
    await other.post(`${need}/sign-up/cancellation`);
    const row = (await t.db.select().from(circleSignUps).all()).find((r) => r.id === signUpA)!;
    expect(row.cancelledAt).toBeNull();
  });
});
