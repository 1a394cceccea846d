import type { CircleGaps } from '../../../db/circles/signups';
import type { NeedSummary } from '../../../db/circles/needs';
import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';
import { formatEventWhen } from '../events/format';

/** The address of a need's page. */
export const needPath = (circleId: string, needId: string): string =>
  `/circles/${circleId}/needs/${needId}`;

/** When a need is, in the circle's zone: a time on a day, or "any time from … to …". */
export const needWhen = (
  need: Pick<NeedSummary, 'startsAt' | 'endsAt' | 'anyTime'>,
  t: Catalog,
  locale: Locale,
  timeZone: string,
): string =>
  need.anyTime
    ? format(t.circleNeeds.anyTimeDuring, {
        start: formatDate(need.startsAt, locale, timeZone),
        // The window ends at midnight after its last day: that last day is what people read.
        end: formatDate(new Date(need.endsAt.getTime() - 1), locale, timeZone),
      })
    : formatEventWhen({ ...need, timeZone }, locale, t);

const NeedItem = (props: {
  t: Catalog;
  locale: Locale;
  circleId: string;
  timeZone: string;
  need: NeedSummary;
}) => {
  const { t, need } = props;
  const n = t.circleNeeds;
  return (
    <li class="need">
      <h4>
        <a href={needPath(props.circleId, need.id)}>{need.title}</a>
      </h4>
      <p>
        {t.circles.helpKinds[need.kind]} · {needWhen(need, t, props.locale, props.timeZone)}
      </p>
      <p>
        {format(n.helpersCount, { count: need.helpers, wanted: need.helpersWanted })}
        {need.mine ? ` ${n.youSignedUp}` : need.helpers >= need.helpersWanted ? ` ${n.full}` : ''}
      </p>
    </li>
  );
};

/** What the coordinator (or the owner who asked) should look at: late cancellations and open slots close to their time. */
export const CircleGapsPanel = (props: {
  t: Catalog;
  locale: Locale;
  circleId: string;
  timeZone: string;
  gaps: CircleGaps;
}) => {
  const { t, gaps } = props;
  const n = t.circleNeeds;
  if (gaps.lateCancellations.length === 0 && gaps.unfilled.length === 0) return null;
  const date = (d: Date) => formatDate(d, props.locale, props.timeZone);
  return (
    <section class="notice-box" aria-labelledby="circle-gaps">
      <h3 id="circle-gaps">{n.gapsHeading}</h3>
      <ul>
        {gaps.lateCancellations.map((gap) => (
          <li>
            <a href={needPath(props.circleId, gap.needId)}>
              {format(gap.released ? n.lateRelease : n.lateCancellation, {
                name: gap.name,
                title: gap.title,
                date: date(gap.startsAt),
              })}
            </a>
          </li>
        ))}
        {gaps.unfilled.map((gap) => (
          <li>
            <a href={needPath(props.circleId, gap.needId)}>
              {format(n.unfilled, {
                title: gap.title,
                date: date(gap.startsAt),
                count: gap.helpers,
                wanted: gap.wanted,
              })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
};

/**
 * The needs on a circle's home (its `needs` slot): what is coming up, soonest first, and the
 * past ones folded away. No place is ever in it.
 */
export const CircleNeedsList = (props: {
  t: Catalog;
  locale: Locale;
  circleId: string;
  timeZone: string;
  upcoming: NeedSummary[];
  past: NeedSummary[];
  canPost: boolean;
  gaps: CircleGaps | null;
}) => {
  const { t } = props;
  const n = t.circleNeeds;
  const item = (need: NeedSummary) => (
    <NeedItem
      t={t}
      locale={props.locale}
      circleId={props.circleId}
      timeZone={props.timeZone}
      need={need}
    />
  );
  return (
    <>
      {props.gaps ? (
        <CircleGapsPanel
          t={t}
          locale={props.locale}
          circleId={props.circleId}
          timeZone={props.timeZone}
          gaps={props.gaps}
        />
      ) : null}
      {props.canPost ? (
        <p>
          <a href={`/circles/${props.circleId}/needs/new`}>{n.postLink}</a>
        </p>
      ) : null}
      <h3>{n.upcomingHeading}</h3>
      {props.upcoming.length > 0 ? (
        <ul class="needs-list">{props.upcoming.map(item)}</ul>
      ) : (
        <p>{n.noUpcoming}</p>
      )}
      {props.past.length > 0 ? (
        <details>
          <summary>{format(n.pastHeading, { count: props.past.length })}</summary>
          <ul class="needs-list">{props.past.map(item)}</ul>
        </details>
      ) : null}
    </>
  );
};
