import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';

/** Where one approval's consent lets the story be shown, read by the route (db/stories/rules.ts). */
export interface ConsentShown {
  ownPage: boolean;
  /** Titles of the campaigns still listed. */
  campaigns: string[];
  /** Campaigns consented to that are no longer listed (ended, or taken down). */
  otherCampaigns: number;
  eventQuotes: boolean;
  until: Date;
}

/** What is public now, and a newer approval waiting behind it for a moderator. */
export interface PublicNow {
  live: { number: number; consent: ConsentShown } | null;
  waiting: { number: number; approvedAt: Date; consent: ConsentShown } | null;
}

const Places = ({ t, consent }: { t: Catalog; consent: ConsentShown }) => (
  <ul>
    {consent.ownPage ? <li>{t.stories.shownOwnPage}</li> : null}
    {consent.campaigns.map((title) => (
      <li>{format(t.stories.shownCampaign, { title })}</li>
    ))}
    {consent.otherCampaigns > 0 ? (
      <li>{format(t.stories.shownOtherCampaigns, { count: consent.otherCampaigns })}</li>
    ) : null}
    {consent.eventQuotes ? <li>{t.stories.shownEventQuotes}</li> : null}
  </ul>
);

/** The live version and exactly where and until when it is shown. */
export const LiveVersion = (props: { t: Catalog; locale: Locale; live: PublicNow['live'] }) =>
  props.live ? (
    <>
      <p>
        {format(props.t.stories.publicNow, {
          number: props.live.number,
          date: formatDate(props.live.consent.until, props.locale),
        })}
      </p>
      <Places t={props.t} consent={props.live.consent} />
    </>
  ) : null;

/**
 * A newer approval waiting behind the live version: what each consent covers, and the author's
 * choice, keep the older one public until the moderator publishes (nothing to do) or take it down.
 */
export const WaitingApproval = (props: {
  t: Catalog;
  locale: Locale;
  publicNow: PublicNow;
  action: string;
}) => {
  const { t, locale } = props;
  const { live, waiting } = props.publicNow;
  if (!live || !waiting) return null;
  const numbers = { number: waiting.number, old: live.number };
  return (
    <section aria-labelledby="waiting-heading" class="panel">
      <h2 id="waiting-heading">{format(t.stories.waitingHeading, numbers)}</h2>
      <p>
        {format(t.stories.waitingText, {
          number: waiting.number,
          date: formatDate(waiting.approvedAt, locale),
          until: formatDate(waiting.consent.until, locale),
        })}
      </p>
      <Places t={t} consent={waiting.consent} />
      <p>{format(t.stories.waitingOldStays, numbers)}</p>
      <p>{format(t.stories.keepOldText, numbers)}</p>
      <form method="post" action={props.action}>
        <p>{format(t.stories.takeDownText, numbers)}</p>
        <button type="submit">{format(t.stories.takeDownButton, numbers)}</button>
      </form>
    </section>
  );
};
