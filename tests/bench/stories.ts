/**
 * Stories figures (`npm run bench:stories`): the public list with many published stories, one
 * story page, the word diff of a long story, and a full write → approve → publish cycle, over
 * libsql in memory. Prints figures; asserts nothing (timings belong here, not in tests).
 */
import { diffWords } from 'diff';
import { migrateLibsql, openLibsqlDatabase } from '../../db/core/libsql';
import {
  approveStoryVersion,
  createStory,
  listPublishedStories,
  loadStory,
  publishStoryApproval,
} from '../../db/stories/stories';
import { findOrCreateUser } from '../../db/accounts/users';
import { createApp } from '../../worker/app';
import { areaLinks } from '../../worker/area-links';
import { readConfig } from '../../worker/config';
import { outboxMailer } from '../../worker/mail/mailer';

const { db, client } = openLibsqlDatabase(':memory:');
await migrateLibsql(db);
const app = createApp(
  {
    database: () => db,
    config: () => readConfig({}),
    mailer: () => outboxMailer(db, () => {}),
    areaLinks,
    clientAddress: () => '192.0.2.1',
  },
  { log: () => {} },
);

const time = async (label: string, runs: number, work: () => Promise<unknown>) => {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await work();
  const each = (performance.now() - start) / runs;
  console.log(`${label}: ${each.toFixed(2)} ms each (${runs} runs)`);
};

const author = await findOrCreateUser(db, 'bench@example.org');
const draft = (i: number) => ({
  title: `Story ${i}`,
  body: 'A sentence that is plain and short. '.repeat(60),
  shownName: '',
  language: 'en' as const,
  contentNotes: ['violence' as const],
  contentNoteText: '',
});
const cycle = async (i: number) => {
  const id = await createStory(db, author.id, draft(i));
  await approveStoryVersion(db, {
    storyId: id,
    authorId: author.id,
    versionNumber: 1,
    consent: { ownPage: true, campaignIds: [], eventQuotes: false, months: 12 },
    siteOrigin: 'http://localhost',
  });
  await publishStoryApproval(db, id, (await loadStory(db, id))!.approvals[0]!.id);
  return id;
};

let n = 0;
await time('write, approve and publish one story', 200, () => cycle(n++));
const one = (await listPublishedStories(db))[0]!.id;
await time('GET /stories (200 published, 20 a page)', 50, async () =>
  (await app.request('http://localhost/stories')).text(),
);
await time('GET /stories/:id', 200, async () =>
  (await app.request(`http://localhost/stories/${one}`)).text(),
);
const long = 'word '.repeat(4000);
await time('word diff of a 20,000-character story', 20, async () =>
  diffWords(
    long,
    long.replace(/word/g, (w, at: number) => (at % 500 === 0 ? 'changed' : w)),
  ),
);
const page = await (await app.request('http://localhost/stories')).text();
console.log(`/stories HTML, first of 10 pages: ${(page.length / 1024).toFixed(1)} KiB`);
client.close();
