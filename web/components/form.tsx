import { describedBy, hintAndError } from './field-frame';

/** Field errors by field name, as plain-language messages. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The list of what to fix, at the top of a form that failed. It is announced when it appears,
 * and each line links to its field.
 */
export const ErrorSummary = ({ errors, title }: { errors: FieldErrors; title: string }) => {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => !!entry[1]);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#field-${name}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
};

export { TextArea, TextField } from './text-fields';

/** The create form's key (db/core/form-submissions.ts): a second press of Save finds the first record. */
export const FormKeyField = ({ value }: { value: string | undefined }) =>
  value ? <input type="hidden" name="formKey" value={value} /> : null;

/** A short confirmation or notice after an action, announced politely. */
export const Notice = ({ text }: { text: string | undefined }) =>
  text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;

export { SelectField } from './select-field';

/** A group of checkboxes under one legend, with an optional hint and error. */
export const Checkboxes = (props: {
  name: string;
  legend: string;
  values: string[];
  options: [string, string][];
  error?: string | undefined;
  hint?: string;
}) => (
  <fieldset
    class={props.error ? 'field checkboxes field-error' : 'field checkboxes'}
    id={`field-${props.name}`}
    aria-describedby={describedBy(props)}
  >
    <legend>{props.legend}</legend>
    {hintAndError(props)}
    {props.options.map(([value, label]) => (
      <div class="checkbox">
        <input
          type="checkbox"
          id={`field-${props.name}-${value}`}
          name={props.name}
          value={value}
          checked={props.values.includes(value)}
        />
        <label for={`field-${props.name}-${value}`}>{label}</label>
      </div>
    ))}
  </fieldset>
);

/** One checkbox with its label (and hint), for a yes-or-no field. */
export const CheckboxField = (props: {
  name: string;
  label: string;
  checked: boolean;
  hint?: string;
}) => (
  <div class="field">
    <div class="checkbox">
      <input
        type="checkbox"
        id={`field-${props.name}`}
        name={props.name}
        value="1"
        checked={props.checked}
        aria-describedby={props.hint ? `hint-${props.name}` : undefined}
      />
      <label for={`field-${props.name}`}>{props.label}</label>
    </div>
    {props.hint ? (
      <p class="hint" id={`hint-${props.name}`}>
        {props.hint}
      </p>
    ) : null}
  </div>
);
