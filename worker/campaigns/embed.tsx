import { Hono, type Context } from 'hono';
import {
  confirmedCount,
  currentGoal,
  getCampaign,
  type Campaign,
} from '../../db/campaigns/campaigns';
import { isOpenForSigning, isPublicCampaign } from '../../db/campaigns/rules';
import { CampaignEmbed } from '../../web/views/campaigns/embed';
import type { SignaturePanelState } from '../../web/views/campaigns/signature-panel';
import type { AppEnv } from '../env';
import { renderEmbed } from '../http/render';
import { queryLanguage } from '../middleware/locale';
import { receiveSignature } from './sign';

/** The embed's own address in this language: the form posts to it, the answer comes back to it. */
const embedPath = (c: Context<AppEnv>, id: string, tail = '') =>
  `/embed/campaigns/${id}${tail}?lang=${c.get('locale')}`;

const publicCampaign = async (c: Context<AppEnv>): Promise<Campaign | null> => {
  const campaign = await getCampaign(c.get('db'), c.req.param('id') ?? '');
  return campaign && isPublicCampaign(campaign) ? campaign : null;
};

const embedPage = async (
  c: Context<AppEnv>,
  campaign: Campaign,
  panel: SignaturePanelState,
  status = 200,
) => {
  const count = await confirmedCount(c.get('db'), campaign.id);
  return renderEmbed(c, {
    title: campaign.title,
    status,
    body: (
      <CampaignEmbed
        t={c.get('t')}
        locale={c.get('locale')}
        siteName={c.get('config').siteName}
        campaign={campaign}
        count={count}
        goal={currentGoal(campaign.goal, count)}
        open={isOpenForSigning(campaign)}
        panel={panel}
        action={embedPath(c, campaign.id, '/signatures')}
      />
    ),
  });
};

/**
 * `/embed/campaigns/:id`: one public campaign's progress and sign form, for a partner's page.
 *
 * Forgery, without cookies. The embed sets no cookie (a third-party frame's cookies are blocked
 * or partitioned anyway), so there is no cookie-bound token to check. None is needed: the app's
 * CSRF check (hono's `csrf()` in app.tsx) accepts a POST only when `Sec-Fetch-Site` says
 * same-origin or `Origin` is this site. A form inside the frame is a document of this site, so
 * its POST passes; a forged POST from the partner's page or any other site does not. Fetch
 * metadata is decided by who sends the request, not by who frames it. What a forger could
 * still do, by tricking a click inside a framed form, gains nothing: a signature only counts
 * once the mailbox's owner confirms it from the email (double opt-in, as on the campaign page),
 * and the limits per client and per mailbox apply here as there.
 */
export const campaignEmbedRoutes = new Hono<AppEnv>()
  .use('/embed/campaigns/*', queryLanguage())

  .get('/embed/campaigns/:id', async function embed_campaign_get(c) {
    const campaign = await publicCampaign(c);
    if (!campaign) return c.notFound();
    return embedPage(
      c,
      campaign,
      c.req.query('done') === 'sent' ? { kind: 'sent' } : { kind: 'form' },
    );
  })

  .post('/embed/campaigns/:id/signatures', async function embed_campaign_signatures_post(c) {
    const campaign = await publicCampaign(c);
    if (!campaign) return c.notFound();
    const received = await receiveSignature(c, campaign);
    if (received.kind === 'panel') return embedPage(c, campaign, received.panel, received.status);
    return c.redirect(`${embedPath(c, campaign.id)}&done=sent#sign`, 303);
  });
