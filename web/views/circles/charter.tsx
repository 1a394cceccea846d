import type { CharterDraft, CharterPart, HelpKind } from '../../../db/circles/charter';
import type { CheckInPace } from '../../../db/circles/circles';
import {
  Checkboxes,
  ErrorSummary,
  SelectField,
  TextArea,
  type FieldErrors,
} from '../../components/form';
import { formatDate } from '../../components/format';
import { readabilityMessage, type Readability } from '../../components/readability';
import { format, labelledValues, type Catalog } from '../../i18n';
import { CircleFrame, circlePath, type CirclePageContext } from './parts';

/** The free-text parts, each with its label and hint, in the order the charter shows them. */
const textParts = (t: Catalog) =>
  [
    ['helpText', t.circles.helpTextLabel, t.circles.helpTextHint],
    ['topicsToAvoid', t.circles.topicsToAvoidLabel, t.circles.topicsToAvoidHint],
    ['spaceMeaning', t.circles.spaceMeaningLabel, t.circles.spaceMeaningHint],
    ['accompaniment', t.circles.accompanimentLabel, t.circles.accompanimentHint],
    ['anythingElse', t.circles.anythingElseLabel, undefined],
  ] as const;

/** Text the owner wrote, a paragraph per line; markup stays text. */
const Written = ({ t, text }: { t: Catalog; text: string }) =>
  text ? (
    <>
      {text
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => (
          <p>{line}</p>
        ))}
    </>
  ) : (
    <p class="hint">{t.circles.nothingWritten}</p>
  );

/**
 * /circles/:id/charter: the current version, for everyone in the circle. A member who has not
 * read this version is told what changed since the one they read, and confirms reading it.
 */
export const CharterPage = (props: {
  context: CirclePageContext;
  timeZone: string;
  charter: { number: number; createdAt: Date; draft: CharterDraft } | null;
  /** Parts changed since the version this member last read; null when nothing is to confirm. */
  changes: CharterPart[] | null;
  canEdit: boolean;
  /** The need page a member came from to sign up: the read form leads back there. */
  returnTo?: string | null;
}) => {
  const { t, locale, circleId } = props.context;
  const charter = props.charter;
  return (
    <CircleFrame context={props.context} current="charter" title={t.circles.charterTitle}>
      <p class="lead">{t.circles.charterIntro}</p>
      {props.canEdit ? (
        <p>
          <a class="button" href={`${circlePath(circleId, 'charter')}/edit`}>
            {t.circles.charterEdit}
          </a>
        </p>
      ) : null}
      {charter === null ? (
        <p>{t.circles.charterNone}</p>
      ) : (
        <>
          <p>
            {format(t.circles.charterVersion, {
              number: charter.number,
              date: formatDate(charter.createdAt, locale, props.timeZone),
            })}
          </p>
          {props.changes && props.changes.length > 0 ? (
            <div class="notice-box">
              <p>{t.circles.charterChanged}</p>
              <ul>
                {props.changes.map((part) => (
                  <li>{t.circles.charterParts[part]}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <h2>{t.circles.helpKindsLegend}</h2>
          {charter.draft.helpKinds.length ? (
            <ul>
              {charter.draft.helpKinds.map((kind) => (
                <li>{t.circles.helpKinds[kind]}</li>
              ))}
            </ul>
          ) : (
            <p class="hint">{t.circles.nothingWritten}</p>
          )}
          <h2>{t.circles.checkInChannelLegend}</h2>
          <p>
            {t.circles.channels[charter.draft.checkInChannel]}.{' '}
            {t.circles.paces[charter.draft.checkInPace]}.
          </p>
          {textParts(t).map(([part, label]) => (
            <>
              <h2>{label}</h2>
              <Written t={t} text={charter.draft[part]} />
            </>
          ))}
          {props.changes ? (
            <form method="post" action={`${circlePath(circleId, 'charter')}/read`}>
              <input type="hidden" name="version" value={String(charter.number)} />
              {props.returnTo ? <input type="hidden" name="next" value={props.returnTo} /> : null}
              <button type="submit" class="button-primary">
                {t.circles.charterRead}
              </button>
            </form>
          ) : null}
        </>
      )}
    </CircleFrame>
  );
};

/** The charter form's fields as typed. */
export interface CharterFields {
  helpKinds: string[];
  helpText: string;
  checkInChannel: string;
  checkInPace: string;
  topicsToAvoid: string;
  spaceMeaning: string;
  accompaniment: string;
  anythingElse: string;
}

/** /circles/:id/charter/edit: the owner writes a new version, with gentle prompts and a readability hint. */
export const CharterEditPage = (props: {
  context: CirclePageContext;
  values: CharterFields;
  errors?: FieldErrors | undefined;
  textMax: number;
  /** How easy the written parts are to read, once there is text. */
  readability: Readability | null;
}) => {
  const { t, circleId } = props.context;
  const errors = props.errors ?? {};
  const values = props.values;
  return (
    <CircleFrame context={props.context} current="charter" title={t.circles.charterEditTitle}>
      <p class="lead">{t.circles.charterEditIntro}</p>
      <ul class="notice-box">
        {t.circles.charterPrompts.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <form method="post" action={circlePath(circleId, 'charter')} novalidate>
        <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
        <Checkboxes
          name="helpKinds"
          legend={t.circles.helpKindsLegend}
          hint={t.circles.helpKindsHint}
          values={values.helpKinds}
          error={errors.helpKinds}
          options={labelledValues<HelpKind>(t.circles.helpKinds).map((kind): [string, string] => [
            kind,
            t.circles.helpKinds[kind],
          ])}
        />
        <SelectField
          name="checkInChannel"
          label={t.circles.checkInChannelLegend}
          value={values.checkInChannel}
          error={errors.checkInChannel}
          options={(['site', 'email'] as const).map((c): [string, string] => [
            c,
            t.circles.channels[c],
          ])}
        />
        <SelectField
          name="checkInPace"
          label={t.circles.checkInPaceLabel}
          value={values.checkInPace}
          error={errors.checkInPace}
          options={labelledValues<CheckInPace>(t.circles.paces).map((p): [string, string] => [
            p,
            t.circles.paces[p],
          ])}
        />
        {textParts(t).map(([part, label, hint]) => (
          <TextArea
            name={part}
            label={label}
            {...(hint ? { hint } : {})}
            value={values[part]}
            error={errors[part]}
            maxLength={props.textMax}
            optionalLabel={t.forms.optional}
            rows={4}
          />
        ))}
        {props.readability ? (
          <p class="readability" id="charter-readability">
            {t.circles.readability}: {readabilityMessage(props.readability, t)}
          </p>
        ) : null}
        <div class="actions">
          <button type="submit" class="button-primary">
            {t.circles.saveCharter}
          </button>
        </div>
      </form>
    </CircleFrame>
  );
};
