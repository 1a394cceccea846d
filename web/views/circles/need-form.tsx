import {
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FieldErrors,
} from '../../components/form';
import { format } from '../../i18n';
import { CircleFrame, type CirclePageContext } from './parts';

/** The need form's fields as typed. */
export interface NeedFields {
  kind: string;
  title: string;
  /** "at" a set time on one day, or any time "during" some days. */
  timing: 'at' | 'during';
  date: string;
  startTime: string;
  endTime: string;
  untilDate: string;
  helpersWanted: string;
  place: string;
  resource: string;
  note: string;
  /** How many weeks (1: no repeat); only when posting. */
  repeat: string;
}

/** The limits the form shows (from db/circles/rules.ts NEED_LIMITS). */
export interface NeedFormLimits {
  title: number;
  note: number;
  place: number;
  helpers: number;
  weeks: number;
}

/** Posting a need, or changing one (no repeat then). A plain POST form. */
export const NeedFormPage = (props: {
  context: CirclePageContext;
  action: string;
  editing: boolean;
  values: NeedFields;
  errors?: FieldErrors | undefined;
  limits: NeedFormLimits;
  timeZone: string;
  revealHours: number;
  /** Editing outside the reveal window: the stored place is not shown, and a blank field keeps it. */
  placeHidden?: boolean;
}) => {
  const { t } = props.context;
  const n = t.circleNeeds;
  const { values, limits } = props;
  const errors = props.errors ?? {};
  const zone = props.timeZone.replace(/_/g, ' ');
  return (
    <CircleFrame
      context={props.context}
      current="home"
      title={props.editing ? n.editTitle : n.newTitle}
    >
      <p>{n.newIntro}</p>
      <form method="post" action={props.action} novalidate>
        <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
        <SelectField
          name="kind"
          label={n.kindLabel}
          hint={n.suppliesHint}
          value={values.kind}
          error={errors.kind}
          options={[['', n.kindChoose], ...Object.entries(t.circles.helpKinds)]}
        />
        <TextField
          name="title"
          label={n.titleLabel}
          hint={n.titleHint}
          value={values.title}
          error={errors.title}
          maxLength={limits.title}
          autocomplete="off"
          required
        />
        <fieldset class="field" id="field-timing">
          <legend>{n.timingLegend}</legend>
          {(['at', 'during'] as const).map((timing) => (
            <div class="checkbox">
              <input
                type="radio"
                id={`field-timing-${timing}`}
                name="timing"
                value={timing}
                checked={values.timing === timing}
              />
              <label for={`field-timing-${timing}`}>
                {timing === 'at' ? n.timingAt : n.timingDuring}
              </label>
            </div>
          ))}
          <TextField
            name="date"
            label={n.dateLabel}
            hint={n.dateHint}
            value={values.date}
            error={errors.date}
            maxLength={10}
            inputmode="numeric"
          />
          <TextField
            name="startTime"
            label={n.startTimeLabel}
            hint={format(n.timeHint, { zone })}
            value={values.startTime}
            error={errors.startTime}
            maxLength={5}
            inputmode="numeric"
          />
          <TextField
            name="endTime"
            label={n.endTimeLabel}
            value={values.endTime}
            error={errors.endTime}
            maxLength={5}
            inputmode="numeric"
          />
          <TextField
            name="untilDate"
            label={n.untilDateLabel}
            hint={n.untilDateHint}
            value={values.untilDate}
            error={errors.untilDate}
            maxLength={10}
            inputmode="numeric"
          />
        </fieldset>
        <TextField
          name="helpersWanted"
          label={n.helpersWantedLabel}
          value={values.helpersWanted}
          error={errors.helpersWanted}
          maxLength={2}
          inputmode="numeric"
        />
        <TextField
          name="place"
          label={n.placeFieldLabel}
          hint={format(props.placeHidden ? n.placeHiddenHint : n.placeFieldHint, {
            hours: props.revealHours,
          })}
          optionalLabel={t.forms.optional}
          value={values.place}
          error={errors.place}
          maxLength={limits.place}
          autocomplete="off"
        />
        <TextField
          name="resource"
          label={n.resourceFieldLabel}
          hint={n.resourceFieldHint}
          optionalLabel={t.forms.optional}
          value={values.resource}
          error={errors.resource}
          maxLength={300}
          autocomplete="off"
        />
        <TextArea
          name="note"
          label={n.noteFieldLabel}
          hint={n.noteFieldHint}
          optionalLabel={t.forms.optional}
          value={values.note}
          error={errors.note}
          maxLength={limits.note}
          rows={4}
        />
        {props.editing ? null : (
          <SelectField
            name="repeat"
            label={n.repeatLabel}
            value={values.repeat}
            error={errors.repeat}
            options={Array.from({ length: limits.weeks }, (_, i): [string, string] => [
              String(i + 1),
              i === 0 ? n.repeatOnce : format(n.repeatWeeks, { count: i + 1 }),
            ])}
          />
        )}
        <button type="submit">{props.editing ? n.saveButton : n.postButton}</button>
      </form>
    </CircleFrame>
  );
};
