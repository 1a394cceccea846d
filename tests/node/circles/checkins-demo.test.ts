import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CIRCLE_PEOPLE, seedCircles } from '../../../db/demo/circles';
import { signIn } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
  await seedCircles(t.db, new Date());
});
afterEach(() => t.close());

describe('the demo circle', () => {
  it('is there for its owner, with the charter, the needs and a check-in in the inbox', async () => {
    const owner = await signIn(t, DEMO_CIRCLE_PEOPLE.owner);
    const list = await (await owner.get('/circles')).text();
    const id = list.match(/href="\/circles\/([a-z2-7]{26})"/)?.[1];
    expect(id).toBeDefined();
    expect(visibleText(list)).toContain('My people (example)');
    const inbox = visibleText(await (await owner.get(`/circles/${id}/inbox`)).text());
    expect(inbox).toContain('From Alex (example)');
    const charter = visibleText(await (await owner.get(`/circles/${id}/charter`)).text());
    expect(charter).toContain('Please do not ask about my family or my past work.');
  });

  it('is there for the member and the coordinator, never with the owner’s label', async () => {
    for (const email of [DEMO_CIRCLE_PEOPLE.member, DEMO_CIRCLE_PEOPLE.coordinator]) {
      const person = await signIn(t, email);
      const list = await (await person.get('/circles')).text();
      const id = list.match(/href="\/circles\/([a-z2-7]{26})"/)?.[1];
      const home = await person.get(`/circles/${id}`);
      expect(home.status).toBe(200);
      expect(visibleText(await home.text())).not.toContain('My people (example)');
      expect(visibleText(list)).not.toContain('My people (example)');
    }
  });
});
