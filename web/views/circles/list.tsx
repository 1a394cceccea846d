import type { Child } from 'hono/jsx';
import { Notice } from '../../components/form';
import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';

export interface MyCircles {
  owned: { id: string; label: string; createdAt: Date }[];
  memberOf: { id: string; displayName: string; role: 'member' | 'coordinator'; joinedAt: Date }[];
}

/**
 * /circles: the circles I started (by the label only I see) and those I was invited to. A
 * circle I joined is shown by when I joined and my name there: never its owner's label.
 */
export const MyCirclesPage = (props: {
  t: Catalog;
  locale: Locale;
  circles: MyCircles;
  notice?: string | undefined;
  /** Notices other parts of the circles area put above the list (check-in nudges). */
  notices?: Child;
}) => {
  const { t, circles } = props;
  return (
    <>
      <h1>{t.circles.listTitle}</h1>
      <Notice text={props.notice} />
      <p class="lead">{t.circles.listIntro}</p>
      {props.notices ?? null}
      <h2>{t.circles.ownedHeading}</h2>
      {circles.owned.length === 0 ? (
        <p>{t.circles.noneOwned}</p>
      ) : (
        <ul>
          {circles.owned.map((circle) => (
            <li>
              <a href={`/circles/${circle.id}`}>{circle.label}</a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button" href="/circles/new">
          {t.circles.startLink}
        </a>
      </p>
      <h2>{t.circles.memberOfHeading}</h2>
      {circles.memberOf.length === 0 ? (
        <p>{t.circles.noneMemberOf}</p>
      ) : (
        <ul>
          {circles.memberOf.map((circle) => (
            <li>
              <a href={`/circles/${circle.id}`}>
                {format(t.circles.joinedOn, {
                  date: formatDate(circle.joinedAt, props.locale),
                  name: circle.displayName,
                })}
              </a>
              {circle.role === 'coordinator' ? ` ${t.circles.coordinatorBadge}` : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
