import type { HelpKind } from '../../../db/circles/charter';
import { Notice } from '../../components/form';
import { format, type Catalog, type Locale } from '../../i18n';
import { needPath, needWhen } from './needs';
import { CircleFrame, type CirclePageContext } from './parts';

/** What a need's page says of it (never its place: that comes apart, when it may be shown). */
export interface NeedShown {
  id: string;
  kind: HelpKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  anyTime: boolean;
  helpersWanted: number;
  helpers: number;
  note: string;
}

/** A directory resource linked to a need; a confidential place comes without its address. */
export interface LinkedResource {
  slug: string;
  name: string;
  places: { address: string | null; city: string | null; confidential: boolean }[];
}

/** The place, for those who may see it now; otherwise only when it would be shown. */
export type PlaceShown =
  | { shown: true; text: string; resource: LinkedResource | null }
  | { shown: false; revealHours: number };

/** Where a member stands with a need. */
export type SignUpState = 'open' | 'mine' | 'full' | 'closed' | 'paused';

export interface SignUpPanelProps {
  t: Catalog;
  circleId: string;
  needId: string;
  state: SignUpState;
  /** The member's own live sign-up (for the .ics link). */
  signUpId?: string | undefined;
  /** What just happened, after a sign-up or a cancellation. */
  message?: string | undefined;
}

/**
 * A member's sign-up for a need: the button to sign up or cancel, and the member's own
 * calendar file. One fragment: the need page includes it and an htmx submission gets it back
 * alone. The forms work without JavaScript.
 */
export const SignUpPanel = (props: SignUpPanelProps) => {
  const n = props.t.circleNeeds;
  const path = needPath(props.circleId, props.needId);
  const action = props.state === 'mine' ? `${path}/sign-up/cancellation` : `${path}/sign-up`;
  const say: Partial<Record<SignUpState, string>> = {
    full: n.signUpFull,
    closed: n.signUpClosed,
    paused: n.signUpPaused,
  };
  return (
    <section id="sign-up-panel" aria-labelledby="sign-up-heading">
      <h2 id="sign-up-heading" tabindex={-1}>
        {n.signUpHeading}
      </h2>
      <Notice text={props.message} />
      {props.state === 'mine' ? (
        <>
          <p>{n.youHelp}</p>
          {props.signUpId ? (
            <p>
              <a href={`${path}/sign-ups/${props.signUpId}.ics`} download>
                {n.calendarLink}
              </a>
              <br />
              <span class="hint">{n.calendarHint}</span>
            </p>
          ) : null}
        </>
      ) : null}
      {props.state === 'open' || props.state === 'mine' ? (
        <form
          method="post"
          action={action}
          hx-post={action}
          hx-target="#sign-up-panel"
          hx-swap="outerHTML"
        >
          <button type="submit" class={props.state === 'mine' ? undefined : 'button-primary'}>
            {props.state === 'mine' ? n.cancelSignUpButton : n.signUpButton}
          </button>
        </form>
      ) : say[props.state] && say[props.state] !== props.message ? (
        <p>{say[props.state]}</p>
      ) : null}
    </section>
  );
};

/** /circles/:id/needs/:needId: one need, its place when it may be shown, and signing up. */
export const NeedPage = (props: {
  context: CirclePageContext;
  timeZone: string;
  need: NeedShown;
  place: PlaceShown;
  /** Who signed up, for the owner and a coordinator; null for members. */
  helpers: { name: string }[] | null;
  canManage: boolean;
  /** The member's sign-up panel; null for the owner. */
  panel: SignUpPanelProps | null;
}) => {
  const { t, locale } = props.context;
  const n = t.circleNeeds;
  const { need, place } = props;
  const path = needPath(props.context.circleId, need.id);
  return (
    <CircleFrame context={props.context} current="home" title={need.title}>
      <p>
        <a href={`/circles/${props.context.circleId}#needs`}>{n.backToCircle}</a>
      </p>
      <dl class="need-facts">
        <dt>{n.kindLabel}</dt>
        <dd>{t.circles.helpKinds[need.kind]}</dd>
        <dt>{n.whenLabel}</dt>
        <dd>{needWhen(need, t, locale as Locale, props.timeZone)}</dd>
        <dt>{n.helpersLabel}</dt>
        <dd>{format(n.helpersCount, { count: need.helpers, wanted: need.helpersWanted })}</dd>
        <dt>{n.placeLabel}</dt>
        <dd>
          {place.shown ? (
            <PlaceDetails t={t} place={place} />
          ) : (
            format(n.placeHidden, { hours: place.revealHours })
          )}
        </dd>
        {need.note ? (
          <>
            <dt>{n.noteLabel}</dt>
            <dd class="pre-line">{need.note}</dd>
          </>
        ) : null}
      </dl>
      {props.panel ? <SignUpPanel {...props.panel} /> : null}
      {props.helpers ? (
        <section aria-labelledby="need-helpers">
          <h2 id="need-helpers">{n.whoHeading}</h2>
          {props.helpers.length > 0 ? (
            <ul>
              {props.helpers.map((helper) => (
                <li>{helper.name}</li>
              ))}
            </ul>
          ) : (
            <p>{n.nobodyYet}</p>
          )}
        </section>
      ) : null}
      {props.canManage ? (
        <section aria-labelledby="need-manage">
          <h2 id="need-manage">{n.cancelNeedHeading}</h2>
          <p>
            <a href={`${path}/edit`}>{n.editLink}</a>
          </p>
          <p class="hint">{n.cancelNeedHint}</p>
          <form method="post" action={`${path}/cancellation`}>
            <button type="submit" class="button-danger">
              {n.cancelNeedButton}
            </button>
          </form>
        </section>
      ) : null}
    </CircleFrame>
  );
};

const PlaceDetails = (props: { t: Catalog; place: Extract<PlaceShown, { shown: true }> }) => {
  const n = props.t.circleNeeds;
  const { text, resource } = props.place;
  return (
    <>
      <p class="pre-line">{text || n.placeNone}</p>
      {resource ? (
        <p>
          {n.resourceLabel}: <a href={`/resources/${resource.slug}`}>{resource.name}</a>
          {resource.places.map((spot) => (
            <>
              <br />
              {spot.confidential
                ? [spot.city, n.resourceConfidential].filter(Boolean).join(' · ')
                : (spot.address ?? spot.city ?? '')}
            </>
          ))}
        </p>
      ) : null}
    </>
  );
};
