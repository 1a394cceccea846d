import type { Child } from 'hono/jsx';
import { format } from '../../i18n';
import {
  CircleFrame,
  circlePath,
  SpaceNotice,
  type CirclePageContext,
  type SpaceState,
} from './parts';

/**
 * /circles/:id, the circle's home. Its slots are filled by other parts of the circles area:
 * `needs` (the needs list and sign-ups) and `checkIn` (the check-in form or the owner's inbox).
 * The page only places them; each slot draws itself, or is left out.
 */
export const CircleHomePage = (props: {
  context: CirclePageContext;
  role: 'owner' | 'coordinator' | 'member';
  timeZone: string;
  /** The owner's private label: given only to the owner. */
  label?: string;
  /** The reader's own name in this circle (members only). */
  myName?: string;
  /** Set while the owner takes space. */
  space: SpaceState | null;
  /** Whether the reader has a new charter version to read before signing up. */
  charterToRead: boolean;
  hasCharter: boolean;
  needs?: Child;
  checkIn?: Child;
}) => {
  const { t, locale, circleId } = props.context;
  const isOwner = props.role === 'owner';
  return (
    <CircleFrame
      context={props.context}
      current="home"
      title={isOwner && props.label ? props.label : t.circles.homeTitle}
    >
      <p class="lead">
        {isOwner
          ? t.circles.ownerHomeIntro
          : format(t.circles.memberHomeIntro, { name: props.myName ?? '' })}
      </p>
      {props.space ? (
        <SpaceNotice
          t={t}
          locale={locale}
          timeZone={props.timeZone}
          space={props.space}
          isOwner={isOwner}
        />
      ) : null}
      {props.charterToRead ? (
        <p class="notice-box">
          <a href={circlePath(circleId, 'charter')}>{t.circles.charterToRead}</a>
        </p>
      ) : null}
      {!props.hasCharter && !isOwner ? <p>{t.circles.charterNone}</p> : null}
      <section aria-labelledby="circle-needs" id="needs">
        <h2 id="circle-needs">{t.circles.needsHeading}</h2>
        {props.needs ?? <p>{t.circles.needsEmpty}</p>}
      </section>
      {props.checkIn ?? null}
    </CircleFrame>
  );
};
