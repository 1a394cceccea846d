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
import { latestPublicSigners, mailboxKey, signCampaign } from '../../db/campaigns/signatures';
import { listCampaignUpdates } from '../../db/campaigns/updates';
import {
  hitAddressLimits,
  hitRateLimit,
  type AddressLimits,
  type RateLimit,
} from '../../db/core/rate-limit';
import { catalogFor, format } from '../../web/i18n';
import { CallPanel } from '../../web/views/campaigns/call-panel';
import {
  SignaturePanel,
  type SignaturePanelState,
} from '../../web/views/campaigns/signature-panel';
import { CampaignListPage, CampaignPage } from '../../web/views/campaigns/pages';
import { parseSignature, signatureValues } from './forms';
import type { AppEnv } from '../env';
import { renderPage } from '../http/render';
import { readPageAsk } from '../http/page-ask';
import { listPublicCampaignsPage } from '../../db/campaigns/list-page';
import { readForm } from '../http/validation';
import { allValues } from '../http/fields';
import { isHtmx } from '../http/htmx';
import { doneKey, noticeUrl, readNotice, type Notices } from '../http/notices';
import { siteOrigin } from '../http/site-origin';

/**
 * Limits on signing and calling, per hour. Over them: a plain message, nothing written, no email.
 * Anyone can type anyone's address: what one client does with it never stops its owner signing
 * from their own client; only many clients together (50 emails an hour to one mailbox) do.
 */
export const SIGNING_RATE_LIMITS = {
  sign: {
    perClient: { name: 'campaign-sign:client', max: 30, windowSeconds: 3600 },
    perAddressAndClient: { name: 'campaign-sign:email-client', max: 5, windowSeconds: 3600 },
    perAddress: { name: 'campaign-sign:email', max: 50, windowSeconds: 3600 },
  },
  callsPerClient: { name: 'campaign-call:client', max: 5, windowSeconds: 3600 },
} satisfies { sign: AddressLimits; callsPerClient: RateLimit };

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

const minutes = (seconds: number) => String(Math.max(1, Math.ceil(seconds / 60)));

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
    body: (
      <CampaignPage
        t={t}
        locale={c.get('locale')}
        campaign={campaign}
        count={count}
        goal={currentGoal(campaign.goal, count)}
        signers={signers}
        updates={updates}
        shareUrl={siteOrigin(c) + path}
        open={isOpenForSigning(campaign)}
        shownStatus={shownStatus(campaign)}
        panel={options.panel ?? { kind: 'form' }}
        notice={options.notice}
        callMessage={options.callMessage}
        related={<>{related}</>}
      />
    ),
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
      <SignaturePanel
        t={c.get('t')}
        campaignId={campaign.id}
        isLetter={campaign.kind === 'letter'}
        suggestedLetter={campaign.letterText}
        state={panel}
      />,
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
        />
      ),
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
    if (campaign.kind === 'call' || !isOpenForSigning(campaign))
      return signAnswer(c, campaign, { kind: 'closed' }, 409);
    const t = c.get('t');
    const db = c.get('db');
    const form = await readForm(c.req);
    const sent = () =>
      isHtmx(c)
        ? signAnswer(c, campaign, { kind: 'sent' }, 200)
        : c.redirect(
            noticeUrl(panelAnswers, `/campaigns/${campaign.id}`, 'sent', { hash: 'sign' }),
            303,
          );

    // A bot filled the hidden field: answer as if all went well, and keep nothing.
    if (allValues(form.website).length > 0) return sent();

    const parsed = parseSignature(form, t, campaign.kind === 'letter', c.get('locale'));
    if (!parsed.ok)
      return signAnswer(
        c,
        campaign,
        { kind: 'form', values: signatureValues(form), errors: parsed.errors },
        400,
      );
    const input = parsed.value;

    // The limits are counted before anything is written. Keyed on the mailbox, so +tag variants
    // cannot flood one person's inbox.
    const limit = await hitAddressLimits(db, SIGNING_RATE_LIMITS.sign, {
      address: await c.get('keyedHash')(`email:${mailboxKey(input.email)}`),
      client: await c.get('clientKey')(),
    });
    if (!limit.allowed) {
      const wait = limit.retryAfterSeconds;
      c.header('Retry-After', String(wait));
      return signAnswer(
        c,
        campaign,
        {
          kind: 'form',
          values: signatureValues(form),
          errors: { email: format(t.campaigns.tooMany, { minutes: minutes(wait) }) },
        },
        429,
      );
    }

    const outcome = await signCampaign(db, campaign.id, input);
    const origin = siteOrigin(c);
    const links = (confirmToken: string | null, manageToken: string) => ({
      confirmUrl: confirmToken ? `${origin}/campaigns/signatures/${confirmToken}/confirmation` : '',
      withdrawUrl: `${origin}/campaigns/signatures/${manageToken}/withdrawal`,
      title: campaign.title,
    });
    if (outcome.kind === 'new') {
      await c.get('mailer').send({
        to: input.email,
        subject: t.campaigns.mailConfirmSubject,
        text: format(t.campaigns.mailConfirmBody, {
          ...links(outcome.confirmToken, outcome.manageToken),
          name: input.firstName,
        }),
      });
    } else {
      // The person at the form learns nothing; the owner of the address is told, in their language.
      const their = catalogFor(outcome.ownerLocale);
      await c.get('mailer').send({
        to: outcome.ownerEmail,
        subject: their.campaigns.mailDuplicateSubject,
        text: format(
          outcome.confirmed
            ? their.campaigns.mailDuplicateConfirmed
            : their.campaigns.mailDuplicatePending,
          links(outcome.confirmToken, outcome.manageToken),
        ),
      });
    }
    return sent();
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
