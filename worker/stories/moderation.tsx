import { Hono } from 'hono';
import { canModerateStory } from '../../db/permissions';
import { publishableApproval } from '../../db/stories/rules';
import {
  addStoryVersion,
  listStoryQueuePage,
  loadStory,
  publishStoryApproval,
  STORY_LIMITS,
  type StoryRecord,
} from '../../db/stories/stories';
import { format } from '../../web/i18n';
import { ModerateStoryPage, StoryQueuePage } from '../../web/views/stories/moderation';
import type { AppEnv } from '../env';
import { requireAccess, type SignedInContext } from '../http/require-access';
import { renderPage } from '../http/render';
import { readPageAsk } from '../http/page-ask';
import { renderStoryVersion } from './version-page';
import { parseStoryForm, type StoryFormValues } from './form';
import { readForm } from '../http/validation';
import { readabilityOf } from '../http/readability';
import { firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';

type Ctx = SignedInContext;

/** "Suggested" names the version the moderator's edit became. */
const notices = {
  suggested: (t, latest) => format(t.stories.suggested, latest),
  published: (t) => t.stories.published,
  cannot: (t) => t.stories.cannotChange,
} satisfies Notices<{ number: number | string }>;

const queuePath = (storyId: string) => `/moderation/stories/${storyId}`;

/** The story, for a moderator, once submitted and until withdrawn; otherwise 404. */
const loadSubmittedStory = async (c: Ctx): Promise<StoryRecord | null> => {
  const record = await loadStory(c.get('db'), c.req.param('id') ?? '');
  return record && canModerateStory(c.get('user'), record.story) ? record : null;
};

/** The approval a moderator may publish now, with its version's number, for the page. */
const publishableOf = (record: StoryRecord, now = new Date()) => {
  const approval = publishableApproval(record, now);
  const version = approval && record.versions.find((v) => v.id === approval.versionId);
  return approval && version
    ? { approvalId: approval.id, versionNumber: version.number, expiresAt: approval.expiresAt }
    : null;
};

const showStory = async (
  c: Ctx,
  record: StoryRecord,
  extra: { form?: StoryFormValues; errors?: Record<string, string>; status?: number } = {},
) => {
  const t = c.get('t');
  const latest = record.versions.at(-1);
  const form = extra.form ??
    latest ?? {
      title: '',
      body: '',
      shownName: '',
      language: 'en',
      contentNotes: [],
      contentNoteText: '',
    };
  return renderPage(c, {
    title: t.stories.moderateTitle,
    status: extra.status ?? 200,
    body: (
      <ModerateStoryPage
        t={t}
        locale={c.get('locale')}
        record={record}
        publishable={publishableOf(record)}
        form={form}
        limits={STORY_LIMITS}
        readability={await readabilityOf(form.body, form.language, c.get('locale'))}
        errors={extra.errors}
        notice={readNotice(c, notices, { number: latest?.number ?? '' })}
      />
    ),
  });
};

/**
 * /moderation/stories: moderators read submitted stories, suggest edits (a new version the
 * author must approve) and publish the author's approved version. Nothing here approves or
 * changes consent: that is the author's alone, even when the moderator is the author.
 */
export const storyModerationRoutes = new Hono<AppEnv>()
  .use('/moderation/stories', requireAccess('stories:moderate'))
  .use('/moderation/stories/*', requireAccess('stories:moderate'))

  .get('/moderation/stories', async function moderation_stories_get(c) {
    const t = c.get('t');
    const page = await listStoryQueuePage(c.get('db'), readPageAsk(c));
    return renderPage(c, {
      title: t.stories.queueTitle,
      body: (
        <StoryQueuePage
          t={t}
          locale={c.get('locale')}
          queue={page.items}
          after={page.after}
          before={page.before}
        />
      ),
    });
  })

  .get('/moderation/stories/:id', async function moderation_story_get(c) {
    const record = await loadSubmittedStory(c);
    return record ? showStory(c, record) : c.notFound();
  })

  .get(
    '/moderation/stories/:id/versions/:number{[0-9]+}',
    async function moderation_story_version_get(c) {
      return renderStoryVersion(c, await loadSubmittedStory(c), {
        href: (id) => `/moderation/stories/${id}`,
        label: c.get('t').stories.moderateTitle,
      });
    },
  )

  .post('/moderation/stories/:id/versions', async function moderation_story_versions_post(c) {
    const t = c.get('t');
    const record = await loadSubmittedStory(c);
    if (!record) return c.notFound();
    const parsed = parseStoryForm(await readForm(c.req), t);
    if ('errors' in parsed)
      return showStory(c, record, { form: parsed.values, errors: parsed.errors, status: 400 });
    const number = await addStoryVersion(c.get('db'), record.story.id, parsed.draft, 'moderator');
    return c.redirect(
      noticeUrl(notices, queuePath(record.story.id), number ? 'suggested' : 'cannot'),
      303,
    );
  })

  .post('/moderation/stories/:id/publication', async function moderation_story_publication_post(c) {
    const record = await loadSubmittedStory(c);
    if (!record) return c.notFound();
    const form = await readForm(c.req);
    const approvalId = firstValue(form.approval);
    const done = await publishStoryApproval(c.get('db'), record.story.id, approvalId);
    return c.redirect(
      noticeUrl(notices, queuePath(record.story.id), done ? 'published' : 'cannot'),
      303,
    );
  });
