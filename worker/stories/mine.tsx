import { Hono, type Context } from 'hono';
import { can } from '../../db/permissions';
import { newToken } from '../../db/core/random';
import type { CurrentUser } from '../../db/accounts/roles';
import { isStoryAuthor } from '../../db/stories/access';
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
  withdrawStory,
  type StoryRecord,
} from '../../db/stories/stories';
import { format } from '../../web/i18n';
import { MyStoriesPage, MyStoryPage, StoryEditorPage, type ConsentValues } from '../../web/views/stories/mine';
import type { AppEnv } from '../env';
import { requireAccess } from '../middleware/access';
import { renderPage } from '../http/render';
import { renderStoryVersion } from './version-page';
import { parseConsentForm, parseStoryForm, storyFormValues } from './form';
import { readForm } from '../http/validation';
import { siteOrigin } from '../http/site-origin';

type Ctx = Context<AppEnv>;
const me = (c: Ctx) => c.get('user') as CurrentUser;

/** The story, only for its author: anyone else (moderators included) gets the same 404. */
const loadOwnStory = async (c: Ctx): Promise<StoryRecord | null> => {
  const record = await loadStory(c.get('db'), c.req.param('id') ?? '');
  return record && isStoryAuthor(me(c), record.story) ? record : null;
};

const notices = {
  created: 'saved',
  saved: 'saved',
  submitted: 'submitted',
  approved: 'approved',
  withdrawn: 'withdrawn',
  deleted: 'versionsDeleted',
  cannot: 'cannotChange',
} as const;

const noticeFor = (c: Ctx, record?: StoryRecord): string | undefined => {
  const t = c.get('t');
  const done = c.req.query('done');
  if (!done || !(done in notices)) return undefined;
  const key = notices[done as keyof typeof notices];
  return format(t.stories[key], { number: record?.versions.at(-1)?.number ?? '' });
};

const showStory = async (c: Ctx, record: StoryRecord, extra: { consent?: ConsentValues; consentErrors?: Record<string, string>; status?: number } = {}) => {
  const t = c.get('t');
  return renderPage(c, {
    title: t.stories.mineTitle,
    status: extra.status ?? 200,
    body: (
      <MyStoryPage
        t={t}
        locale={c.get('locale')}
        record={record}
        campaigns={await listCampaignOptions(c.get('db'), c.get('areaLinks').storyCampaignOptions)}
        consent={extra.consent ?? defaultConsent(record)}
        consentMonths={CONSENT_MONTHS}
        consentErrors={extra.consentErrors}
        notice={noticeFor(c, record)}
      />
    ),
  });
};

const emptyForm = (language: string) => ({ title: '', body: '', shownName: '', language, contentNotes: [], contentNoteText: '', formKey: newToken() });

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
    const user = me(c);
    return renderPage(c, {
      title: t.stories.mineTitle,
      body: <MyStoriesPage t={t} stories={await listStoriesByAuthor(c.get('db'), user.id)} canWrite={can(user, 'stories:write')} notice={noticeFor(c)} />,
    });
  })

  .get('/my-stories/new', function my_stories_new_get(c) {
    const t = c.get('t');
    return renderPage(c, {
      title: t.stories.newTitle,
      body: <StoryEditorPage t={t} locale={c.get('locale')} mode="new" action="/my-stories" values={emptyForm(c.get('locale'))} backHref="/my-stories" limits={STORY_LIMITS} />,
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
        body: <StoryEditorPage t={t} locale={c.get('locale')} mode="new" action="/my-stories" values={parsed.values} errors={parsed.errors} backHref="/my-stories" limits={STORY_LIMITS} />,
      });
    }
    const id = await createStory(c.get('db'), me(c).id, parsed.draft, new Date(), storyFormValues(form).formKey || null);
    return c.redirect(`/my-stories/${id}?done=created`, 303);
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
          locale={c.get('locale')}
          mode="edit"
          action={`/my-stories/${record.story.id}/versions`}
          values={latest}
          backHref={`/my-stories/${record.story.id}`}
          limits={STORY_LIMITS}
        />
      ),
    });
  })

  .post('/my-stories/:id/versions', async function my_story_versions_post(c) {
    const t = c.get('t');
    const record = await loadOwnStory(c);
    if (!record) return c.notFound();
    const base = `/my-stories/${record.story.id}`;
    const parsed = parseStoryForm(await readForm(c.req), t);
    if ('errors' in parsed) {
      return renderPage(c, {
        title: t.stories.editTitle,
        status: 400,
        body: <StoryEditorPage t={t} locale={c.get('locale')} mode="edit" action={`${base}/versions`} values={parsed.values} errors={parsed.errors} backHref={base} limits={STORY_LIMITS} />,
      });
    }
    const number = await addStoryVersion(c.get('db'), record.story.id, parsed.draft, 'author');
    return c.redirect(`${base}?done=${number ? 'saved' : 'cannot'}`, 303);
  })

  .get('/my-stories/:id/versions/:number{[0-9]+}', async function my_story_version_get(c) {
    return renderStoryVersion(c, await loadOwnStory(c), { href: (id) => `/my-stories/${id}`, label: c.get('t').stories.cancel });
  })

  .post('/my-stories/:id/submission', async function my_story_submission_post(c) {
    const record = await loadOwnStory(c);
    if (!record) return c.notFound();
    const done = await submitStory(c.get('db'), record.story.id, me(c).id);
    return c.redirect(`/my-stories/${record.story.id}?done=${done ? 'submitted' : 'cannot'}`, 303);
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
    if ('errors' in parsed) return showStory(c, record, { consent: parsed.values, consentErrors: parsed.errors, status: 400 });
    const done = await approveStoryVersion(db, {
      storyId: record.story.id,
      authorId: me(c).id,
      versionNumber: parsed.versionNumber,
      consent: parsed.consent,
      siteOrigin: siteOrigin(c),
    });
    return c.redirect(`/my-stories/${record.story.id}?done=${done ? 'approved' : 'cannot'}`, 303);
  })

  .post('/my-stories/:id/withdrawal', async function my_story_withdrawal_post(c) {
    const record = await loadOwnStory(c);
    if (!record) return c.notFound();
    const form = await readForm(c.req);
    await withdrawStory(c.get('db'), record.story.id, me(c).id, form.deleteVersions === 'yes');
    return c.redirect(`/my-stories/${record.story.id}?done=withdrawn`, 303);
  })

  .post('/my-stories/:id/versions-deletion', async function my_story_versions_deletion_post(c) {
    const record = await loadOwnStory(c);
    if (!record) return c.notFound();
    const done = await deleteStoryVersions(c.get('db'), record.story.id, me(c).id);
    return c.redirect(`/my-stories/${record.story.id}?done=${done ? 'deleted' : 'cannot'}`, 303);
  });
