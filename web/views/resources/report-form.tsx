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

/**
 * "Report a problem": no account, two fields. A plain POST form; with htmx the section is
 * replaced by the server's answer. After an error, focus moves to the list of what to fix.
 */
export const ReportForm = ({ t, slug, state, maxProblem, maxContact }: Props) => {
  const r = t.resources;
  const message = (key: ReportErrorKey) =>
    format(r[key], { max: key === 'contactTooLong' ? maxContact : maxProblem });
  const errors = Object.entries(state.errors).filter(
    (entry): entry is [string, ReportErrorKey] => !!entry[1],
  );
  const action = `/resources/${encodeURIComponent(slug)}/reports`;
  return (
    <section id="report" class="report" aria-labelledby="report-heading">
      <h2 id="report-heading">{r.reportHeading}</h2>
      <p>{r.reportIntro}</p>
      {state.sent && (
        <p class="notice notice-success" role="status">
          {r.reportThanks}
        </p>
      )}
      {state.limitedMinutes !== undefined && (
        <p id="report-limited" class="notice notice-error" role="alert" tabindex={-1} autofocus>
          {format(r.reportLimited, { minutes: state.limitedMinutes })}
        </p>
      )}
      {errors.length > 0 && (
        <div id="report-errors" class="error-summary" role="alert" tabindex={-1} autofocus>
          <p class="error-summary-title">{r.errorSummary}</p>
          <ul>
            {errors.map(([field, key]) => (
              <li>
                <a href={`#${field}`}>{message(key)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={action} hx-post={action} hx-target="#report" hx-swap="outerHTML">
        <div class="field">
          <label for="problem">{r.problemLabel}</label>
          <p id="problem-hint" class="hint">
            {r.problemHint}
          </p>
          {state.errors.problem && (
            <p id="problem-error" class="field-error">
              {message(state.errors.problem)}
            </p>
          )}
          <textarea
            id="problem"
            name="problem"
            rows={4}
            maxlength={maxProblem}
            required
            aria-invalid={state.errors.problem ? 'true' : undefined}
            aria-describedby={state.errors.problem ? 'problem-hint problem-error' : 'problem-hint'}
          >
            {state.values.problem}
          </textarea>
        </div>
        <div class="field">
          <label for="contact">{r.contactLabel}</label>
          <p id="contact-hint" class="hint">
            {r.contactHint}
          </p>
          {state.errors.contact && (
            <p id="contact-error" class="field-error">
              {message(state.errors.contact)}
            </p>
          )}
          <input
            type="text"
            id="contact"
            name="contact"
            value={state.values.contact}
            maxlength={maxContact}
            autocomplete="off"
            aria-invalid={state.errors.contact ? 'true' : undefined}
            aria-describedby={state.errors.contact ? 'contact-hint contact-error' : 'contact-hint'}
          />
        </div>
        <button type="submit" class="button">
          {r.reportSubmit}
        </button>
      </form>
    </section>
  );
};
