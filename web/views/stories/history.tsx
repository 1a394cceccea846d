import type { StoryEvent, StoryVersion } from '../../../db/stories/stories';
import { formatDateTime } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';

/** Who did what, when: never any text of the story. */
export const StoryHistory = (props: {
  t: Catalog;
  locale: Locale;
  events: StoryEvent[];
  viewer: 'author' | 'moderator';
}) => {
  const { t } = props;
  const actors = props.viewer === 'author' ? t.stories.actors : t.stories.actorsModeration;
  return (
    <section aria-labelledby="story-history">
      <h2 id="story-history">{t.stories.historyHeading}</h2>
      <p>{t.stories.historyIntro}</p>
      <ol class="story-history">
        {props.events.map((event) => (
          <li>
            <time datetime={event.createdAt.toISOString()}>
              {formatDateTime(event.createdAt, props.locale)}
            </time>
            : {actors[event.actor]}{' '}
            {format(t.stories.actions[event.action], { number: event.versionNumber ?? '' })}
          </li>
        ))}
      </ol>
    </section>
  );
};

/** The list of versions, newest first, each a link to read it (and what changed). */
export const StoryVersionList = (props: {
  t: Catalog;
  locale: Locale;
  versions: StoryVersion[];
  base: string;
  viewer: 'author' | 'moderator';
}) => {
  const { t } = props;
  const by = props.viewer === 'author' ? t.stories.versionBy : t.stories.versionByModeration;
  return (
    <section aria-labelledby="story-versions">
      <h2 id="story-versions">{t.stories.versionsHeading}</h2>
      {props.versions.length === 0 ? <p>{t.stories.versionsNone}</p> : null}
      <ul>
        {[...props.versions].reverse().map((version) => (
          <li>
            <a href={`${props.base}/versions/${version.number}`}>
              {format(t.stories.versionLine, {
                number: version.number,
                by: by[version.madeBy],
                date: formatDateTime(version.createdAt, props.locale),
              })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
};
