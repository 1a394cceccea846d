import { Hono } from 'hono';
import {
  closeCampaign,
  confirmedCount,
  deliverCampaign,
  getCampaign,
  type Campaign,
} from '../../db/campaigns/campaigns';
import { canBeClosed, canBeDelivered } from '../../db/campaigns/rules';
import { canEndCampaign, canManageCampaign } from '../../db/permissions';
import { OwnerlessCampaignPage } from '../../web/views/campaigns/review';
import type { AppEnv } from '../env';
import { firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import { requireAccess, type SignedInContext } from '../http/require-access';
import { readForm } from '../http/validation';
import { moderationNotices } from '../accounts/moderation';
import { CAMPAIGN_FIELD_LENGTHS, parseDate, parseText } from './forms';

const notices = {
  closed: (t) => t.campaigns.closed,
} satisfies Notices;

const moderationPath = (campaign: Pick<Campaign, 'id'>) => `/moderation/campaigns/${campaign.id}`;

/**
 * The campaign named in the path, if a moderator may end it: only one whose organizer deleted
 * their account (canEndCampaign). An organizer's own campaign is theirs to end, here a 404.
 */
const ownerlessCampaign = async (c: SignedInContext): Promise<Campaign | null> => {
  const campaign = await getCampaign(c.get('db'), c.req.param('id') ?? '');
  return campaign &&
    !canManageCampaign(c.get('user'), campaign) &&
    canEndCampaign(c.get('user'), campaign)
    ? campaign
    : null;
};

const ownerlessPage = async (
  c: SignedInContext,
  campaign: Campaign,
  options: {
    status?: number;
    errors?: Record<string, string>;
    typed?: Record<string, string>;
  } = {},
) =>
  renderPage(c, {
    title: campaign.title,
    status: options.status ?? 200,
    body: (
      <OwnerlessCampaignPage
        t={c.get('t')}
        campaign={campaign}
        count={await confirmedCount(c.get('db'), campaign.id)}
        closable={canBeClosed(campaign)}
        deliverable={canBeDelivered(campaign)}
        notice={readNotice(c, notices)}
        {...(options.errors ? { errors: options.errors } : {})}
        {...(options.typed ? { typed: options.typed } : {})}
      />
    ),
  });

/**
 * /moderation/campaigns/:id: a moderator closes and delivers a campaign whose organizer deleted
 * their account. Only those two: the signers' list, news to signers and the text stay the
 * organizer's (db/permissions.ts, canEndCampaign).
 */
export const campaignModerationRoutes = new Hono<AppEnv>()
  .get(
    '/moderation/campaigns/:id',
    requireAccess('campaigns:review'),
    async function moderation_campaign_get(c) {
      const campaign = await ownerlessCampaign(c);
      return campaign ? ownerlessPage(c, campaign) : c.notFound();
    },
  )

  .post(
    '/moderation/campaigns/:id/closure',
    requireAccess('campaigns:review'),
    async function moderation_campaign_closure_post(c) {
      const campaign = await ownerlessCampaign(c);
      if (!campaign) return c.notFound();
      // Only while it still has no owner: the statement checks it again.
      const closed = await closeCampaign(c.get('db'), campaign.id, null);
      return c.redirect(
        closed ? noticeUrl(notices, moderationPath(campaign), 'closed') : moderationPath(campaign),
        303,
      );
    },
  )

  .post(
    '/moderation/campaigns/:id/delivery',
    requireAccess('campaigns:review'),
    async function moderation_campaign_delivery_post(c) {
      const campaign = await ownerlessCampaign(c);
      if (!campaign) return c.notFound();
      const t = c.get('t');
      const form = await readForm(c.req);
      const note = parseText(form.deliveryNote, CAMPAIGN_FIELD_LENGTHS.note, t);
      const date = parseDate(form.deliveredOn);
      if (!note.ok || !date) {
        const errors: Record<string, string> = {};
        if (!note.ok) errors.deliveryNote = note.errors.text!;
        if (!date) errors.deliveredOn = t.campaigns.endsOnInvalid;
        const typed = {
          deliveryNote: firstValue(form.deliveryNote).slice(0, 10000),
          deliveredOn: firstValue(form.deliveredOn).slice(0, 20),
        };
        return ownerlessPage(c, campaign, { status: 400, errors, typed });
      }
      const delivered = await deliverCampaign(c.get('db'), campaign.id, null, note.value, date);
      return c.redirect(
        delivered
          ? noticeUrl(moderationNotices, '/moderation', 'campaign-delivered')
          : moderationPath(campaign),
        303,
      );
    },
  );
