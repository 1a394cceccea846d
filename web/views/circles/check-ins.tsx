import type { MyCheckIn, MyNudge } from '../../../db/circles/check-ins';
import { ErrorSummary, TextArea, type FieldErrors } from '../../components/form';
import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';
import { circlePath } from './parts';

/** The topics to avoid, as the owner wrote them: shown with every nudge and check-in form. */
const TopicsToAvoid = ({ t, topics }: { t: Catalog; topics: string }) => (
  <div class="circle-topics">
    <h3>{t.circleCheckIns.topicsToAvoid}</h3>
    {topics.trim() === '' ? (
      <p>{t.circleCheckIns.noTopics}</p>
    ) : (
      topics.split('\n').map((line) => <p>{line}</p>)
    )}
  </div>
);

/**
 * A member's check-in, on the circle's home: the gentle nudge when one came this period, the
 * topics to avoid and the form; or why it is closed ("taking some space", or the owner will
 * reach out); or when they may check in again. A plain POST form.
 */
export const MemberCheckIn = (props: {
  t: Catalog;
  locale: Locale;
  circleId: string;
  timeZone: string;
  state: MyCheckIn;
  value?: string | undefined;
  errors?: FieldErrors | undefined;
  maxLength: number;
}) => {
  const { t, state } = props;
  const c = t.circleCheckIns;
  return (
    <section aria-labelledby="check-in-heading" id="check-in">
      <h2 id="check-in-heading">{c.heading}</h2>
      {state.state === 'closed' ? (
        <p>{state.because === 'space' ? c.closedSpace : c.closedNever}</p>
      ) : state.state === 'sent' ? (
        <p>
          {format(c.alreadySent, {
            date: formatDate(state.sentAt, props.locale, props.timeZone),
            next: formatDate(state.nextStartsAt, props.locale, props.timeZone),
          })}
        </p>
      ) : (
        <>
          {state.nudged ? <p class="notice-box">{c.nudge}</p> : null}
          <p>{c.intro}</p>
          <TopicsToAvoid t={t} topics={state.topicsToAvoid} />
          <form method="post" action={`${circlePath(props.circleId)}/check-ins`} novalidate>
            <ErrorSummary errors={props.errors ?? {}} title={t.forms.errorSummaryTitle} />
            <TextArea
              name="body"
              label={c.messageLabel}
              hint={format(c.messageHint, { max: props.maxLength })}
              value={props.value}
              error={props.errors?.body}
              maxLength={props.maxLength}
              rows={3}
              required
            />
            <button type="submit" class="button-primary">
              {c.sendButton}
            </button>
          </form>
        </>
      )}
    </section>
  );
};

/** The owner's side of check-ins on the circle's home: how many are unread, and the inbox link. */
export const OwnerCheckIns = (props: {
  t: Catalog;
  circleId: string;
  unread: number;
  closed: 'space' | 'never' | null;
}) => {
  const c = props.t.circleCheckIns;
  return (
    <section aria-labelledby="check-ins-heading" id="check-in">
      <h2 id="check-ins-heading">{c.ownerHeading}</h2>
      {props.closed === 'space' ? <p>{c.ownerSpace}</p> : null}
      {props.closed === 'never' ? <p>{c.ownerNever}</p> : null}
      <p>
        {props.unread === 0
          ? c.ownerNoUnread
          : props.unread === 1
            ? c.ownerUnreadOne
            : format(c.ownerUnread, { count: props.unread })}
      </p>
      <p>
        <a href={circlePath(props.circleId, 'inbox')}>{c.ownerOpenInbox}</a>
      </p>
    </section>
  );
};

/** On /circles: the circles where a nudge came this period, each with its topics to avoid. */
export const CheckInNudges = (props: { t: Catalog; nudges: MyNudge[] }) => {
  const c = props.t.circleCheckIns;
  if (props.nudges.length === 0) return null;
  return (
    <section class="notice-box" aria-labelledby="nudges-heading">
      <h2 id="nudges-heading">{c.listNoticeHeading}</h2>
      <ul>
        {props.nudges.map((nudge) => (
          <li>
            <p>{format(c.listNoticeLine, { name: nudge.displayName })}</p>
            {nudge.topicsToAvoid.trim() ? (
              <p>{format(c.listNoticeTopics, { topics: nudge.topicsToAvoid })}</p>
            ) : null}
            <p>
              <a href={`${circlePath(nudge.circleId)}#check-in`}>{c.openCircle}</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
};
