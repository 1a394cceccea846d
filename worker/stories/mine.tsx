import { Hono } from 'hono';
import { can, isStoryAuthor } from '../../db/permissions';
import { newToken } from '../../db/core/random';
import { listCampaignOptions } from '../../db/stories/campaigns';
import {
  addStoryVersion,
  approveStoryVersion,
  CONSENT_MONTHS,
  createStory,
  defaultConsent,
  deleteStoryVersions,
  listStoriesByAuthor,
  loadStory,
  STORY_LIMITS,
  submitStory,
  takeDownPublishedVersion,
  withdrawStory,
  type StoryRecord,
} from '../../db/stories/stories';
import { format } from '../../web/i18n';
import {
  MyStoriesPage,
  MyStoryPage,
  StoryEditorPage,
  type ConsentValues,
} from '../../web/views/stories/mine';
import type { AppEnv } from '../env';
import { requireAccess, type SignedInContext } from '../http/require-access';
import { renderPage } from '../http/render';
import { renderStoryVersion } from './version-page';
import { publicNowOf } from './public-now';
import { parseConsentForm, parseStoryForm, storyFormValues } from './form';
import { readForm } from '../http/validation';
import { readabilityOf } from '../http/readability';
import { firstValue } from '../http/fields';
import { siteOrigin } from '../http/site-origin';
import { noticeUrl, readNotice, type Notices } from '../http/notices';

type Ctx = SignedInContext;

/** The story, only for its author: anyone else (moderators included) gets the same 404. */
const loadOwnStory = async (c: Ctx): Promise<StoryRecord | null> => {
  const record = await loadStory(c.get('db'), c.req.param('id') ?? '');
  return record && isStoryAuthor(c.get('user'), record.story) ? record : null;
};

/** "Saved" names the story's latest version: its number, or '' on the list of stories. */
const notices = {
  created: (t, latest) => format(t.stories.saved, latest),
  saved: (t, latest) => format(t.stories.saved, latest),
  submitted: (t) => t.stories.submitted,
  approved: (t) => t.stories.approved,
  withdrawn: (t) => t.stories.withdrawn,
  'taken-down': (t) => t.stories.takenDown,
  deleted: (t) => t.stories.versionsDeleted,
  cannot: (t) => t.stories.cannotChange,
} satisfies Notices<{ number: number | string }>;

const noticeFor = (c: Ctx, record?: StoryRecord): string | undefined =>
  readNotice(c, notices, { number: record?.versions.at(-1)?.number ?? '' });

const storyPath = (storyId: string) => `/my-stories/${storyId}`;

const showStory = async (
  c: Ctx,
  record: StoryRecord,
  extra: { consent?: ConsentValues; consentErrors?: Record<string, string>; status?: number } = {},
) => {
  const t = c.get('t');
  const campaigns = await listCampaignOptions(c.get('db'), c.get('areaLinks').storyCampaignOptions);
  return renderPage(c, {
    title: t.stories.mineTitle,
    status: extra.status ?? 200,
    body: (
      <MyStoryPage
        t={t}
        locale={c.get('locale')}
        record={record}
        campaigns={campaigns}
        publicNow={publicNowOf(record, campaigns)}
        consent={extra.consent ?? defaultConsent(record)}
        consentMonths={CONSENT_MONTHS}
        consentErrors={extra.consentErrors}
        notice={noticeFor(c, record)}
      />
    ),
  });
};

const emptyForm = (language: string) => ({
  title: '',
  body: '',
  shownName: '',
  language,
  contentNotes: [],
  contentNoteText: '',
  formKey: newToken(),
});

/**
 * /my-stories: a storyteller's own stories. Writing needs the storyteller role; reading,
 * approving and withdrawing one's own story needs only to be its author, so a person who
 * turned story sharing off can still withdraw.
 */
export const myStoriesRoutes = new Hono<AppEnv>()
  .use('/my-stories', requireAccess('account:use'))
  .use('/my-stories/*', requireAccess('account:use'))
  .use('/my-stories/new', requireAccess('stories:write'))
  .use('/my-stories/:id/edit', requireAccess('stories:write'))
  .use('/my-stories/:id/versions', requireAccess('stories:write'))

  .get('/my-stories', async function my_stories_get(c) {
    const t = c.get('t');
    const user = c.get('user');
    return renderPage(c, {
      title: t.stories.mineTitle,
      body: (
        <MyStoriesPage
          t={t}
          stories={await listStoriesByAuthor(c.get('db'), user.id)}
          canWrite={can(user, 'stories:write')}
          notice={noticeFor(c)}
        />
      ),
    });
  })

  .get('/my-stories/new', function my_stories_new_get(c) {
    const t = c.get('t');
    return renderPage(c, {
      title: t.stories.newTitle,
      body: (
        <StoryEditorPage
          t={t}
          mode="new"
          action="/my-stories"
          values={emptyForm(c.get('locale'))}
          backHref="/my-stories"
          limits={STORY_LIMITS}
          readability={null}
        />
      ),
    });
  })

  .post('/my-stories', requireAccess('stories:write'), async function my_stories_post(c) {
    const t = c.get('t');
    const form = await readForm(c.req);
    const parsed = parseStoryForm(form, t);
    if ('errors' in parsed) {
      return renderPage(c, {
        title: t.stories.newTitle,
        status: 400,
        body: (
          <StoryEditorPage
            t={t}
            mode="new"
            action="/my-stories"
            values={parsed.values}
            errors={parsed.errors}
            backHref="/my-stories"
            limits={STORY_LIMITS}
            readability={await readabilityOf(
              parsed.values.body,
              parsed.values.language,
              c.get('locale'),
            )}
          />
        ),
      });
    }
    const id = await createStory(
      c.get('db'),
      c.get('user').id,
      parsed.draft,
      new Date(),
      storyFormValues(form).formKey || null,
    );
    return c.redirect(noticeUrl(notices, storyPath(id), 'created'), 303);
  })

  .get('/my-stories/:id', async function my_story_get(c) {
    const record = await loadOwnStory(c);
    return record ? showStory(c, record) : c.notFound();
  })

  .get('/my-stories/:id/edit', async function my_story_edit_get(c) {
    const t = c.get('t');
    const record = await loadOwnStory(c);
    if (!record || record.story.withdrawnAt) return c.notFound();
    const latest = record.versions.at(-1)!;
    return renderPage(c, {
      title: t.stories.editTitle,
      body: (
        <StoryEditorPage
          t={t}
          mode="edit"
          action={`/my-stories/${record.story.id}/versions`}
          values={latest}
          backHref={`/my-stories/${record.story.id}`}
          limits={STORY_LIMITS}
          readability={await readabilityOf(latest.body, latest.language, c.get('locale'))}
        />
      ),
    });
  })

  .post('/my-stories/:id/versions', async function my_story_versions_post(c) {
    const t = c.get('t');
    const record = await loadOwnStory(c);
    if (!record) return c.notFound();
    const base = storyPath(record.story.id);
    const parsed = parseStoryForm(await readForm(c.req), t);
    if ('errors' in parsed) {
      return renderPage(c, {
        title: t.stories.editTitle,
        status: 400,
        body: (
          <StoryEditorPage
            t={t}
            mode="edit"
            action={`${base}/versions`}
            values={parsed.values}
            errors={parsed.errors}
            backHref={base}
            limits={STORY_LIMITS}
            readability={await readabilityOf(
              parsed.values.body,
              parsed.values.language,
              c.get('locale'),
            )}
          />
        ),
      });
    }
    const number = await addStoryVersion(c.get('db'), record.story.id, parsed.draft, 'author');
    return c.redirect(noticeUrl(notices, base, number ? 'saved' : 'cannot'), 303);
  })

  .get('/my-stories/:id/versions/:number{[0-9]+}', async function my_story_version_get(c) {
    return renderStoryVersion(c, await loadOwnStory(c), {
      href: (id) => `/my-stories/${id}`,
      label: c.get('t').stories.cancel,
    });
  })

  .post('/my-stories/:id/submission', async function my_story_submission_post(c) {
    const record = await loadOwnStory(c);
    if (!record) return c.notFound();
    const done = await submitStory(c.get('db'), record.story.id, c.get('user').id);
    return c.redirect(
      noticeUrl(notices, storyPath(record.story.id), done ? 'submitted' : 'cannot'),
      303,
    );
  })

  .post('/my-stories/:id/approval', async function my_story_approval_post(c) {
    const t = c.get('t');
    const db = c.get('db');
    const record = await loadOwnStory(c);
    if (!record) return c.notFound();
    const campaigns = await listCampaignOptions(db, c.get('areaLinks').storyCampaignOptions);
    const parsed = parseConsentForm(
      await readForm(c.req),
      campaigns.map((campaign) => campaign.id),
      t,
    );
    if ('errors' in parsed)
      return showStory(c, record, {
        consent: parsed.values,
        consentErrors: parsed.errors,
        status: 400,
      });
    const done = await approveStoryVersion(db, {
      storyId: record.story.id,
      authorId: c.get('user').id,
      versionNumber: parsed.versionNumber,
      consent: parsed.consent,
      siteOrigin: siteOrigin(c),
    });
    return c.redirect(
      noticeUrl(notices, storyPath(record.story.id), done ? 'approved' : 'cannot'),
      303,
    );
  })

  .post('/my-stories/:id/withdrawal', async function my_story_withdrawal_post(c) {
    const record = await loadOwnStory(c);
    if (!record) return c.notFound();
    const form = await readForm(c.req);
    await withdrawStory(
      c.get('db'),
      record.story.id,
      c.get('user').id,
      firstValue(form.deleteVersions) === 'yes',
    );
    return c.redirect(noticeUrl(notices, storyPath(record.story.id), 'withdrawn'), 303);
  })

  // The author keeps the story and a newer approval waiting, and takes the live version down now.
  .post(
    '/my-stories/:id/published-version-removal',
    async function my_story_published_version_removal_post(c) {
      const record = await loadOwnStory(c);
      if (!record) return c.notFound();
      const done = await takeDownPublishedVersion(c.get('db'), record.story.id, c.get('user').id);
      return c.redirect(
        noticeUrl(notices, storyPath(record.story.id), done ? 'taken-down' : 'cannot'),
        303,
      );
    },
  )

  .post('/my-stories/:id/versions-deletion', async function my_story_versions_deletion_post(c) {
    const record = await loadOwnStory(c);
    if (!record) return c.notFound();
    const done = await deleteStoryVersions(c.get('db'), record.story.id, c.get('user').id);
    return c.redirect(
      noticeUrl(notices, storyPath(record.story.id), done ? 'deleted' : 'cannot'),
      303,
    );
  });
