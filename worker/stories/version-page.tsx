import type { Context } from 'hono';
import type { StoryRecord } from '../../db/stories/stories';
import { format } from '../../web/i18n';
import { StoryVersionPage } from '../../web/views/stories/mine';
import type { AppEnv } from '../env';
import { renderPage } from '../http/render';
import { loadDiff } from '../on-demand';

/**
 * One version of a story with the diff from the one before, for its author or a moderator.
 * The caller has already checked who may see `record`.
 */
export const renderStoryVersion = async <E extends AppEnv>(
  c: Context<E>,
  record: StoryRecord | null,
  back: { href: (storyId: string) => string; label: string },
) => {
  const t = c.get('t');
  const number = Number(c.req.param('number'));
  const version = record?.versions.find((v) => v.number === number);
  if (!record || !version) return c.notFound();
  return renderPage(c, {
    title: format(t.stories.versionTitle, { number }),
    body: (
      <StoryVersionPage
        t={t}
        diffWords={(await loadDiff()).diffWords}
        version={version}
        previous={record.versions.filter((v) => v.number < number).at(-1)}
        backHref={back.href(record.story.id)}
        backLabel={back.label}
      />
    ),
  });
};
