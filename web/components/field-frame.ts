import { html } from 'hono/html';
import type { Child } from 'hono/jsx';

/** What every labelled field has: its name, label, and optional hint, error and "optional" mark. */
export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  optionalLabel?: string;
}

/** The ids of a field's hint and error, for `aria-describedby`; undefined when it has neither. */
export const describedBy = (props: FieldProps) =>
  [props.hint ? `hint-${props.name}` : '', props.error ? `error-${props.name}` : '']
    .filter(Boolean)
    .join(' ') || undefined;

/**
 * A field's label, hint and error around its control, tied together for screen readers. An
 * `html` template (the JSX fields of form.tsx draw their control into it, a select is a
 * template too); `control` is HTML already drawn, or a JSX element, drawn here.
 */
export const fieldFrame = (props: FieldProps, control: Child) => {
  // prettier-ignore
  const optional = props.optionalLabel ? html`<span class="optional"> ${props.optionalLabel}</span>` : '';
  // prettier-ignore
  const hint = props.hint ? html`<p class="hint" id="hint-${props.name}">${props.hint}</p>` : '';
  // prettier-ignore
  const error = props.error ? html`<p class="error-message" id="error-${props.name}">${props.error}</p>` : '';
  // prettier-ignore
  return html`<div class="${props.error ? 'field field-error' : 'field'}"><label for="field-${props.name}">${props.label}${optional}</label>${hint}${error}${control}</div>`;
};
