import type { InboxMessage } from '../../../db/circles/check-ins';
import { formatDateTime } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';
import { CircleFrame, circlePath, type CirclePageContext } from './parts';

/**
 * One check-in in the owner's inbox, with "Mark as read" while it is new. The same component
 * is the htmx reply to that button (it swaps itself), and part of the full page without it.
 */
export const InboxItem = (props: {
  t: Catalog;
  locale: Locale;
  circleId: string;
  timeZone: string;
  message: InboxMessage;
}) => {
  const { t, message } = props;
  const c = t.circleCheckIns;
  const action = `${circlePath(props.circleId, 'inbox')}/${message.id}/read`;
  return (
    <li id={`check-in-${message.id}`} class={message.readAt ? undefined : 'unread'}>
      <p>
        {message.readAt ? null : <strong>{`${c.unread}: `}</strong>}
        {format(c.inboxFrom, {
          name: message.name || c.formerMember,
          date: formatDateTime(message.createdAt, props.locale, props.timeZone),
        })}
      </p>
      {message.body.split('\n').map((line) => (
        <p>{line}</p>
      ))}
      {message.readAt ? null : (
        <form
          method="post"
          action={action}
          hx-post={action}
          hx-target={`#check-in-${message.id}`}
          hx-swap="outerHTML"
        >
          <button type="submit">{c.markRead}</button>
        </form>
      )}
    </li>
  );
};

/** /circles/:id/inbox: the owner's check-ins, newest first. Only the owner opens it. */
export const InboxPage = (props: {
  context: CirclePageContext;
  timeZone: string;
  messages: InboxMessage[];
}) => {
  const { t, locale, circleId } = props.context;
  const c = t.circleCheckIns;
  return (
    <CircleFrame context={props.context} current="inbox" title={c.inboxTitle}>
      <p class="lead">{c.inboxIntro}</p>
      {props.messages.length === 0 ? (
        <p>{c.inboxEmpty}</p>
      ) : (
        <ul class="circle-inbox">
          {props.messages.map((message) => (
            <InboxItem
              t={t}
              locale={locale}
              circleId={circleId}
              timeZone={props.timeZone}
              message={message}
            />
          ))}
        </ul>
      )}
    </CircleFrame>
  );
};
