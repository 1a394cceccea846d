import { Hono } from 'hono';
import { getPublicStory, listPublishedStoriesPage } from '../../db/stories/stories';
import { StoriesListPage, StoryPage } from '../../web/views/stories/pages';
import type { AppEnv } from '../env';
import { renderErrorPage, renderPage } from '../http/render';
import { readPageAsk } from '../http/page-ask';
import { myStoriesRoutes } from './mine';
import { storyModerationRoutes } from './moderation';

/**
 * /stories: only what an author approved and a moderator published, in force and not
 * withdrawn. A withdrawn story answers 410 with a neutral message; anything else unknown, 404.
 */
const publicStoryRoutes = new Hono<AppEnv>()
  .get('/stories', async function stories_get(c) {
    const t = c.get('t');
    const list = await listPublishedStoriesPage(c.get('db'), readPageAsk(c));
    return renderPage(c, {
      title: t.stories.listTitle,
      section: 'stories',
      body: (
        <StoriesListPage
          t={t}
          locale={c.get('locale')}
          stories={list.items}
          after={list.after}
          before={list.before}
        />
      ),
    });
  })

  .get('/stories/:id', async function story_get(c) {
    const t = c.get('t');
    const story = await getPublicStory(c.get('db'), c.req.param('id'));
    if (!story) return c.notFound();
    if (story === 'gone') {
      return renderErrorPage(c, {
        status: 410,
        section: 'stories',
        title: t.stories.goneTitle,
        text: t.stories.goneText,
      });
    }
    return renderPage(c, {
      title: story.title,
      section: 'stories',
      body: <StoryPage t={t} locale={c.get('locale')} story={story} />,
    });
  });

/** Every stories address: the public pages, /my-stories and /moderation/stories. */
export const storyRoutes = new Hono<AppEnv>()
  .route('/', publicStoryRoutes)
  .route('/', myStoriesRoutes)
  .route('/', storyModerationRoutes);
