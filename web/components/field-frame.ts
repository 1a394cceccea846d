import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** What every labelled field has: its name, label, and optional hint, error and "optional" mark. */
export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  optionalLabel?: string;
}

/** The ids of a field's hint and error, for `aria-describedby`; undefined when it has neither. */
export const describedBy = (props: Pick<FieldProps, 'name' | 'hint' | 'error'>) =>
  [props.hint ? `hint-${props.name}` : '', props.error ? `error-${props.name}` : '']
    .filter(Boolean)
    .join(' ') || undefined;

/** A field's hint and its error, each with the id that describedBy names (fields and checkbox groups). */
export const hintAndError = (props: Pick<FieldProps, 'name' | 'hint' | 'error'>) => {
  // prettier-ignore
  const hint = props.hint ? html`<p class="hint" id="hint-${props.name}">${props.hint}</p>` : '';
  // prettier-ignore
  const error = props.error ? html`<p class="error-message" id="error-${props.name}">${props.error}</p>` : '';
  return html`${hint}${error}`;
};

/**
 * A field's label, hint and error around its control (an input, a text area, a select, drawn by
 * text-fields.ts and select-field.ts), tied together for screen readers. An `html` template.
 */
export const fieldFrame = (
  props: FieldProps,
  control: HtmlEscapedString | Promise<HtmlEscapedString>,
) => {
  // prettier-ignore
  const optional = props.optionalLabel ? html`<span class="optional"> ${props.optionalLabel}</span>` : '';
  // prettier-ignore
  return html`<div class="${props.error ? 'field field-error' : 'field'}"><label for="field-${props.name}">${props.label}${optional}</label>${hintAndError(props)}${control}</div>`;
};
