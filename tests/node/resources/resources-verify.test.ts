import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getResource } from '../../../db/resources/detail';
import { demoId, seedDemoResources } from '../../../db/demo/resources';
import { markResourceVerified } from '../../../db/resources/verify';
import { services } from '../../../db/schema';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date('2026-11-26T15:00:00Z'));
});
afterAll(() => t.close());

describe('verification', () => {
  it('is recorded with the role and the date, and shown on the page', async () => {
    const id = demoId('service:entraide-accompagnement');
    expect((await getResource(t.db, id, new Date()))?.verifiedAt).toBeNull();
    expect(await markResourceVerified(t.db, id, 'admin', new Date('2026-11-27T10:00:00Z'))).toBe(
      true,
    );
    const text = visibleText(
      await (await t.app.request('/resources/entraide-accompagnement')).text(),
    );
    expect(text).toContain('Last checked by an administrator on November 27, 2026.');
    expect(await markResourceVerified(t.db, 'no-such-id', 'moderator', new Date())).toBe(false);
  });

  it('is not changed by an edit of the record', async () => {
    const id = demoId('service:kettle-and-crumb-lunch');
    const before = (await getResource(t.db, id, new Date()))!;
    await t.db
      .update(services)
      .set({ description: 'Lunch every weekday, now with soup.', lastModified: new Date() })
      .where(eq(services.id, id));
    const after = (await getResource(t.db, id, new Date()))!;
    expect(after.description).toBe('Lunch every weekday, now with soup.');
    expect([after.verifiedAt, after.verifiedByRole]).toEqual([
      before.verifiedAt,
      before.verifiedByRole,
    ]);
  });
});
