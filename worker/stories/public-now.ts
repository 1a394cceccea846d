import type { CampaignOption } from '../../db/stories/campaigns';
import {
  approvalWaitingBehindLive,
  consentCampaignIdsOf,
  isStoryLive,
} from '../../db/stories/rules';
import { publishedApproval, type StoryApproval, type StoryRecord } from '../../db/stories/stories';
import type { ConsentShown, PublicNow } from '../../web/views/stories/public-now';

const consentShown = (approval: StoryApproval, campaigns: CampaignOption[]): ConsentShown => {
  const titles = new Map(campaigns.map((campaign) => [campaign.id, campaign.title]));
  const ids = consentCampaignIdsOf(approval);
  const listed = ids.filter((id) => titles.has(id));
  return {
    ownPage: approval.consentOwnPage,
    campaigns: listed.map((id) => titles.get(id)!),
    otherCampaigns: ids.length - listed.length,
    eventQuotes: approval.consentEventQuotes,
    until: approval.expiresAt,
  };
};

const numberOf = (record: StoryRecord, approval: StoryApproval) =>
  record.versions.find((version) => version.id === approval.versionId)?.number ?? 0;

/**
 * What the author's page says is public now, by the same rules the public pages follow
 * (db/stories/rules.ts): the live version with its consent, and a newer approval waiting
 * behind it for a moderator.
 */
export const publicNowOf = (
  record: StoryRecord,
  campaigns: CampaignOption[],
  now = new Date(),
): PublicNow => {
  const published = publishedApproval(record) ?? null;
  const live =
    published && isStoryLive(record.story, published, now)
      ? { number: numberOf(record, published), consent: consentShown(published, campaigns) }
      : null;
  const pair = approvalWaitingBehindLive(record, now);
  return {
    live,
    waiting: pair
      ? {
          number: numberOf(record, pair.waiting),
          approvedAt: pair.waiting.approvedAt,
          consent: consentShown(pair.waiting, campaigns),
        }
      : null,
  };
};
