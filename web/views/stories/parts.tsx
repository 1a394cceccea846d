import type { ContentNote, PublicStory } from '../../../db/stories/stories';
import { formatDate } from '../../components/format';
import {
  contentLanguageName as languageName,
  textDir as storyDir,
} from '../../components/content-language';

export { languageName, storyDir };
import { format, type Catalog, type Locale } from '../../i18n';

/**
 * A story's text: plain paragraphs, split on empty lines, in the story's own language. It is
 * always text (escaped by JSX): markup, links and attributes a writer types stay visible words.
 */
export const StoryText = ({ body, language }: { body: string; language: string }) => (
  <div class="story-text" lang={language} dir={storyDir(language)}>
    {body
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map((paragraph) => (
        <p>{paragraph}</p>
      ))}
  </div>
);

/** Content notes, shown before the text so a reader can decide first. */
export const ContentNotes = (props: {
  t: Catalog;
  notes: ContentNote[];
  text: string;
  headingLevel?: 2 | 3;
}) => {
  const { t } = props;
  const labels = props.notes
    .filter((note) => note !== 'other' || !props.text)
    .map((note) => t.stories.notes[note]);
  if (props.text) labels.push(props.text);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="content-notes" aria-label={t.stories.contentNotesHeading}>
      <Heading class="content-notes-heading">{t.stories.contentNotesHeading}</Heading>
      {labels.length === 0 ? (
        <p>{t.stories.noContentNotes}</p>
      ) : (
        <ul>
          {labels.map((label) => (
            <li>{label}</li>
          ))}
        </ul>
      )}
    </section>
  );
};

/** "Shared by …" with the name the author chose, or Anonymous. */
export const shownNameOf = (t: Catalog, shownName: string) =>
  format(t.stories.by, { name: shownName || t.stories.anonymous });

/** One story in a list (the stories page, a campaign page): title, shown name, language, date. */
export const StoryCard = (props: {
  t: Catalog;
  locale: Locale;
  story: PublicStory;
  headingLevel?: 2 | 3;
}) => {
  const { t, story } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <li class="story-card">
      <Heading lang={story.language} dir={storyDir(story.language)}>
        <a href={`/stories/${story.id}`}>{story.title}</a>
      </Heading>
      <p class="story-meta">
        {shownNameOf(t, story.shownName)} ·{' '}
        {format(t.stories.writtenIn, { language: languageName(t, story.language) })}
        {story.publishedAt ? <> · {formatDate(story.publishedAt, props.locale)}</> : null}
      </p>
    </li>
  );
};
