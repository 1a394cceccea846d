import { ErrorSummary, TextArea, TextField, type FieldErrors } from '../../components/form';
import { formatDate } from '../../components/format';
import { format } from '../../i18n';
import { CircleFrame, circlePath, type CirclePageContext } from './parts';

export interface MemberLine {
  id: string;
  displayName: string;
  role: 'member' | 'coordinator';
  offer: string;
  steppedBackUntil: Date | null;
}

/**
 * /circles/:id/members: the owner sees everyone and manages them; members see the list only if
 * the owner turned it on (otherwise the route does not offer this page).
 */
export const MembersPage = (props: {
  context: CirclePageContext;
  timeZone: string;
  members: MemberLine[];
  canManage: boolean;
}) => {
  const { t, locale, circleId } = props.context;
  const base = circlePath(circleId, 'members');
  return (
    <CircleFrame context={props.context} current="members" title={t.circles.membersTitle}>
      <p class="lead">{t.circles.membersIntro}</p>
      {props.canManage ? <p class="hint">{t.circles.coordinatorHint}</p> : null}
      {props.members.length === 0 ? (
        <p>{t.circles.membersEmpty}</p>
      ) : (
        <ul class="circle-members">
          {props.members.map((member) => (
            <li>
              <strong>{member.displayName}</strong>
              {member.role === 'coordinator' ? ` (${t.circles.coordinatorLine})` : null}
              {member.offer ? <p>{format(t.circles.offerLine, { offer: member.offer })}</p> : null}
              {member.steppedBackUntil && member.steppedBackUntil > new Date() ? (
                <p>
                  {format(t.circles.steppedBackLine, {
                    date: formatDate(member.steppedBackUntil, locale, props.timeZone),
                  })}
                </p>
              ) : null}
              {props.canManage ? (
                <div class="actions">
                  <form method="post" action={`${base}/${member.id}/coordinator`}>
                    <input
                      type="hidden"
                      name="coordinator"
                      value={member.role === 'coordinator' ? 'no' : 'yes'}
                    />
                    <button type="submit">
                      {format(
                        member.role === 'coordinator'
                          ? t.circles.unmakeCoordinator
                          : t.circles.makeCoordinator,
                        { name: member.displayName },
                      )}
                    </button>
                  </form>
                  <form method="post" action={`${base}/${member.id}/removal`}>
                    <button type="submit" class="button-danger">
                      {format(t.circles.removeMember, { name: member.displayName })}
                    </button>
                  </form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {props.canManage ? <p class="hint">{t.circles.removeHint}</p> : null}
    </CircleFrame>
  );
};

export interface MyMembershipFields {
  displayName: string;
  offer: string;
  stepBackUntil: string;
}

/** /circles/:id/me: a member's own name, offer and step back, and leaving. */
export const MyMembershipPage = (props: {
  context: CirclePageContext;
  values: MyMembershipFields;
  errors?: FieldErrors | undefined;
  limits: { displayName: number; offer: number };
}) => {
  const { t, circleId } = props.context;
  const errors = props.errors ?? {};
  const path = circlePath(circleId, 'me');
  return (
    <CircleFrame context={props.context} current="me" title={t.circles.meTitle}>
      <form method="post" action={path} novalidate>
        <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
        <TextField
          name="displayName"
          label={t.circles.displayNameLabel}
          hint={t.circles.displayNameHint}
          value={props.values.displayName}
          error={errors.displayName}
          maxLength={props.limits.displayName}
          autocomplete="off"
          required
        />
        <TextArea
          name="offer"
          label={t.circles.offerLabel}
          hint={t.circles.offerHint}
          value={props.values.offer}
          error={errors.offer}
          maxLength={props.limits.offer}
          optionalLabel={t.forms.optional}
          rows={2}
        />
        <TextField
          name="stepBackUntil"
          label={t.circles.stepBackLabel}
          hint={t.circles.stepBackHint}
          value={props.values.stepBackUntil}
          error={errors.stepBackUntil}
          maxLength={10}
        />
        <button type="submit" class="button-primary">
          {t.circles.saveMe}
        </button>
      </form>
      <section aria-labelledby="leave-heading">
        <h2 id="leave-heading">{t.circles.leaveHeading}</h2>
        <p>{t.circles.leaveHint}</p>
        <form method="post" action={`${path}/leave`}>
          <button type="submit" class="button-danger">
            {t.circles.leaveButton}
          </button>
        </form>
      </section>
    </CircleFrame>
  );
};
