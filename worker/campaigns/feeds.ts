import { Hono, type Context } from 'hono';
import { getCampaign, listPublicCampaigns, type Campaign } from '../../db/campaigns/campaigns';
import { isPublicCampaign } from '../../db/campaigns/rules';
import { listCampaignUpdates } from '../../db/campaigns/updates';
import { format, type Locale } from '../../web/i18n';
import { campaignsAtom, campaignUpdatesAtom } from '../../web/views/campaigns/atom';
import type { FeedLink } from '../../web/shell';
import type { AppEnv } from '../env';
import { ATOM_TYPE, feedResponse } from '../http/feed-response';
import { siteOrigin } from '../http/site-origin';
import { queryLanguage } from '../middleware/locale';
import { loadFeed } from '../on-demand';

/** Entries in the campaigns feed: the newest ones. */
const FEED_LIMIT = 50;

/** The feeds of the campaigns area, for a page's `<link rel="alternate">` and its visible links. */
export const campaignFeeds = {
  all: (c: Context<AppEnv>): FeedLink => ({
    href: `/campaigns.atom?lang=${c.get('locale')}`,
    title: format(c.get('t').feeds.campaignsTitle, { site: c.get('config').siteName }),
  }),
  updates: (c: Context<AppEnv>, campaign: Pick<Campaign, 'id' | 'title'>): FeedLink => ({
    href: `/campaigns/${campaign.id}/updates.atom?lang=${c.get('locale')}`,
    title: format(c.get('t').feeds.updatesTitle, {
      site: c.get('config').siteName,
      title: campaign.title,
    }),
  }),
};

const absolute = (c: Context<AppEnv>, link: FeedLink) => `${siteOrigin(c)}${link.href}`;
const place = (c: Context<AppEnv>, link: FeedLink, page: string) => ({
  t: c.get('t'),
  locale: c.get('locale') as Locale,
  origin: siteOrigin(c),
  selfUrl: absolute(c, link),
  pageUrl: `${siteOrigin(c)}${page}`,
  title: link.title,
});

/**
 * `/campaigns.atom` (new campaigns) and `/campaigns/:id/updates.atom` (one campaign's news):
 * only what the public pages show (`isPublicCampaign`); a draft's feed is the 404 of an
 * unknown id. Language by `?lang=`, else the visitor's.
 */
export const campaignFeedRoutes = new Hono<AppEnv>()
  .use('/campaigns.atom', queryLanguage())
  .use('/campaigns/:id/updates.atom', queryLanguage())

  .get('/campaigns.atom', async function campaigns_atom_get(c) {
    const list = (await listPublicCampaigns(c.get('db')))
      .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
      .slice(0, FEED_LIMIT);
    return feedResponse(c, {
      version: list.map((x) => `${x.id}:${x.shownStatus}:${x.endedAt?.getTime() ?? ''}`).join(','),
      contentType: ATOM_TYPE,
      build: async () =>
        campaignsAtom({
          ...place(c, campaignFeeds.all(c), '/campaigns'),
          library: await loadFeed(),
          campaigns: list,
        }),
    });
  })

  .get('/campaigns/:id/updates.atom', async function campaign_updates_atom_get(c) {
    const campaign = await getCampaign(c.get('db'), c.req.param('id'));
    if (!campaign || !isPublicCampaign(campaign)) return c.notFound();
    const updates = await listCampaignUpdates(c.get('db'), campaign.id);
    return feedResponse(c, {
      version: `${campaign.title}|${updates.map((u) => u.id).join(',')}`,
      contentType: ATOM_TYPE,
      build: async () =>
        campaignUpdatesAtom({
          ...place(c, campaignFeeds.updates(c, campaign), `/campaigns/${campaign.id}`),
          library: await loadFeed(),
          campaign,
          updates,
        }),
    });
  });
