import type { diffWords } from 'diff';
import type { Catalog } from '../../i18n';

/**
 * What changed between two versions, word by word (the `diff` library's diffWords, which the
 * route loads on demand: worker/on-demand.ts). Added and removed words are marked with
 * <ins>/<del> and, for screen readers, said in words too.
 */
export const StoryDiff = (props: {
  t: Catalog;
  diffWords: typeof diffWords;
  before: string;
  after: string;
  language: string;
}) => {
  const { t } = props;
  const parts = props.diffWords(props.before, props.after);
  if (!parts.some((part) => part.added || part.removed)) return <p>{t.stories.noChanges}</p>;
  return (
    <div class="story-diff" lang={props.language}>
      {parts.map((part) =>
        part.added ? (
          <ins>
            <span class="visually-hidden">[{t.stories.added}] </span>
            {part.value}
            <span class="visually-hidden"> [{t.stories.endAdded}]</span>
          </ins>
        ) : part.removed ? (
          <del>
            <span class="visually-hidden">[{t.stories.removed}] </span>
            {part.value}
            <span class="visually-hidden"> [{t.stories.endRemoved}]</span>
          </del>
        ) : (
          <span>{part.value}</span>
        ),
      )}
    </div>
  );
};
