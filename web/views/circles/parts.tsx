import type { Child } from 'hono/jsx';
import { Notice } from '../../components/form';
import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';

/** The parts of a circle a person may open, in the order the circle's menu shows them. */
export type CircleSection =
  | 'home'
  | 'inbox'
  | 'charter'
  | 'members'
  | 'invitations'
  | 'me'
  | 'notes'
  | 'history'
  | 'settings';

const paths: Record<CircleSection, string> = {
  home: '',
  inbox: '/inbox',
  charter: '/charter',
  members: '/members',
  invitations: '/invitations',
  me: '/me',
  notes: '/notes',
  history: '/history',
  settings: '/settings',
};

/** The address of one part of a circle. */
export const circlePath = (circleId: string, section: CircleSection = 'home'): string =>
  `/circles/${circleId}${paths[section]}`;

/** What every circle page knows: who is reading, in which circle, and which parts they may open. */
export interface CirclePageContext {
  t: Catalog;
  locale: Locale;
  circleId: string;
  /** The parts this person may open (decided by db/permissions.ts in the route). */
  sections: CircleSection[];
  notice?: string | undefined;
}

/** The frame of every circle page: its heading, the circle's menu, a notice after an action. */
export const CircleFrame = (props: {
  context: CirclePageContext;
  current: CircleSection;
  title: string;
  children: Child;
}) => {
  const { t, sections, circleId } = props.context;
  const labels = { ...t.circles.sections, inbox: t.circleCheckIns.sectionLabel };
  return (
    <>
      <p>
        <a href="/circles">{t.circles.backToCircles}</a>
      </p>
      <h1>{props.title}</h1>
      <Notice text={props.context.notice} />
      <nav aria-label={t.circles.circleNav} class="circle-nav">
        <ul>
          {sections.map((section) => (
            <li>
              <a
                href={circlePath(circleId, section)}
                aria-current={section === props.current ? 'page' : undefined}
              >
                {labels[section]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </>
  );
};

/** What the owner's space looks like to the circle: only that it is taken, and whether help goes on. */
export interface SpaceState {
  until: Date | null;
  practicalHelpGoesOn: boolean;
}

/**
 * "Taking some space", as members see it (that, and whether practical help goes on: nothing
 * more, not even the end date), or as the owner sees their own space.
 */
export const SpaceNotice = (props: {
  t: Catalog;
  locale: Locale;
  timeZone: string;
  space: SpaceState;
  isOwner: boolean;
}) => {
  const { t, space } = props;
  return (
    <section class="notice-box" aria-labelledby="circle-space">
      <h2 id="circle-space">{t.circles.takingSpace}</h2>
      <p>{props.isOwner ? t.circles.youAreTakingSpace : t.circles.takingSpaceText}</p>
      <p>
        {space.practicalHelpGoesOn
          ? t.circles.takingSpaceHelpGoesOn
          : t.circles.takingSpaceHelpPaused}
        {space.until && props.isOwner
          ? ` ${format(t.circles.takingSpaceUntil, { date: formatDate(space.until, props.locale, props.timeZone) })}`
          : null}
      </p>
    </section>
  );
};
