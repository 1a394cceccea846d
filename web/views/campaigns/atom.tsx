import type { Campaign, CampaignSummary } from '../../../db/campaigns/campaigns';
import type { CampaignUpdate } from '../../../db/campaigns/updates';
import { atomFeed, type FeedLibrary } from '../../components/atom';
import { textIn } from '../../components/content-language';
import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';

interface FeedPlace {
  t: Catalog;
  locale: Locale;
  origin: string;
  selfUrl: string;
  pageUrl: string;
  title: string;
}

/** Summaries stay short: the entry's link leads to the whole text. */
const SUMMARY = 280;
const short = (text: string) => (text.length > SUMMARY ? `${text.slice(0, SUMMARY)}…` : text);

/** Text with its line breaks kept, as the page's `pre-line` shows it. */
const Lines = ({ text, language }: { text: string; language: string }) => (
  <p {...textIn(language)}>
    {text.split('\n').map((line, i) => (
      <>
        {i > 0 ? <br /> : null}
        {line}
      </>
    ))}
  </p>
);

/**
 * Public campaigns as Atom, newest first: the campaign's own public words (title, ask, whom it
 * asks) and its state. Nothing of any signer: not a name, a city, a message or a count.
 */
export const campaignsAtom = (
  props: FeedPlace & { library: FeedLibrary; campaigns: readonly CampaignSummary[] },
): string => {
  const { t } = props;
  return atomFeed({
    library: props.library,
    selfUrl: props.selfUrl,
    pageUrl: props.pageUrl,
    title: props.title,
    language: props.locale,
    entries: props.campaigns.map((campaign) => {
      const url = `${props.origin}/campaigns/${campaign.id}`;
      const published = campaign.publishedAt ?? campaign.createdAt;
      const state = `${t.campaigns.kindNames[campaign.kind]} · ${t.campaigns.statusNames[campaign.shownStatus]}`;
      return {
        id: url,
        url,
        title: campaign.title,
        published,
        // Closing and delivery are news to a follower: the entry changes when they happen.
        updated: campaign.endedAt && campaign.endedAt > published ? campaign.endedAt : published,
        summary: format(t.feeds.campaignSummary, { state, ask: short(campaign.ask) }),
        content: (
          <>
            <p>{state}</p>
            <Lines text={campaign.ask} language={campaign.contentLanguage} />
            <p>
              {format(t.campaigns.target, {
                name: campaign.targetName,
                role: campaign.targetRole,
              })}
            </p>
          </>
        ),
      };
    }),
  });
};

/** A public campaign's updates as Atom, newest first: the organizer's news, as on its page. */
export const campaignUpdatesAtom = (
  props: FeedPlace & {
    library: FeedLibrary;
    campaign: Campaign;
    updates: readonly CampaignUpdate[];
  },
): string =>
  atomFeed({
    library: props.library,
    selfUrl: props.selfUrl,
    pageUrl: props.pageUrl,
    title: props.title,
    language: props.locale,
    entries: props.updates.map((update) => {
      const url = `${props.origin}/campaigns/${props.campaign.id}#update-${update.id}`;
      return {
        id: url,
        url,
        title: format(props.t.feeds.updateEntryTitle, {
          title: props.campaign.title,
          date: formatDate(update.createdAt, props.locale),
        }),
        updated: update.createdAt,
        published: update.createdAt,
        summary: short(update.body),
        content: <Lines text={update.body} language={props.campaign.contentLanguage} />,
      };
    }),
  });
