import { Hono } from 'hono';
import {
  closeCampaign,
  confirmedCount,
  createCampaign,
  deliverCampaign,
  getCampaign,
  listOwnCampaigns,
  moderatorContacts,
  submitCampaign,
  updateCampaignDraft,
  updateNextSteps,
  type Campaign,
} from '../../db/campaigns/campaigns';
import { canManageCampaign } from '../../db/permissions';
import { canBeClosed, canBeDelivered, isPublicCampaign } from '../../db/campaigns/rules';
import { signaturesByCity, signaturesByDay, signaturesForExport } from '../../db/campaigns/stats';
import { signaturesCsv } from '../../web/views/campaigns/signatures-csv';
import { listCampaignUpdates, postCampaignUpdate } from '../../db/campaigns/updates';
import { allCatalogs, catalogFor } from '../catalogs';
import { readabilityMessage } from '../../web/components/readability';
import { readabilityOf } from '../http/readability';
import { loadCsv } from '../on-demand';
import {
  campaignFormValues,
  ManageCampaignPage,
  NewCampaignPage,
  OwnCampaignsPage,
  type CampaignFormValues,
} from '../../web/views/campaigns/organize';
import {
  CAMPAIGN_FIELD_LENGTHS,
  campaignValues,
  newCampaignValues,
  parseCampaign,
  parseDate,
  parseOptionalText,
  parseText,
} from './forms';
import type { AppEnv } from '../env';
import { requireAccess, type SignedInContext } from '../http/require-access';
import { renderPage } from '../http/render';
import { readForm } from '../http/validation';
import { firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { siteOrigin } from '../http/site-origin';

const notices = {
  saved: (t) => t.campaigns.saved,
  submitted: (t) => t.campaigns.submitted,
  closed: (t) => t.campaigns.closed,
  delivered: (t) => t.campaigns.delivered,
  posted: (t) => t.campaigns.updatePosted,
  'not-draft': (t) => t.campaigns.notDraft,
} satisfies Notices;

const managePath = (campaign: Pick<Campaign, 'id'>) => `/organize/campaigns/${campaign.id}`;

/** The campaign named in the path, if this organizer owns it; anyone else gets a 404, not a hint. */
const ownCampaign = async (c: SignedInContext): Promise<Campaign | null> => {
  const campaign = await getCampaign(c.get('db'), c.req.param('id') ?? '');
  return campaign && canManageCampaign(c.get('user'), campaign) ? campaign : null;
};

/** The organizer's page for one campaign, maybe with one form's errors and what was typed. */
const managePage = async (
  c: SignedInContext,
  campaign: Campaign,
  options: {
    status?: number;
    notice?: string | undefined;
    errors?: Record<string, string>;
    values?: CampaignFormValues;
    typed?: Record<string, string>;
  } = {},
) => {
  const db = c.get('db');
  const t = c.get('t');
  const [count, days, cities, updates] = await Promise.all([
    confirmedCount(db, campaign.id),
    signaturesByDay(db, campaign.id),
    signaturesByCity(db, campaign.id),
    listCampaignUpdates(db, campaign.id),
  ]);
  const values =
    campaign.status === 'draft' ? (options.values ?? campaignFormValues(campaign)) : undefined;
  const scored = await readabilityOf(values?.body ?? '', values?.language, c.get('locale'));
  const readability = scored ? readabilityMessage(scored, t) : undefined;
  return renderPage(c, {
    title: campaign.title,
    status: options.status ?? 200,
    body: (
      <ManageCampaignPage
        t={t}
        locale={c.get('locale')}
        campaign={campaign}
        isPublic={isPublicCampaign(campaign)}
        closable={canBeClosed(campaign)}
        deliverable={canBeDelivered(campaign)}
        count={count}
        days={days}
        cities={cities}
        updates={updates}
        notice={options.notice}
        errors={options.errors ?? {}}
        {...(values ? { values } : {})}
        {...(options.typed ? { typed: options.typed } : {})}
        readability={readability}
        origin={siteOrigin(c)}
        siteName={c.get('config').siteName}
        catalogs={await allCatalogs()}
      />
    ),
  });
};

const str = (value: unknown) => firstValue(value).slice(0, 10000);

export const organizeCampaignRoutes = new Hono<AppEnv>()
  .use('/organize/campaigns', requireAccess('campaigns:manage'))
  .use('/organize/campaigns/*', requireAccess('campaigns:manage'))

  .get('/organize/campaigns', async function organize_campaigns_get(c) {
    const t = c.get('t');
    return renderPage(c, {
      title: t.campaigns.organizeTitle,
      body: (
        <OwnCampaignsPage
          t={t}
          campaigns={await listOwnCampaigns(c.get('db'), c.get('user').id)}
          notice={readNotice(c, notices)}
        />
      ),
    });
  })

  .get('/organize/campaigns/new', function organize_campaigns_new_get(c) {
    const t = c.get('t');
    return renderPage(c, {
      title: t.campaigns.newTitle,
      body: (
        <NewCampaignPage
          t={t}
          locale={c.get('locale')}
          values={newCampaignValues(c.get('locale'))}
        />
      ),
    });
  })

  .post('/organize/campaigns', async function organize_campaigns_post(c) {
    const t = c.get('t');
    const form = await readForm(c.req);
    const parsed = parseCampaign(form, t);
    if (!parsed.ok)
      return renderPage(c, {
        title: t.campaigns.newTitle,
        status: 400,
        body: (
          <NewCampaignPage
            t={t}
            locale={c.get('locale')}
            values={campaignValues(form)}
            errors={parsed.errors}
          />
        ),
      });
    const id = await createCampaign(
      c.get('db'),
      c.get('user').id,
      parsed.value,
      new Date(),
      campaignValues(form).formKey || null,
    );
    return c.redirect(noticeUrl(notices, managePath({ id }), 'saved'), 303);
  })

  .get('/organize/campaigns/:id', async function organize_campaign_get(c) {
    const campaign = await ownCampaign(c);
    if (!campaign) return c.notFound();
    return managePage(c, campaign, { notice: readNotice(c, notices) });
  })

  .post('/organize/campaigns/:id', async function organize_campaign_post(c) {
    const campaign = await ownCampaign(c);
    if (!campaign) return c.notFound();
    const t = c.get('t');
    const form = await readForm(c.req);
    if (campaign.status !== 'draft')
      return managePage(c, campaign, { status: 409, notice: t.campaigns.notDraft });
    const parsed = parseCampaign(form, t);
    if (!parsed.ok)
      return managePage(c, campaign, {
        status: 400,
        errors: parsed.errors,
        values: campaignValues(form),
      });
    const saved = await updateCampaignDraft(
      c.get('db'),
      campaign.id,
      campaign.ownerId!,
      parsed.value,
    );
    return c.redirect(noticeUrl(notices, managePath(campaign), saved ? 'saved' : 'not-draft'), 303);
  })

  .post('/organize/campaigns/:id/submission', async function organize_campaign_submission_post(c) {
    const campaign = await ownCampaign(c);
    if (!campaign) return c.notFound();
    const db = c.get('db');
    const submitted = await submitCampaign(db, campaign.id, campaign.ownerId!);
    if (submitted) {
      // Moderators are told there is work, without what it is about: subjects stay neutral.
      for (const moderator of await moderatorContacts(db)) {
        const their = await catalogFor(moderator.locale);
        await c.get('mailer').send({
          to: moderator.email,
          subject: their.campaigns.mailModeratorSubject,
          text: their.campaigns.mailModeratorBody,
        });
      }
    }
    return c.redirect(
      noticeUrl(notices, managePath(campaign), submitted ? 'submitted' : 'not-draft'),
      303,
    );
  })

  .post('/organize/campaigns/:id/next-steps', async function organize_campaign_next_steps_post(c) {
    const campaign = await ownCampaign(c);
    if (!campaign) return c.notFound();
    const form = await readForm(c.req);
    const parsed = parseOptionalText(form.nextSteps, CAMPAIGN_FIELD_LENGTHS.nextSteps, c.get('t'));
    if (!parsed.ok)
      return managePage(c, campaign, {
        status: 400,
        errors: { nextSteps: parsed.errors.text! },
        typed: { nextSteps: str(form.nextSteps) },
      });
    await updateNextSteps(c.get('db'), campaign.id, campaign.ownerId!, parsed.value);
    return c.redirect(noticeUrl(notices, managePath(campaign), 'saved'), 303);
  })

  .post('/organize/campaigns/:id/updates', async function organize_campaign_updates_post(c) {
    const campaign = await ownCampaign(c);
    if (!campaign) return c.notFound();
    if (campaign.status === 'draft' || campaign.status === 'submitted') return c.notFound();
    const form = await readForm(c.req);
    const parsed = parseText(form.update, CAMPAIGN_FIELD_LENGTHS.update, c.get('t'));
    if (!parsed.ok)
      return managePage(c, campaign, {
        status: 400,
        errors: { update: parsed.errors.text! },
        typed: { update: str(form.update) },
      });
    await postCampaignUpdate(c.get('db'), campaign.id, parsed.value, siteOrigin(c));
    return c.redirect(noticeUrl(notices, managePath(campaign), 'posted'), 303);
  })

  .post('/organize/campaigns/:id/closure', async function organize_campaign_closure_post(c) {
    const campaign = await ownCampaign(c);
    if (!campaign) return c.notFound();
    const closed = await closeCampaign(c.get('db'), campaign.id, campaign.ownerId!);
    return c.redirect(
      closed ? noticeUrl(notices, managePath(campaign), 'closed') : managePath(campaign),
      303,
    );
  })

  .post('/organize/campaigns/:id/delivery', async function organize_campaign_delivery_post(c) {
    const campaign = await ownCampaign(c);
    if (!campaign) return c.notFound();
    const t = c.get('t');
    const form = await readForm(c.req);
    const note = parseText(form.deliveryNote, CAMPAIGN_FIELD_LENGTHS.note, t);
    const date = parseDate(form.deliveredOn);
    if (!note.ok || !date) {
      const errors: Record<string, string> = {};
      if (!note.ok) errors.deliveryNote = note.errors.text!;
      if (!date) errors.deliveredOn = t.campaigns.endsOnInvalid;
      return managePage(c, campaign, {
        status: 400,
        errors,
        typed: {
          deliveryNote: str(form.deliveryNote),
          deliveredOn: str(form.deliveredOn).slice(0, 20),
        },
      });
    }
    const delivered = await deliverCampaign(
      c.get('db'),
      campaign.id,
      campaign.ownerId!,
      note.value,
      date,
    );
    return c.redirect(
      delivered ? noticeUrl(notices, managePath(campaign), 'delivered') : managePath(campaign),
      303,
    );
  })

  .get(
    '/organize/campaigns/:id/signatures.csv',
    async function organize_campaign_signatures_csv_get(c) {
      const campaign = await ownCampaign(c);
      if (!campaign) return c.notFound();
      const t = c.get('t');
      const { stringify } = await loadCsv();
      const csv = signaturesCsv(stringify, t, await signaturesForExport(c.get('db'), campaign.id));
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="signatures-${campaign.id}.csv"`,
        'Cache-Control': 'no-store',
      });
    },
  );
