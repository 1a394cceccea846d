import type { CampaignOption } from '../../../db/stories/campaigns';
import type {
  Consent,
  MyStory,
  StoryLimits,
  StoryRecord,
  StoryVersion,
} from '../../../db/stories/stories';
import { ErrorSummary, Notice, type FieldErrors } from '../../components/form';
import type { Readability } from '../../components/readability';
import { StoryForm, StoryReminders, type StoryFormFields } from './form';
import type { diffWords } from 'diff';
import { StoryDiff } from './diff';
import { StoryHistory, StoryVersionList } from './history';
import { ContentNotes, languageName, shownNameOf, StoryText, storyDir } from './parts';
import { formatDate } from '../../components/format';
import { LiveVersion, WaitingApproval, type PublicNow } from './public-now';
import { format, type Catalog, type Locale } from '../../i18n';

/** The storyteller's state of one story, in their words. */
const statusOf = (t: Catalog, story: MyStory) =>
  story.withdrawn
    ? t.stories.statusWithdrawn
    : story.published
      ? t.stories.statusPublished
      : story.submitted
        ? t.stories.statusSubmitted
        : t.stories.statusDraft;

/** /my-stories: the storyteller's stories. */
export const MyStoriesPage = (props: {
  t: Catalog;
  stories: MyStory[];
  canWrite: boolean;
  notice?: string | undefined;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.stories.mineTitle}</h1>
      <Notice text={props.notice} />
      <p class="lead">{t.stories.mineIntro}</p>
      {props.canWrite ? (
        <p>
          <a class="button button-primary" href="/my-stories/new">
            {t.stories.writeNew}
          </a>
        </p>
      ) : (
        <p>
          {t.stories.needStorytellerText} <a href="/account">{t.stories.goToAccount}</a>
        </p>
      )}
      {props.stories.length === 0 ? <p>{t.stories.mineEmpty}</p> : null}
      <ul class="story-list">
        {props.stories.map((story) => (
          <li class="story-card">
            <h2>
              <a href={`/my-stories/${story.id}`}>{story.title || t.stories.statusWithdrawn}</a>
            </h2>
            <p class="story-meta">
              {statusOf(t, story)}
              {story.latestNumber > 0 ? (
                <> · {format(t.stories.versionCount, { number: story.latestNumber })}</>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
};

/** Writing a new story, or a new version of one. */
export const StoryEditorPage = (props: {
  t: Catalog;
  mode: 'new' | 'edit';
  action: string;
  values: StoryFormFields;
  errors?: FieldErrors | undefined;
  backHref: string;
  limits: StoryLimits;
  readability: Readability | null;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{props.mode === 'new' ? t.stories.newTitle : t.stories.editTitle}</h1>
      {props.mode === 'edit' ? <p>{t.stories.editIntro}</p> : null}
      <StoryReminders t={t} />
      <StoryForm
        t={t}
        action={props.action}
        values={props.values}
        errors={props.errors}
        limits={props.limits}
        submitLabel={t.stories.save}
        readability={props.readability}
      />
      <p>
        <a href={props.backHref}>{props.mode === 'new' ? t.stories.mineTitle : t.stories.cancel}</a>
      </p>
    </>
  );
};

export type ConsentValues = Consent;

const monthsLabel = (t: Catalog, months: number) =>
  months === 12
    ? t.stories.monthsOptionYear
    : months % 12 === 0
      ? format(t.stories.monthsOptionYears, { years: months / 12 })
      : format(t.stories.monthsOption, { months });

/** The approval form: one exact version, with consent given place by place and a duration. */
export const ApprovalForm = (props: {
  t: Catalog;
  storyId: string;
  version: StoryVersion;
  campaigns: CampaignOption[];
  values: ConsentValues;
  /** The durations consent may be given for (db/stories/stories.ts CONSENT_MONTHS). */
  consentMonths: readonly number[];
  errors: FieldErrors;
  heading: string;
}) => {
  const { t, values, errors } = props;
  return (
    <section aria-labelledby="approve-heading" class="panel">
      <h2 id="approve-heading">{props.heading}</h2>
      <p>{t.stories.approveIntro}</p>
      <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
      <form method="post" action={`/my-stories/${props.storyId}/approval`} novalidate>
        <input type="hidden" name="version" value={String(props.version.number)} />
        <fieldset
          class={errors.ownPage || errors.campaignIds ? 'field field-error' : 'field'}
          id="field-ownPage"
        >
          <legend>{t.stories.consentLegend}</legend>
          {errors.ownPage ? <p class="error-message">{errors.ownPage}</p> : null}
          {errors.campaignIds ? (
            <p class="error-message" id="field-campaignIds">
              {errors.campaignIds}
            </p>
          ) : null}
          <div class="checkbox">
            <input
              type="checkbox"
              id="consent-own-page"
              name="ownPage"
              value="yes"
              checked={values.ownPage}
            />
            <label for="consent-own-page">{t.stories.consentOwnPage}</label>
          </div>
          <p class="fieldset-subhead">{t.stories.consentCampaigns}</p>
          {props.campaigns.length === 0 ? <p class="hint">{t.stories.consentNoCampaigns}</p> : null}
          {props.campaigns.map((campaign) => (
            <div class="checkbox checkbox-nested">
              <input
                type="checkbox"
                id={`consent-campaign-${campaign.id}`}
                name="campaignIds"
                value={campaign.id}
                checked={values.campaignIds.includes(campaign.id)}
              />
              <label for={`consent-campaign-${campaign.id}`}>{campaign.title}</label>
            </div>
          ))}
          <div class="checkbox">
            <input
              type="checkbox"
              id="consent-events"
              name="eventQuotes"
              value="yes"
              checked={values.eventQuotes}
            />
            <label for="consent-events">{t.stories.consentEvents}</label>
          </div>
        </fieldset>
        <div class={errors.months ? 'field field-error' : 'field'}>
          <label for="field-months">{t.stories.monthsLabel}</label>
          <p class="hint" id="hint-months">
            {t.stories.monthsHint}
          </p>
          {errors.months ? <p class="error-message">{errors.months}</p> : null}
          <select id="field-months" name="months" aria-describedby="hint-months">
            {props.consentMonths.map((months) => (
              <option value={String(months)} selected={values.months === months}>
                {monthsLabel(t, months)}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button-primary">
            {format(t.stories.approveButton, { number: props.version.number })}
          </button>
        </div>
      </form>
    </section>
  );
};

/** One version's text, as the author or a moderator reads it privately. */
export const VersionText = ({ t, version }: { t: Catalog; version: StoryVersion }) => (
  <div class="version-text">
    <h3 lang={version.language} dir={storyDir(version.language)}>
      {version.title}
    </h3>
    <p class="story-meta">
      {shownNameOf(t, version.shownName)} ·{' '}
      {format(t.stories.writtenIn, { language: languageName(t, version.language) })}
    </p>
    <ContentNotes
      t={t}
      notes={version.contentNotes}
      text={version.contentNoteText}
      headingLevel={3}
    />
    <StoryText body={version.body} language={version.language} />
  </div>
);

/** /my-stories/:id: where the story is, its latest version, approval, withdrawal, history. */
export const MyStoryPage = (props: {
  t: Catalog;
  locale: Locale;
  record: StoryRecord;
  campaigns: CampaignOption[];
  consent: ConsentValues;
  consentMonths: readonly number[];
  consentErrors?: FieldErrors | undefined;
  /** What the public sees now, and a newer approval waiting behind it (worker/stories/public-now.ts). */
  publicNow: PublicNow;
  notice?: string | undefined;
}) => {
  const { t, record, locale, publicNow } = props;
  const { story, versions, approvals } = record;
  const latest = versions.at(-1);
  const lastApproval = approvals.at(-1);
  const published = approvals.find((a) => a.id === story.publishedApprovalId);
  const publishedVersion = versions.find((v) => v.id === published?.versionId);
  const approvedVersion = versions.find((v) => v.id === lastApproval?.versionId);
  const base = `/my-stories/${story.id}`;
  const withdrawn = story.withdrawnAt !== null;
  return (
    <>
      <h1>{latest ? latest.title : t.stories.mineTitle}</h1>
      <Notice text={props.notice} />
      <section aria-labelledby="overview-heading" class="panel">
        <h2 id="overview-heading">{t.stories.overviewHeading}</h2>
        {withdrawn ? (
          <p>{t.stories.withdrawnNote}</p>
        ) : publicNow.live ? (
          <LiveVersion t={t} locale={locale} live={publicNow.live} />
        ) : (
          <p>{t.stories.notPublished}</p>
        )}
        {!withdrawn &&
        !publicNow.waiting &&
        approvedVersion &&
        lastApproval &&
        lastApproval.id !== story.publishedApprovalId ? (
          <p>{format(t.stories.approvedVersion, { number: approvedVersion.number })}</p>
        ) : null}
        {!withdrawn && !story.submittedAt ? (
          <form method="post" action={`${base}/submission`} class="inline-form">
            <p>{t.stories.submitText}</p>
            <button type="submit">{t.stories.submitButton}</button>
          </form>
        ) : null}
      </section>
      <WaitingApproval
        t={t}
        locale={locale}
        publicNow={publicNow}
        action={`${base}/published-version-removal`}
      />

      {latest ? (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">
            {format(t.stories.latestVersionHeading, { number: latest.number })}
          </h2>
          {latest.madeBy === 'moderator' && versions.length > 1 ? (
            <p>
              <a href={`${base}/versions/${latest.number}`}>
                {format(t.stories.changesHeading, { number: latest.number - 1 })}
              </a>
            </p>
          ) : null}
          <VersionText t={t} version={latest} />
          {!withdrawn ? (
            <p>
              <a class="button" href={`${base}/edit`}>
                {t.stories.editLatest}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {!withdrawn && latest ? (
        <ApprovalForm
          t={t}
          storyId={story.id}
          version={latest}
          campaigns={props.campaigns}
          values={props.consent}
          consentMonths={props.consentMonths}
          errors={props.consentErrors ?? {}}
          heading={
            published && publishedVersion?.id === latest.id && lastApproval?.id === published.id
              ? t.stories.renewHeading
              : format(t.stories.approveHeading, { number: latest.number })
          }
        />
      ) : null}
      {!withdrawn && published && publishedVersion?.id === latest?.id ? (
        <p>{format(t.stories.renewText, { date: formatDate(published.expiresAt, locale) })}</p>
      ) : null}

      {!withdrawn ? (
        <section aria-labelledby="withdraw-heading" class="panel panel-warning">
          <h2 id="withdraw-heading">{t.stories.withdrawHeading}</h2>
          <p>{t.stories.withdrawText}</p>
          <form method="post" action={`${base}/withdrawal`}>
            <div class="checkbox">
              <input type="checkbox" id="delete-versions" name="deleteVersions" value="yes" />
              <label for="delete-versions">{t.stories.deleteVersionsLabel}</label>
            </div>
            <div class="actions">
              <button type="submit" class="button-danger">
                {t.stories.withdrawButton}
              </button>
            </div>
          </form>
        </section>
      ) : versions.length > 0 ? (
        <form method="post" action={`${base}/versions-deletion`}>
          <button type="submit" class="button-danger">
            {t.stories.deleteVersionsButton}
          </button>
        </form>
      ) : null}

      <StoryVersionList t={t} locale={locale} versions={versions} base={base} viewer="author" />
      <StoryHistory t={t} locale={locale} events={record.events} viewer="author" />
      <p>
        <a href="/my-stories">{t.stories.mineTitle}</a>
      </p>
    </>
  );
};

/** One version, with what changed since the one before (word by word). */
export const StoryVersionPage = (props: {
  t: Catalog;
  diffWords: typeof diffWords;
  version: StoryVersion;
  previous: StoryVersion | undefined;
  backHref: string;
  backLabel: string;
}) => {
  const { t, version, previous } = props;
  return (
    <>
      <h1>{format(t.stories.versionTitle, { number: version.number })}</h1>
      {previous ? (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">
            {format(t.stories.changesHeading, { number: previous.number })}
          </h2>
          <StoryDiff
            t={t}
            diffWords={props.diffWords}
            before={`${previous.title}\n\n${previous.body}`}
            after={`${version.title}\n\n${version.body}`}
            language={version.language}
          />
        </section>
      ) : null}
      <section aria-labelledby="version-text-heading">
        <h2 id="version-text-heading">
          {format(t.stories.viewVersion, { number: version.number })}
        </h2>
        <VersionText t={t} version={version} />
      </section>
      <p>
        <a href={props.backHref}>{props.backLabel}</a>
      </p>
    </>
  );
};
