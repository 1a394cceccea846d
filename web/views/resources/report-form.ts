import { html, raw } from 'hono/html';
import type { Catalog } from '../../i18n';
import { format } from '../../i18n';

/** Catalog keys of the form's error messages. */
export type ReportErrorKey = 'problemRequired' | 'problemTooLong' | 'contactTooLong';

export interface ReportFormState {
  values: { problem: string; contact: string };
  errors: { problem?: ReportErrorKey; contact?: ReportErrorKey };
  /** The report was received. */
  sent?: boolean;
  /** Too many reports from this client lately: minutes to wait. */
  limitedMinutes?: number;
}

interface Props {
  t: Catalog;
  slug: string;
  state: ReportFormState;
  maxProblem: number;
  maxContact: number;
}

/** A field's error state: `aria-invalid` when it has one, and what describes it. */
const described = (field: string, invalid: boolean) =>
  invalid
    ? raw(` aria-invalid="true" aria-describedby="${field}-hint ${field}-error"`)
    : raw(` aria-describedby="${field}-hint"`);

/**
 * "Report a problem": no account, two fields. A plain POST form; with htmx the section is
 * replaced by the server's answer. After an error, focus moves to the list of what to fix.
 * Written as an `html` template rather than JSX, as the rest of the resource page is; the
 * template escapes every value it is given all the same.
 */
export const ReportForm = ({ t, slug, state, maxProblem, maxContact }: Props) => {
  const r = t.resources;
  const message = (key: ReportErrorKey) =>
    format(r[key], { max: key === 'contactTooLong' ? maxContact : maxProblem });
  const errors = Object.entries(state.errors).filter(
    (entry): entry is [string, ReportErrorKey] => !!entry[1],
  );
  const action = `/resources/${encodeURIComponent(slug)}/reports`;
  const { problem, contact } = state.errors;
  // prettier-ignore
  const notices = html`${state.sent ? html`<p class="notice notice-success" role="status">${r.reportThanks}</p>` : ''}${state.limitedMinutes !== undefined ? html`<p id="report-limited" class="notice notice-error" role="alert" tabindex="-1" autofocus="">${format(r.reportLimited, { minutes: state.limitedMinutes })}</p>` : ''}${errors.length > 0 ? html`<div id="report-errors" class="error-summary" role="alert" tabindex="-1" autofocus=""><p class="error-summary-title">${r.errorSummary}</p><ul>${errors.map(([field, key]) => html`<li><a href="#${field}">${message(key)}</a></li>`)}</ul></div>` : ''}`;
  // prettier-ignore
  const problemField = html`<div class="field"><label for="problem">${r.problemLabel}</label><p id="problem-hint" class="hint">${r.problemHint}</p>${problem ? html`<p id="problem-error" class="field-error">${message(problem)}</p>` : ''}<textarea id="problem" name="problem" rows="4" maxlength="${maxProblem}" required=""${described('problem', !!problem)}>${state.values.problem}</textarea></div>`;
  // prettier-ignore
  const contactField = html`<div class="field"><label for="contact">${r.contactLabel}</label><p id="contact-hint" class="hint">${r.contactHint}</p>${contact ? html`<p id="contact-error" class="field-error">${message(contact)}</p>` : ''}<input type="text" id="contact" name="contact" value="${state.values.contact}" maxlength="${maxContact}" autocomplete="off"${described('contact', !!contact)}/></div>`;
  // prettier-ignore
  return html`<section id="report" class="report" aria-labelledby="report-heading"><h2 id="report-heading">${r.reportHeading}</h2><p>${r.reportIntro}</p>${notices}<form method="post" action="${action}" hx-post="${action}" hx-target="#report" hx-swap="outerHTML">${problemField}${contactField}<button type="submit" class="button">${r.reportSubmit}</button></form></section>`;
};
