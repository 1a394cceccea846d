import { PageLinks, pageHref } from '../../components/page-links';
import type { CampaignSummary } from '../../../db/campaigns/campaigns';
import { CampaignProgress } from './progress';
import { textIn } from '../../components/content-language';
import { format, type Catalog, type Locale } from '../../i18n';

/** A campaign in the list: petitions and letters show their progress as their page does. */
const CampaignCard = ({
  t,
  locale,
  campaign,
}: {
  t: Catalog;
  locale: Locale;
  campaign: CampaignSummary;
}) => (
  <li class="card">
    <h3 {...textIn(campaign.contentLanguage)}>
      <a href={`/campaigns/${campaign.id}`}>{campaign.title}</a>
    </h3>
    <p {...textIn(campaign.contentLanguage)}>{campaign.ask}</p>
    <p class="meta">
      {t.campaigns.kindNames[campaign.kind]} · {t.campaigns.statusNames[campaign.shownStatus]}
      {campaign.kind === 'call'
        ? ` · ${format(t.campaigns.countCalls, { count: campaign.callCount })}`
        : null}
    </p>
    {campaign.kind === 'call' ? null : (
      <CampaignProgress
        t={t}
        count={campaign.signatures}
        goal={campaign.goalNow}
        firstGoal={campaign.goal}
        locale={locale}
        idPrefix={`campaign-${campaign.id}`}
      />
    )}
  </li>
);

/** /campaigns: open campaigns first, then finished ones. */
export const CampaignListPage = ({
  t,
  locale,
  campaigns,
  feedHref,
  after,
  before,
}: {
  t: Catalog;
  locale: Locale;
  campaigns: CampaignSummary[];
  /** The Atom feed of new campaigns, in the reader's language. */
  feedHref: string;
  /** Cursors of the next and previous pages (db/core/keyset.ts), null at either end. */
  after: string | null;
  before: string | null;
}) => {
  const open = campaigns.filter((c) => c.open);
  const past = campaigns.filter((c) => !c.open);
  return (
    <>
      <h1>{t.campaigns.listTitle}</h1>
      <p class="lead">{t.campaigns.listIntro}</p>
      {campaigns.length === 0 ? <p>{t.campaigns.noCampaigns}</p> : null}
      {open.length > 0 ? (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">{t.campaigns.openHeading}</h2>
          <ul class="card-list">
            {open.map((campaign) => (
              <CampaignCard t={t} locale={locale} campaign={campaign} />
            ))}
          </ul>
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">{t.campaigns.pastHeading}</h2>
          <ul class="card-list">
            {past.map((campaign) => (
              <CampaignCard t={t} locale={locale} campaign={campaign} />
            ))}
          </ul>
        </section>
      ) : null}
      <PageLinks
        t={t}
        label={t.campaigns.pagesLabel}
        previousHref={before ? pageHref('/campaigns', {}, { before }) : null}
        nextHref={after ? pageHref('/campaigns', {}, { after }) : null}
      />
      <p>
        <a href={feedHref} type="application/atom+xml">
          {t.feeds.campaignsLink}
        </a>
      </p>
    </>
  );
};

/** A link page (confirm, withdraw, stop news): names the campaign and asks for one press. */
export const SignatureLinkPage = (props: {
  title: string;
  text: string;
  action: string;
  button: string;
  danger?: boolean;
}) => (
  <>
    <h1>{props.title}</h1>
    <p>{props.text}</p>
    <form method="post" action={props.action}>
      <button type="submit" class={props.danger ? 'button-danger' : 'button-primary'}>
        {props.button}
      </button>
    </form>
  </>
);
