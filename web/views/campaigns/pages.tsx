import { PageLinks, pageHref } from '../../components/page-links';
import type { Child } from 'hono/jsx';
import type { Campaign, CampaignStatus, CampaignSummary } from '../../../db/campaigns/campaigns';
import type { PublicSigner } from '../../../db/campaigns/signatures';
import type { CampaignUpdate } from '../../../db/campaigns/updates';
import { CallPanel } from './call-panel';
import { CampaignProgress } from './progress';
import { textIn } from '../../components/content-language';
import { Notice } from '../../components/form';
import { SignaturePanel, type SignaturePanelState } from './signature-panel';
import { formatDate } from '../../components/format';
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

export interface CampaignPageProps {
  t: Catalog;
  locale: Locale;
  campaign: Campaign;
  count: number;
  goal: number;
  signers: PublicSigner[];
  updates: CampaignUpdate[];
  shareUrl: string;
  open: boolean;
  /** What the public is told the state is: closed once the end date has passed. */
  shownStatus: CampaignStatus;
  panel: SignaturePanelState;
  notice?: string | undefined;
  callMessage?: string | undefined;
  /**
   * Seams for the events and stories areas: linked upcoming events and consented stories are
   * drawn by those areas and passed in here, so this page needs no knowledge of them.
   */
  related?: Child;
  /** The Atom feed of this campaign's updates, in the reader's language. */
  updatesFeedHref: string;
}

/** One campaign: the ask, who decides, progress, what happens next, the action, news, signers, sharing. */
export const CampaignPage = (props: CampaignPageProps) => {
  const { t, campaign } = props;
  // The organizer's words carry their own language; the page's words the reader's.
  const written = textIn(campaign.contentLanguage);
  const date = (value: string) => formatDate(new Date(`${value}T00:00:00Z`), props.locale);
  const mailto = `mailto:?subject=${encodeURIComponent(t.campaigns.shareEmailSubject)}&body=${encodeURIComponent(`${campaign.title}\n${props.shareUrl}`)}`;
  return (
    <article class="campaign">
      <p class="meta">
        {t.campaigns.kindNames[campaign.kind]} · {t.campaigns.statusNames[props.shownStatus]}
      </p>
      <h1 {...written}>{campaign.title}</h1>
      <Notice text={props.notice} />
      <p class="lead" {...written}>
        {campaign.ask}
      </p>
      <p>{format(t.campaigns.target, { name: campaign.targetName, role: campaign.targetRole })}</p>
      {campaign.status === 'delivered' ? (
        <section class="notice" aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">{t.campaigns.deliveryHeading}</h2>
          {campaign.deliveredOn ? (
            <p>{format(t.campaigns.deliveredNotice, { date: date(campaign.deliveredOn) })}</p>
          ) : null}
          {campaign.deliveryNote ? (
            <p class="pre-line" {...written}>
              {campaign.deliveryNote}
            </p>
          ) : null}
        </section>
      ) : props.shownStatus === 'closed' ? (
        <p class="notice">{t.campaigns.closedNotice}</p>
      ) : campaign.endsOn ? (
        <p>{format(t.campaigns.endsOn, { date: date(campaign.endsOn) })}</p>
      ) : null}
      {campaign.kind === 'call' ? null : (
        <CampaignProgress
          t={t}
          count={props.count}
          goal={props.goal}
          firstGoal={campaign.goal}
          locale={props.locale}
        />
      )}
      {campaign.nextSteps ? (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">{t.campaigns.nextStepsHeading}</h2>
          <p class="pre-line" {...written}>
            {campaign.nextSteps}
          </p>
        </section>
      ) : null}
      {campaign.kind === 'call' ? (
        <CallPanel
          t={t}
          campaignId={campaign.id}
          script={campaign.letterText}
          scriptLanguage={campaign.contentLanguage}
          phone={campaign.targetPhone}
          count={campaign.callCount}
          open={props.open}
          message={props.callMessage}
        />
      ) : (
        <SignaturePanel
          t={t}
          campaignId={campaign.id}
          isLetter={campaign.kind === 'letter'}
          suggestedLetter={campaign.letterText}
          state={props.open ? props.panel : { kind: 'closed' }}
        />
      )}
      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t.campaigns.aboutHeading}</h2>
        <p class="pre-line" {...written}>
          {campaign.body}
        </p>
      </section>
      {props.related ?? null}
      {props.updates.length > 0 ? (
        <section aria-labelledby="updates-heading">
          <h2 id="updates-heading">{t.campaigns.updatesHeading}</h2>
          {props.updates.map((update) => (
            <div class="update" id={`update-${update.id}`}>
              <p class="meta">{formatDate(update.createdAt, props.locale)}</p>
              <p class="pre-line" {...written}>
                {update.body}
              </p>
            </div>
          ))}
        </section>
      ) : null}
      {campaign.kind === 'call' ? null : (
        <section aria-labelledby="signers-heading">
          <h2 id="signers-heading">{t.campaigns.signersHeading}</h2>
          {props.signers.length === 0 ? (
            <p>{t.campaigns.noPublicSigners}</p>
          ) : (
            <ul class="signers">
              {props.signers.map((signer) => (
                <li>
                  {signer.city
                    ? format(t.campaigns.signerFrom, { name: signer.name, city: signer.city })
                    : signer.name}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="share-heading">
        <h2 id="share-heading">{t.campaigns.shareHeading}</h2>
        <label for="share-url">{t.campaigns.shareText}</label>
        <input id="share-url" type="text" readonly value={props.shareUrl} class="share-url" />
        <p>
          <a href={mailto}>{t.campaigns.shareEmail}</a>
        </p>
        <p>
          <a href={props.updatesFeedHref} type="application/atom+xml">
            {t.feeds.updatesLink}
          </a>
        </p>
      </section>
    </article>
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
