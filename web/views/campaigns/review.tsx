import type { Campaign } from '../../../db/campaigns/campaigns';
import type { Catalog } from '../../i18n';

/** Campaigns waiting for a moderator: the whole text as it would be published, and two buttons. */
export const CampaignReviewQueue = ({ t, campaigns }: { t: Catalog; campaigns: Campaign[] }) => (
  <>
    <h2>{t.campaigns.moderationHeading}</h2>
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
          <form method="post" action={`/moderation/campaigns/${campaign.id}/approval`} class="inline-form">
            <button type="submit" class="button-primary">
              {t.campaigns.approve}
            </button>
          </form>
          <form method="post" action={`/moderation/campaigns/${campaign.id}/return`} class="inline-form">
            <button type="submit">{t.campaigns.returnToOrganizer}</button>
          </form>
        </div>
      </section>
    ))}
  </>
);
