import { PageLinks, pageHref } from '../../components/page-links';
import type { PublicStory } from '../../../db/stories/stories';
import { ContentNotes, languageName, shownNameOf, StoryCard, StoryText, storyDir } from './parts';
import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';

/** /stories: published stories. No counts, comments or sharing widgets, by design. */
export const StoriesListPage = (props: {
  t: Catalog;
  locale: Locale;
  stories: PublicStory[];
  /** Cursors of the next and previous pages (db/core/keyset.ts), null at either end. */
  after: string | null;
  before: string | null;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.stories.listTitle}</h1>
      <p class="lead">{t.stories.listIntro}</p>
      {props.stories.length === 0 ? <p>{t.stories.listEmpty}</p> : null}
      <ul class="story-list">
        {props.stories.map((story) => (
          <StoryCard t={t} locale={props.locale} story={story} />
        ))}
      </ul>
      <PageLinks
        t={t}
        label={t.stories.pagesLabel}
        previousHref={props.before ? pageHref('/stories', {}, { before: props.before }) : null}
        nextHref={props.after ? pageHref('/stories', {}, { after: props.after }) : null}
      />
    </>
  );
};

/** /stories/:id: content notes first; the text waits behind a disclosure the reader opens. */
export const StoryPage = (props: { t: Catalog; locale: Locale; story: PublicStory }) => {
  const { t, story } = props;
  return (
    <article class="story">
      <h1 lang={story.language} dir={storyDir(story.language)}>
        {story.title}
      </h1>
      <p class="story-meta">
        {shownNameOf(t, story.shownName)} ·{' '}
        {format(t.stories.writtenIn, { language: languageName(t, story.language) })}
        {story.publishedAt ? <> · {formatDate(story.publishedAt, props.locale)}</> : null}
      </p>
      <ContentNotes t={t} notes={story.contentNotes} text={story.contentNoteText} />
      <details class="story-disclosure">
        <summary>{t.stories.readStory}</summary>
        <StoryText body={story.body} language={story.language} />
      </details>
      <p>
        <a href="/stories">{t.stories.backToList}</a>
      </p>
    </article>
  );
};
