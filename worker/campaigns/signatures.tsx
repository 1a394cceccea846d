import { Hono, type Context } from 'hono';
import { getCampaign } from '../../db/campaigns/campaigns';
import { isOpenForSigning, isPublicCampaign } from '../../db/campaigns/rules';
import { readUnsubscribeToken } from '../../db/campaigns/links';
import {
  campaignOfSignature,
  confirmSignature,
  signatureForToken,
  unsubscribeSignature,
  withdrawSignature,
} from '../../db/campaigns/signatures';
import { format } from '../../web/i18n';
import { SignatureLinkPage } from '../../web/views/campaigns/pages';
import type { AppEnv } from '../env';
import { renderErrorPage, renderPage } from '../http/render';
import { noticeUrl } from '../http/notices';
import { campaignNotices } from './public';

/** The page for a link that was used, expired or never existed: the same for all three. */
const linkGone = (c: Context<AppEnv>) => {
  const t = c.get('t');
  return renderErrorPage(c, {
    status: 404,
    title: t.campaigns.linkExpiredTitle,
    text: t.campaigns.linkExpiredText,
  });
};

/**
 * The links in signers' emails. Opening one only shows a button: mail scanners follow links,
 * and a GET must never confirm or withdraw anything. The token is in the path, and logs
 * record only the route pattern. Pages are never cached.
 */
export const campaignSignatureRoutes = new Hono<AppEnv>()
  // Set before the route answers, so it goes out with the answer's own headers: set after,
  // hono would have to rebuild the finished response (a whole web Response on Node).
  .use('/campaigns/signatures/*', async function noStore(c, next) {
    c.header('Cache-Control', 'no-store');
    await next();
  })
  .use('/campaigns/subscriptions/*', async function noStore(c, next) {
    c.header('Cache-Control', 'no-store');
    await next();
  })

  .get('/campaigns/signatures/:token/confirmation', async function signature_confirmation_get(c) {
    const t = c.get('t');
    const signature = await signatureForToken(c.get('db'), 'confirm', c.req.param('token'));
    const campaign = signature && (await getCampaign(c.get('db'), signature.campaignId));
    if (!campaign || !isOpenForSigning(campaign)) return linkGone(c);
    return renderPage(c, {
      title: t.campaigns.confirmTitle,
      body: (
        <SignatureLinkPage
          title={t.campaigns.confirmTitle}
          text={format(t.campaigns.confirmText, { title: campaign.title })}
          action={`/campaigns/signatures/${c.req.param('token')}/confirmation`}
          button={t.campaigns.confirmButton}
        />
      ),
    });
  })

  .post('/campaigns/signatures/:token/confirmation', async function signature_confirmation_post(c) {
    const campaignId = await confirmSignature(c.get('db'), c.req.param('token'));
    if (!campaignId) return linkGone(c);
    return c.redirect(noticeUrl(campaignNotices, `/campaigns/${campaignId}`, 'confirmed'), 303);
  })

  .get('/campaigns/signatures/:token/withdrawal', async function signature_withdrawal_get(c) {
    const t = c.get('t');
    const signature = await signatureForToken(c.get('db'), 'manage', c.req.param('token'));
    const campaign = signature && (await getCampaign(c.get('db'), signature.campaignId));
    if (!campaign) return linkGone(c);
    return renderPage(c, {
      title: t.campaigns.withdrawTitle,
      body: (
        <SignatureLinkPage
          title={t.campaigns.withdrawTitle}
          text={format(t.campaigns.withdrawText, { title: campaign.title })}
          action={`/campaigns/signatures/${c.req.param('token')}/withdrawal`}
          button={t.campaigns.withdrawButton}
          danger
        />
      ),
    });
  })

  .post('/campaigns/signatures/:token/withdrawal', async function signature_withdrawal_post(c) {
    const campaignId = await withdrawSignature(c.get('db'), c.req.param('token'));
    if (!campaignId) return linkGone(c);
    const campaign = await getCampaign(c.get('db'), campaignId);
    // A withdrawn signer of a campaign no longer public goes home, told plainly.
    if (!campaign || !isPublicCampaign(campaign)) return c.redirect('/campaigns', 303);
    return c.redirect(noticeUrl(campaignNotices, `/campaigns/${campaignId}`, 'withdrawn'), 303);
  })

  .get(
    '/campaigns/subscriptions/:token/cancellation',
    async function subscription_cancellation_get(c) {
      const t = c.get('t');
      const db = c.get('db');
      const signatureId = await readUnsubscribeToken(db, c.req.param('token'));
      const campaignId = signatureId === null ? null : await campaignOfSignature(db, signatureId);
      const campaign = campaignId && (await getCampaign(db, campaignId));
      if (!campaign) return linkGone(c);
      return renderPage(c, {
        title: t.campaigns.unsubscribeTitle,
        body: (
          <SignatureLinkPage
            title={t.campaigns.unsubscribeTitle}
            text={format(t.campaigns.unsubscribeText, { title: campaign.title })}
            action={`/campaigns/subscriptions/${c.req.param('token')}/cancellation`}
            button={t.campaigns.unsubscribeButton}
          />
        ),
      });
    },
  )

  .post(
    '/campaigns/subscriptions/:token/cancellation',
    async function subscription_cancellation_post(c) {
      const db = c.get('db');
      const signatureId = await readUnsubscribeToken(db, c.req.param('token'));
      const campaignId = signatureId === null ? null : await unsubscribeSignature(db, signatureId);
      if (!campaignId) return linkGone(c);
      return c.redirect(
        noticeUrl(campaignNotices, `/campaigns/${campaignId}`, 'unsubscribed'),
        303,
      );
    },
  );
