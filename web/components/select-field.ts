import { html } from 'hono/html';
import { booleanAttribute } from './html-attributes';
import { describedBy, fieldFrame } from './field-frame';

/**
 * A labelled select with its hint and error. An `html` template: a filter form draws several,
 * with dozens of options, on every page that has one.
 */
export const SelectField = (props: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  options: [string, string][];
}) => {
  const described = describedBy(props);
  // prettier-ignore
  const options = props.options.map(([value, label]) => html`<option value="${value}"${booleanAttribute(value === props.value, 'selected')}>${label}</option>`);
  // prettier-ignore
  return fieldFrame(props, html`<select id="field-${props.name}" name="${props.name}"${described ? html` aria-describedby="${described}"` : ''}${props.error ? html` aria-invalid="true"` : ''}>${options}</select>`);
};
