import type { Campaign } from '../../../db/campaigns/campaigns';
import { textIn } from '../../components/content-language';
import { format, type Catalog, type Locale } from '../../i18n';
import { CampaignProgress } from './progress';
import { SignaturePanel, type SignaturePanelState } from './signature-panel';

/**
 * `/embed/campaigns/:id`: one campaign's sign panel and progress for a partner's page. Signing
 * here is signing on the campaign page: the same form, checks and email to confirm. A call
 * campaign sends people to its page (the script and number need room). Links open in a new tab.
 */
export const CampaignEmbed = (props: {
  t: Catalog;
  locale: Locale;
  siteName: string;
  campaign: Campaign;
  count: number;
  goal: number;
  open: boolean;
  panel: SignaturePanelState;
  /** Where the sign form posts: this embed's own address, with its language. */
  action: string;
}) => {
  const { t, campaign } = props;
  const written = textIn(campaign.contentLanguage);
  const page = `/campaigns/${campaign.id}`;
  return (
    <article class="campaign">
      <p class="meta">{format(t.embeds.newTabNote, { site: props.siteName })}</p>
      <h1 {...written}>
        <a href={page} rel="noopener">
          {campaign.title}
        </a>
      </h1>
      <p class="lead" {...written}>
        {campaign.ask}
      </p>
      <p>{format(t.campaigns.target, { name: campaign.targetName, role: campaign.targetRole })}</p>
      {campaign.kind === 'call' ? (
        <p>
          <a href={page} rel="noopener">
            {format(t.embeds.callElsewhere, { site: props.siteName })}
          </a>
        </p>
      ) : (
        <>
          <CampaignProgress
            t={t}
            count={props.count}
            goal={props.goal}
            firstGoal={campaign.goal}
            locale={props.locale}
          />
          <SignaturePanel
            t={t}
            campaignId={campaign.id}
            isLetter={campaign.kind === 'letter'}
            suggestedLetter={campaign.letterText}
            state={props.open ? props.panel : { kind: 'closed' }}
            embedAction={props.action}
          />
        </>
      )}
      <p>
        <a href={page} rel="noopener">
          {format(t.embeds.readMore, { site: props.siteName })}
        </a>
      </p>
    </article>
  );
};
