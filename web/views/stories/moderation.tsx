import { PageLinks, pageHref } from '../../components/page-links';
import type { QueuedStory, StoryLimits, StoryRecord } from '../../../db/stories/stories';
import { Notice, type FieldErrors } from '../../components/form';
import type { Readability } from '../../components/readability';
import { StoryForm, type StoryFormFields } from './form';
import { StoryHistory, StoryVersionList } from './history';
import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';
import { VersionText } from './mine';

/** /moderation/stories: stories their authors asked moderators to read, oldest first. */
export const StoryQueuePage = (props: {
  t: Catalog;
  locale: Locale;
  queue: QueuedStory[];
  after: string | null;
  before: string | null;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.stories.queueTitle}</h1>
      <p class="lead">{t.stories.queueIntro}</p>
      {props.queue.length === 0 ? <p>{t.stories.queueEmpty}</p> : null}
      {props.queue.map((story) => (
        <section class="queue-item" aria-labelledby={`story-${story.id}`}>
          <h2 id={`story-${story.id}`}>
            <a href={`/moderation/stories/${story.id}`}>{story.title}</a>
          </h2>
          <p>
            {formatDate(story.submittedAt, props.locale)} ·{' '}
            {format(t.stories.queueLatest, { number: story.latestNumber })} ·{' '}
            {story.approvedNumber
              ? format(t.stories.queueApproved, { number: story.approvedNumber })
              : t.stories.queueNotApproved}
            {story.publishedNumber ? (
              <> · {format(t.stories.queuePublished, { number: story.publishedNumber })}</>
            ) : null}
          </p>
        </section>
      ))}
      <PageLinks
        t={t}
        label={t.stories.queuePagesLabel}
        previousHref={
          props.before ? pageHref('/moderation/stories', {}, { before: props.before }) : null
        }
        nextHref={props.after ? pageHref('/moderation/stories', {}, { after: props.after }) : null}
      />
      <p>
        <a href="/moderation">{t.moderation.title}</a>
      </p>
    </>
  );
};

/** One submitted story for a moderator: read, suggest an edit, publish the approved version. */
export const ModerateStoryPage = (props: {
  t: Catalog;
  locale: Locale;
  record: StoryRecord;
  /** The author's latest approval, when it can be published now. */
  publishable: { approvalId: string; versionNumber: number; expiresAt: Date } | null;
  form: StoryFormFields;
  limits: StoryLimits;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
  /** The suggestion form's reading-ease score (worker/http/readability.ts). */
  readability: Readability | null;
}) => {
  const { t, record, locale } = props;
  const latest = record.versions.at(-1);
  const base = `/moderation/stories/${record.story.id}`;
  const publishedApproval = record.approvals.find((a) => a.id === record.story.publishedApprovalId);
  return (
    <>
      <h1>{t.stories.moderateTitle}</h1>
      <Notice text={props.notice} />
      <section aria-labelledby="publish-heading" class="panel">
        <h2 id="publish-heading">{t.stories.publishHeading}</h2>
        {props.publishable ? (
          <form method="post" action={`${base}/publication`}>
            <input type="hidden" name="approval" value={props.publishable.approvalId} />
            <p>
              {format(t.stories.publishText, {
                number: props.publishable.versionNumber,
                date: formatDate(props.publishable.expiresAt, locale),
              })}
            </p>
            <button type="submit" class="button-primary">
              {format(t.stories.publishButton, { number: props.publishable.versionNumber })}
            </button>
          </form>
        ) : publishedApproval && publishedApproval.id === record.approvals.at(-1)?.id ? (
          <p>{t.stories.publishAlready}</p>
        ) : (
          <p>{t.stories.publishNothing}</p>
        )}
      </section>
      {latest ? (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">
            {format(t.stories.latestVersionHeading, { number: latest.number })}
          </h2>
          <VersionText t={t} version={latest} />
        </section>
      ) : null}
      <section aria-labelledby="suggest-heading" class="panel">
        <h2 id="suggest-heading">{t.stories.suggestHeading}</h2>
        <p>{t.stories.suggestIntro}</p>
        <StoryForm
          t={t}
          action={`${base}/versions`}
          values={props.form}
          errors={props.errors}
          limits={props.limits}
          submitLabel={t.stories.suggestButton}
          readability={props.readability}
        />
      </section>
      <StoryVersionList
        t={t}
        locale={locale}
        versions={record.versions}
        base={base}
        viewer="moderator"
      />
      <StoryHistory t={t} locale={locale} events={record.events} viewer="moderator" />
      <p>
        <a href="/moderation/stories">{t.stories.queueTitle}</a>
      </p>
    </>
  );
};
