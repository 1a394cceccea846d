import { html } from 'hono/html';
import { describedBy, fieldFrame, type FieldProps } from './field-frame';
import { booleanAttribute, optionalAttribute } from './html-attributes';

/**
 * A labelled text input with its hint and error, tied together for screen readers. An `html`
 * template, as the frame around it: a sign or RSVP form draws several on a public page.
 */
export const TextField = (
  props: FieldProps & {
    value?: string | undefined;
    type?: 'text' | 'email';
    autocomplete?: string;
    inputmode?: 'text' | 'email' | 'numeric';
    maxLength?: number;
    required?: boolean;
    pattern?: string;
  },
) => {
  // Written as JSX wrote them: in this order, each left out when it has no value.
  const attributes = [
    optionalAttribute('autocomplete', props.autocomplete),
    optionalAttribute('inputmode', props.inputmode),
    optionalAttribute('maxlength', props.maxLength),
    booleanAttribute(!!props.required, 'required'),
    optionalAttribute('pattern', props.pattern),
    optionalAttribute('spellcheck', props.type === 'email' ? 'false' : undefined),
    optionalAttribute('aria-invalid', props.error ? 'true' : undefined),
    optionalAttribute('aria-describedby', describedBy(props)),
  ];
  // prettier-ignore
  return fieldFrame(props, html`<input id="field-${props.name}" name="${props.name}" type="${props.type ?? 'text'}" value="${props.value ?? ''}"${attributes}/>`);
};

/** A labelled multi-line text field. */
export const TextArea = (
  props: FieldProps & {
    value?: string | undefined;
    maxLength?: number;
    rows?: number;
    required?: boolean;
  },
) => {
  const attributes = [
    optionalAttribute('maxlength', props.maxLength),
    booleanAttribute(!!props.required, 'required'),
    optionalAttribute('aria-invalid', props.error ? 'true' : undefined),
    optionalAttribute('aria-describedby', describedBy(props)),
  ];
  // prettier-ignore
  return fieldFrame(props, html`<textarea id="field-${props.name}" name="${props.name}" rows="${props.rows ?? 5}"${attributes}>${props.value ?? ''}</textarea>`);
};
