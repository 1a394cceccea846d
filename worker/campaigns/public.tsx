import { Hono, type Context } from 'hono';
import {
  currentGoal,
  confirmedCount,
  countCall,
  getCampaign,
  getCampaignForSigning,
  type Campaign,
  type SigningCampaign,
} from '../../db/campaigns/campaigns';
import { isOpenForSigning, isPublicCampaign, shownStatus } from '../../db/campaigns/rules';
import { latestPublicSigners } from '../../db/campaigns/signatures';
import { listCampaignUpdates } from '../../db/campaigns/updates';
import { hitRateLimit } from '../../db/core/rate-limit';
import { CallPanel } from '../../web/views/campaigns/call-panel';
import {
  SignaturePanel,
  type SignaturePanelState,
} from '../../web/views/campaigns/signature-panel';
import { CampaignListPage } from '../../web/views/campaigns/pages';
import { CampaignPage } from '../../web/views/campaigns/campaign-page';
import type { AppEnv } from '../env';
import { renderPage } from '../http/render';
import { readPageAsk } from '../http/page-ask';
import { listPublicCampaignsPage } from '../../db/campaigns/list-page';
import { isHtmx } from '../http/htmx';
import { doneKey, noticeUrl, readNotice, type Notices } from '../http/notices';
import { siteOrigin } from '../http/site-origin';
import { receiveSignature, SIGNING_RATE_LIMITS } from './sign';
import { campaignFeeds } from './feeds';

/** Notices on a campaign's page, after the links in signers' emails (signatures.tsx). */
export const campaignNotices = {
  confirmed: (t) => t.campaigns.confirmed,
  withdrawn: (t) => t.campaigns.withdrawn,
  unsubscribed: (t) => t.campaigns.unsubscribed,
} satisfies Notices;

/** After signing or calling without JavaScript, the answer shows in the sign or call panel, not as a notice. */
const panelAnswers = {
  sent: (t) => t.campaigns.checkEmailText,
  called: (t) => t.campaigns.callThanks,
} satisfies Notices;

/** A public campaign by id, or null: drafts and campaigns waiting for review are never shown. */
const publicCampaign = async (c: Context<AppEnv>): Promise<Campaign | null> => {
  const campaign = await getCampaign(c.get('db'), c.req.param('id') ?? '');
  return campaign && isPublicCampaign(campaign) ? campaign : null;
};

/** The whole campaign page, with the sign panel in the given state. */
const campaignPage = async (
  c: Context<AppEnv>,
  campaign: Campaign,
  options: {
    panel?: SignaturePanelState;
    status?: number;
    notice?: string | undefined;
    callMessage?: string;
  } = {},
) => {
  const db = c.get('db');
  const t = c.get('t');
  const [count, signers, updates, related] = await Promise.all([
    confirmedCount(db, campaign.id),
    latestPublicSigners(db, campaign.id),
    listCampaignUpdates(db, campaign.id),
    Promise.all(c.get('areaLinks').campaignPageSlots.map((slot) => slot(c, campaign))),
  ]);
  const path = `/campaigns/${campaign.id}`;
  return renderPage(c, {
    title: campaign.title,
    section: 'takeAction',
    status: options.status ?? 200,
    // Only public campaigns reach this page (`publicCampaign`): drafts answer 404.
    shareCard: {
      title: campaign.title,
      summary: campaign.ask,
      path,
      language: campaign.contentLanguage,
    },
    feeds: [campaignFeeds.updates(c, campaign), campaignFeeds.all(c)],
    body: CampaignPage({
      t,
      locale: c.get('locale'),
      campaign,
      count,
      goal: currentGoal(campaign.goal, count),
      signers,
      updates,
      shareUrl: siteOrigin(c) + path,
      open: isOpenForSigning(campaign),
      shownStatus: shownStatus(campaign),
      panel: options.panel ?? { kind: 'form' },
      notice: options.notice,
      callMessage: options.callMessage,
      related: <>{related}</>,
      updatesFeedHref: campaignFeeds.updates(c, campaign).href,
    }),
  });
};

/** The sign panel alone for htmx, or the whole page without JavaScript (read in full only then). */
const signAnswer = async (
  c: Context<AppEnv>,
  campaign: SigningCampaign,
  panel: SignaturePanelState,
  status: number,
) => {
  if (isHtmx(c)) {
    return c.html(
      SignaturePanel({
        t: c.get('t'),
        campaignId: campaign.id,
        isLetter: campaign.kind === 'letter',
        suggestedLetter: campaign.letterText,
        state: panel,
      }),
      status as 200,
    );
  }
  const full = await getCampaign(c.get('db'), campaign.id);
  return full ? campaignPage(c, full, { panel, status }) : c.notFound();
};

export const campaignRoutes = new Hono<AppEnv>()
  .get('/campaigns', async function campaigns_get(c) {
    const t = c.get('t');
    const page = await listPublicCampaignsPage(c.get('db'), readPageAsk(c));
    return renderPage(c, {
      title: t.campaigns.listTitle,
      section: 'takeAction',
      body: (
        <CampaignListPage
          t={t}
          locale={c.get('locale')}
          campaigns={page.items}
          after={page.after}
          before={page.before}
          feedHref={campaignFeeds.all(c).href}
        />
      ),
      feeds: [campaignFeeds.all(c)],
    });
  })

  .get('/campaigns/:id', async function campaign_get(c) {
    const campaign = await publicCampaign(c);
    if (!campaign) return c.notFound();
    const answered = doneKey(c, panelAnswers);
    if (answered === 'sent') return campaignPage(c, campaign, { panel: { kind: 'sent' } });
    const callMessage = answered === 'called' ? readNotice(c, panelAnswers) : undefined;
    return campaignPage(c, campaign, {
      notice: readNotice(c, campaignNotices),
      ...(callMessage ? { callMessage } : {}),
    });
  })

  .post('/campaigns/:id/signatures', async function campaign_signatures_post(c) {
    const campaign = await getCampaignForSigning(c.get('db'), c.req.param('id'));
    if (!campaign || !isPublicCampaign(campaign)) return c.notFound();
    const received = await receiveSignature(c, campaign);
    if (received.kind === 'panel') return signAnswer(c, campaign, received.panel, received.status);
    return isHtmx(c)
      ? signAnswer(c, campaign, { kind: 'sent' }, 200)
      : c.redirect(
          noticeUrl(panelAnswers, `/campaigns/${campaign.id}`, 'sent', { hash: 'sign' }),
          303,
        );
  })

  .post('/campaigns/:id/calls', async function campaign_calls_post(c) {
    const campaign = await publicCampaign(c);
    if (!campaign || campaign.kind !== 'call') return c.notFound();
    const t = c.get('t');
    const db = c.get('db');
    const limit = await hitRateLimit(
      db,
      SIGNING_RATE_LIMITS.callsPerClient,
      `${campaign.id}:${await c.get('clientKey')()}`,
    );
    const count = limit.allowed ? await countCall(db, campaign.id) : null;
    const message = limit.allowed
      ? count === null
        ? t.campaigns.notOpen
        : t.campaigns.callThanks
      : t.campaigns.calledTooMany;
    if (isHtmx(c)) {
      const fresh = (await getCampaign(db, campaign.id))!;
      return c.html(
        <CallPanel
          t={t}
          campaignId={campaign.id}
          script={fresh.letterText}
          scriptLanguage={fresh.contentLanguage}
          phone={fresh.targetPhone}
          count={fresh.callCount}
          open={isOpenForSigning(fresh)}
          message={message}
        />,
        limit.allowed ? 200 : 429,
      );
    }
    if (!limit.allowed) return campaignPage(c, campaign, { callMessage: message, status: 429 });
    // Not counted (closed, or past its end date): say so, as signing does, rather than thank.
    if (count === null) return campaignPage(c, campaign, { callMessage: message, status: 409 });
    return c.redirect(
      noticeUrl(panelAnswers, `/campaigns/${campaign.id}`, 'called', { hash: 'call' }),
      303,
    );
  });
