import type { Campaign } from '../../../db/campaigns/campaigns';
import type { OwnerlessCampaign, QueuedCampaign } from '../../../db/campaigns/review-queue';
import { Notice, type FieldErrors } from '../../components/form';
import { PageLinks, type PageHrefs } from '../../components/page-links';
import { format, type Catalog } from '../../i18n';
import { CampaignEnding } from './ending';

/**
 * Campaigns waiting for a moderator, a page at a time: the whole text as it would be published,
 * and two buttons.
 */
export const CampaignReviewQueue = ({
  t,
  campaigns,
  pages,
}: {
  t: Catalog;
  campaigns: QueuedCampaign[];
  pages: PageHrefs;
}) => (
  <>
    <h2 id="campaigns">{t.campaigns.moderationHeading}</h2>
    {campaigns.length === 0 ? <p>{t.campaigns.noSubmitted}</p> : null}
    {campaigns.map((campaign) => (
      <section class="queue-item" aria-labelledby={`campaign-${campaign.id}`}>
        <h3 id={`campaign-${campaign.id}`}>{campaign.title}</h3>
        <dl>
          <dt>{t.campaigns.kindLegend}</dt>
          <dd>{t.campaigns.kindNames[campaign.kind]}</dd>
          <dt>{t.campaigns.askLabel}</dt>
          <dd>{campaign.ask}</dd>
          <dt>{t.campaigns.targetHeading}</dt>
          <dd>
            {campaign.targetName}, {campaign.targetRole}
          </dd>
          <dt>{t.campaigns.bodyLabel}</dt>
          <dd class="pre-line">{campaign.body}</dd>
          {campaign.letterText ? (
            <>
              <dt>{t.campaigns.letterTextLabel}</dt>
              <dd class="pre-line">{campaign.letterText}</dd>
            </>
          ) : null}
          {campaign.targetPhone ? (
            <>
              <dt>{t.campaigns.targetPhoneLabel}</dt>
              <dd>{campaign.targetPhone}</dd>
            </>
          ) : null}
          <dt>{t.campaigns.goalLabel}</dt>
          <dd>{campaign.goal}</dd>
        </dl>
        <div class="actions">
          <form
            method="post"
            action={`/moderation/campaigns/${campaign.id}/approval`}
            class="inline-form"
          >
            <button type="submit" class="button-primary">
              {t.campaigns.approve}
            </button>
          </form>
          <form
            method="post"
            action={`/moderation/campaigns/${campaign.id}/return`}
            class="inline-form"
          >
            <button type="submit">{t.campaigns.returnToOrganizer}</button>
          </form>
        </div>
      </section>
    ))}
    <PageLinks t={t} label={t.campaigns.reviewPagesLabel} {...pages} />
  </>
);

/**
 * Campaigns whose organizer deleted their account and that a moderator still has to close or
 * deliver, a page at a time.
 */
export const OwnerlessCampaigns = ({
  t,
  campaigns,
  pages,
}: {
  t: Catalog;
  campaigns: OwnerlessCampaign[];
  pages: PageHrefs;
}) => (
  <>
    <h2 id="ownerless">{t.campaigns.ownerlessHeading}</h2>
    {campaigns.length === 0 ? (
      <p>{t.campaigns.noOwnerless}</p>
    ) : (
      <ul>
        {campaigns.map((campaign) => (
          <li>
            <a href={`/moderation/campaigns/${campaign.id}`}>{campaign.title}</a> (
            {t.campaigns.statusNames[campaign.status]})
          </li>
        ))}
      </ul>
    )}
    <PageLinks t={t} label={t.campaigns.ownerlessPagesLabel} {...pages} />
  </>
);

/**
 * One campaign with no organizer, for a moderator: its state and count, and the close and
 * delivery forms. Nothing about the signers: their list stays private (canEndCampaign).
 */
export const OwnerlessCampaignPage = (props: {
  t: Catalog;
  campaign: Campaign;
  /** Confirmed signatures (or calls) so far. */
  count: number;
  /** What the campaign's state allows (db/campaigns/rules.ts). */
  closable: boolean;
  deliverable: boolean;
  notice?: string | undefined;
  errors?: FieldErrors;
  typed?: Record<string, string>;
}) => {
  const { t, campaign } = props;
  return (
    <>
      <h1>{campaign.title}</h1>
      <Notice text={props.notice} />
      <p class="meta">
        {format(t.campaigns.statusLabel, { status: t.campaigns.statusNames[campaign.status] })}
      </p>
      <p>{t.campaigns.ownerlessIntro}</p>
      <p>
        {campaign.kind === 'call'
          ? format(t.campaigns.countCalls, { count: campaign.callCount })
          : format(t.campaigns.countSigned, { count: props.count })}
      </p>
      <p>
        <a href={`/campaigns/${campaign.id}`}>{t.campaigns.viewPublic}</a>
      </p>
      <CampaignEnding
        t={t}
        action={`/moderation/campaigns/${campaign.id}`}
        closable={props.closable}
        deliverable={props.deliverable}
        errors={props.errors ?? {}}
        typed={props.typed}
      />
    </>
  );
};
