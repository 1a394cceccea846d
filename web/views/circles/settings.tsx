import {
  CheckboxField,
  ErrorSummary,
  FormKeyField,
  SelectField,
  TextField,
  type FieldErrors,
} from '../../components/form';
import { format, type Catalog } from '../../i18n';
import { CircleFrame, circlePath, type CirclePageContext, type SpaceState } from './parts';

/** The settings form's fields as typed (times as "21:00", hours as typed). */
export interface CircleSettingsFields {
  label: string;
  timeZone: string;
  quietStart: string;
  quietEnd: string;
  memberListVisible: boolean;
  ownerToldOfGaps: boolean;
  placeRevealHours: string;
  formKey?: string;
}

/** The owner's settings, for a new circle and for an existing one. A plain POST form. */
export const CircleSettingsForm = (props: {
  t: Catalog;
  action: string;
  values: CircleSettingsFields;
  errors?: FieldErrors | undefined;
  timeZones: string[];
  labelMax: number;
  submitLabel: string;
}) => {
  const { t, values } = props;
  const errors = props.errors ?? {};
  return (
    <form method="post" action={props.action} novalidate>
      <FormKeyField value={values.formKey} />
      <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
      <TextField
        name="label"
        label={t.circles.labelLabel}
        hint={t.circles.labelHint}
        value={values.label}
        error={errors.label}
        maxLength={props.labelMax}
        autocomplete="off"
        required
      />
      <SelectField
        name="timeZone"
        label={t.circles.timeZoneLabel}
        value={values.timeZone}
        error={errors.timeZone}
        options={props.timeZones.map((z): [string, string] => [z, z.replace(/_/g, ' ')])}
      />
      <fieldset class="field">
        <legend>{t.circles.quietLegend}</legend>
        <p class="hint">{t.circles.quietHint}</p>
        <TextField
          name="quietStart"
          label={t.circles.quietStartLabel}
          value={values.quietStart}
          error={errors.quietStart}
          inputmode="numeric"
          maxLength={5}
        />
        <TextField
          name="quietEnd"
          label={t.circles.quietEndLabel}
          value={values.quietEnd}
          error={errors.quietEnd}
          inputmode="numeric"
          maxLength={5}
        />
      </fieldset>
      <TextField
        name="placeRevealHours"
        label={t.circles.revealHoursLabel}
        hint={t.circles.revealHoursHint}
        value={values.placeRevealHours}
        error={errors.placeRevealHours}
        inputmode="numeric"
        maxLength={2}
      />
      <CheckboxField
        name="memberListVisible"
        label={t.circles.memberListLabel}
        hint={t.circles.memberListHint}
        checked={values.memberListVisible}
      />
      <CheckboxField
        name="ownerToldOfGaps"
        label={t.circles.toldOfGapsLabel}
        hint={t.circles.toldOfGapsHint}
        checked={values.ownerToldOfGaps}
      />
      <div class="actions">
        <button type="submit" class="button-primary">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
};

/** /circles/new */
export const NewCirclePage = (props: {
  t: Catalog;
  values: CircleSettingsFields;
  errors?: FieldErrors | undefined;
  timeZones: string[];
  labelMax: number;
}) => (
  <>
    <p>
      <a href="/circles">{props.t.circles.backToCircles}</a>
    </p>
    <h1>{props.t.circles.newTitle}</h1>
    <p class="lead">{props.t.circles.newIntro}</p>
    <CircleSettingsForm {...props} action="/circles" submitLabel={props.t.circles.startButton} />
  </>
);

/** /circles/:id/settings: the owner's settings, "I need space", and closing the circle. */
export const CircleSettingsPage = (props: {
  context: CirclePageContext;
  values: CircleSettingsFields;
  errors?: FieldErrors | undefined;
  timeZones: string[];
  labelMax: number;
  /** The owner's space while they take it. */
  space: SpaceState | null;
  spaceValues: { until: string; practicalHelpGoesOn: boolean };
  spaceErrors?: FieldErrors | undefined;
  closeError?: string | undefined;
  /** How long a closed circle's id and former members are kept (CLOSED_CIRCLE_KEEP_DAYS). */
  closedKeepDays: number;
}) => {
  const { t, circleId } = props.context;
  const path = circlePath(circleId, 'settings');
  return (
    <CircleFrame context={props.context} current="settings" title={t.circles.settingsTitle}>
      <CircleSettingsForm
        t={t}
        action={path}
        values={props.values}
        errors={props.errors}
        timeZones={props.timeZones}
        labelMax={props.labelMax}
        submitLabel={t.circles.saveSettings}
      />
      <section aria-labelledby="space-heading">
        <h2 id="space-heading">{t.circles.spaceHeading}</h2>
        <p>{t.circles.spaceIntro}</p>
        <form method="post" action={`${path}/space`} novalidate>
          <ErrorSummary errors={props.spaceErrors ?? {}} title={t.forms.errorSummaryTitle} />
          <TextField
            name="until"
            label={t.circles.spaceUntilLabel}
            hint={t.circles.spaceUntilHint}
            value={props.spaceValues.until}
            error={props.spaceErrors?.until}
            maxLength={10}
          />
          <CheckboxField
            name="practicalHelpGoesOn"
            label={t.circles.spaceHelpGoesOnLabel}
            checked={props.spaceValues.practicalHelpGoesOn}
          />
          <button type="submit" class="button-primary">
            {t.circles.spaceButton}
          </button>
        </form>
        {props.space ? (
          <form method="post" action={`${path}/space-end`}>
            <button type="submit">{t.circles.spaceEndButton}</button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="close-heading">
        <h2 id="close-heading">{t.circles.closeHeading}</h2>
        <p>{format(t.circles.closeHint, { days: props.closedKeepDays })}</p>
        <form method="post" action={`/circles/${circleId}/closing`} novalidate>
          {props.closeError ? (
            <p class="error-message" id="error-confirm" role="alert">
              {props.closeError}
            </p>
          ) : null}
          <CheckboxField name="confirm" label={t.circles.closeConfirmLabel} checked={false} />
          <button type="submit" class="button-danger">
            {t.circles.closeButton}
          </button>
        </form>
      </section>
    </CircleFrame>
  );
};
