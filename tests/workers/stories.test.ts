import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { form, request, signIn } from './support/http';

// The whole story cycle inside workerd over D1: the batches with conditional audit lines
// (changes()), the version-number insert, the immutability trigger and the expiry job.

const story = {
  title: 'Night shift',
  body: 'It was cold.\n\nThen it was not.',
  shownName: '',
  language: 'en',
  contentNotes: 'violence',
  contentNoteText: '',
};

describe('stories on Workers with D1', () => {
  it('goes from draft to published to withdrawn, publishing only the approved version', async () => {
    const author = await signIn('teller@example.org', 'storyteller');
    const moderator = await signIn('mod@example.org', 'moderator');
    const created = await request('/my-stories', form(story, author));
    expect(created.status).toBe(303);
    const id = created.headers.get('location')!.match(/\/my-stories\/([a-z0-9]+)/)![1]!;
    expect((await request(`/stories/${id}`)).status).toBe(404);

    await request(`/my-stories/${id}/submission`, form({}, author));
    await request(
      `/moderation/stories/${id}/versions`,
      form({ ...story, body: 'It was very cold.' }, moderator),
    );
    expect(
      (
        await request(
          `/my-stories/${id}/approval`,
          form({ version: '2', ownPage: 'yes', months: '12' }, author),
        )
      ).status,
    ).toBe(303);
    await request(`/my-stories/${id}/versions`, form({ ...story, body: 'Version three.' }, author));

    const page = await (
      await request(`/moderation/stories/${id}`, { headers: { Cookie: moderator } })
    ).text();
    const approval = page.match(/name="approval" value="([a-z0-9]+)"/)![1]!;
    expect(
      (await request(`/moderation/stories/${id}/publication`, form({ approval }, moderator)))
        .status,
    ).toBe(303);
    const published = await request(`/stories/${id}`);
    expect(published.status).toBe(200);
    const html = await published.text();
    expect(html).toContain('It was very cold.');
    expect(html).not.toContain('Version three.');

    const numbers = await env.DB.prepare(
      'select number from story_versions where story_id = ? order by number',
    )
      .bind(id)
      .all<{ number: number }>();
    expect(numbers.results.map((r) => r.number)).toEqual([1, 2, 3]);
    await expect(env.DB.prepare("update story_versions set body = 'x'").run()).rejects.toThrow();

    // Another storyteller sees nothing; an id that never existed looks the same.
    const other = await signIn('other@example.org', 'storyteller');
    expect((await request(`/my-stories/${id}`, { headers: { Cookie: other } })).status).toBe(404);

    await request(`/my-stories/${id}/withdrawal`, form({}, author));
    await request(`/my-stories/${id}/withdrawal`, form({}, author));
    expect((await request(`/stories/${id}`)).status).toBe(410);
    expect(await (await request('/stories')).text()).not.toContain('Night shift');
    const events = await env.DB.prepare(
      'select action from story_events where story_id = ? order by created_at, rowid',
    )
      .bind(id)
      .all<{ action: string }>();
    expect(events.results.map((e) => e.action)).toEqual([
      'created',
      'submitted',
      'edit-suggested',
      'approved',
      'edited',
      'published',
      'withdrawn',
    ]);
  });

  it('unpublishes a story whose consent ended when the scheduled job runs', async () => {
    const author = await signIn('exp@example.org', 'storyteller');
    const moderator = await signIn('mod2@example.org', 'moderator');
    const created = await request('/my-stories', form(story, author));
    const id = created.headers.get('location')!.match(/\/my-stories\/([a-z0-9]+)/)![1]!;
    await request(
      `/my-stories/${id}/approval`,
      form({ version: '1', ownPage: 'yes', months: '6' }, author),
    );
    const page = await (
      await request(`/moderation/stories/${id}`, { headers: { Cookie: moderator } })
    ).text();
    await request(
      `/moderation/stories/${id}/publication`,
      form({ approval: page.match(/name="approval" value="([a-z0-9]+)"/)![1]! }, moderator),
    );
    expect((await request(`/stories/${id}`)).status).toBe(200);
    await env.DB.prepare('update story_approvals set expires_at = 1 where story_id = ?')
      .bind(id)
      .run();
    const worker = (await import('../../worker')).default;
    await worker.scheduled(
      { scheduledTime: Date.now(), cron: '*/5 * * * *', noRetry() {} } as ScheduledController,
      env,
    );
    expect(
      await env.DB.prepare('select published_approval_id as p from stories where id = ?')
        .bind(id)
        .first(),
    ).toEqual({ p: null });
    expect((await request(`/stories/${id}`)).status).toBe(404);
  });

  it('keeps every content note ticked, sent urlencoded or multipart', async () => {
    const author = await signIn('notes@example.org', 'storyteller');
    const notes = ['violence', 'self-harm', 'substance-use'];
    const fields = [
      ...Object.entries(story).filter(([name]) => name !== 'contentNotes'),
      ...notes.map((note) => ['contentNotes', note]),
    ];
    const multipart = new FormData();
    for (const [name, value] of fields) multipart.append(name!, value!);
    for (const body of [new URLSearchParams(fields).toString(), multipart]) {
      const headers: Record<string, string> = { 'Sec-Fetch-Site': 'same-origin', Cookie: author };
      if (typeof body === 'string') headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const created = await request('/my-stories', { method: 'POST', headers, body });
      expect(created.status).toBe(303);
      const id = created.headers.get('location')!.match(/\/my-stories\/([a-z0-9]+)/)![1]!;
      const row = await env.DB.prepare(
        'select content_notes as notes from story_versions where story_id = ?',
      )
        .bind(id)
        .first<{ notes: string }>();
      expect(row!.notes.split(',')).toEqual(notes);
    }
  });

  it('reminds every author of the 40 consents ending within 14 days, within D1’s bound parameters', async () => {
    // Straight into D1: 40 stories through the forms would take minutes. Each consent ends in
    // a week; none was reminded yet.
    const now = Math.floor(Date.now() / 1000);
    const ids = Array.from({ length: 40 }, (_, i) => `remind${String(i).padStart(2, '0')}`);
    await env.DB.batch([
      env.DB.prepare(
        "insert into users (id, email, locale, created_at) values ('remind-author', 'remind@example.org', 'en', 0)",
      ),
      ...ids.flatMap((id) => [
        env.DB.prepare(
          'insert into stories (id, author_id, created_at, published_approval_id, published_at) values (?, ?, 0, ?, 0)',
        ).bind(id, 'remind-author', `${id}-a`),
        env.DB.prepare(
          "insert into story_versions (id, story_id, number, title, body, shown_name, language, content_notes, content_note_text, made_by, created_at) values (?, ?, 1, 'Title', 'Body', '', 'en', '', '', 'author', 0)",
        ).bind(`${id}-v`, id),
        env.DB.prepare(
          "insert into story_approvals (id, story_id, version_id, approved_at, consent_own_page, consent_campaign_ids, consent_event_quotes, expires_at, site_origin) values (?, ?, ?, 0, 1, '', 0, ?, 'https://hearth.test')",
        ).bind(`${id}-a`, id, `${id}-v`, now + 7 * 86400),
      ]),
    ]);

    const worker = (await import('../../worker')).default;
    await worker.scheduled(
      { scheduledTime: Date.now(), cron: '*/5 * * * *', noRetry() {} } as ScheduledController,
      env,
    );

    // Each story claimed once, logged once, and its author emailed with its own link.
    const reminded = await env.DB.prepare(
      "select story_id from story_events where action = 'reminded' and story_id like 'remind%' order by story_id",
    ).all<{ story_id: string }>();
    expect(reminded.results.map((row) => row.story_id)).toEqual(ids);
    const mails = await env.DB.prepare(
      "select body_text from mail_outbox where to_address = 'remind@example.org'",
    ).all<{ body_text: string }>();
    expect(
      ids.every((id) => mails.results.some((mail) => mail.body_text.includes(`/my-stories/${id}`))),
    ).toBe(true);
    expect(mails.results).toHaveLength(40);
  });
  // The claim's LIMIT, as D1 runs it: a run takes CONSENT_REMINDERS_PER_RUN, the next the rest.
  it('reminds at most CONSENT_REMINDERS_PER_RUN authors a run, the rest the next run', async () => {
    const { CONSENT_REMINDERS_PER_RUN } = await import('../../db/stories/stories');
    const { runStoryConsentJobs } = await import('../../worker/stories/jobs');
    const { openD1Database } = await import('../../db/core/d1');
    const { countD1Queries } = await import('./support/d1-queries');
    const now = Math.floor(Date.now() / 1000);
    const total = CONSENT_REMINDERS_PER_RUN + 5;
    const ids = Array.from({ length: total }, (_, i) => `bound${String(i).padStart(2, '0')}`);
    await env.DB.batch([
      env.DB.prepare(
        "insert into users (id, email, locale, created_at) values ('bound-author', 'bound@example.org', 'en', 0)",
      ),
      ...ids.flatMap((id, i) => [
        env.DB.prepare(
          'insert into stories (id, author_id, created_at, published_approval_id, published_at) values (?, ?, 0, ?, 0)',
        ).bind(id, 'bound-author', `${id}-a`),
        env.DB.prepare(
          "insert into story_versions (id, story_id, number, title, body, shown_name, language, content_notes, content_note_text, made_by, created_at) values (?, ?, 1, 'Title', 'Body', '', 'en', '', '', 'author', 0)",
        ).bind(`${id}-v`, id),
        env.DB.prepare(
          "insert into story_approvals (id, story_id, version_id, approved_at, consent_own_page, consent_campaign_ids, consent_event_quotes, expires_at, site_origin) values (?, ?, ?, 0, 1, '', 0, ?, 'https://hearth.test')",
        ).bind(`${id}-a`, id, `${id}-v`, now + 86400 + i * 60),
      ]),
    ]);
    const db = openD1Database(env.DB);
    const mailed = async () =>
      (
        await env.DB.prepare(
          "select body_text from mail_outbox where to_address = 'bound@example.org'",
        ).all<{ body_text: string }>()
      ).results.map((row) => row.body_text.match(/\/my-stories\/(bound\d+)/)![1]);

    const { queries } = await countD1Queries(env.DB, () => runStoryConsentJobs(db, new Date()));
    expect(queries).toBeLessThanOrEqual(15);
    expect(await mailed()).toHaveLength(CONSENT_REMINDERS_PER_RUN);
    expect(await mailed()).not.toContain(ids.at(-1));
    await runStoryConsentJobs(db, new Date());
    await runStoryConsentJobs(db, new Date());
    expect((await mailed()).sort()).toEqual(ids);
  });
});
