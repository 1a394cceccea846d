import type { QueuedReport, VerificationItem } from '../../../db/resources/moderation';
import { Notice } from '../../components/form';
import { PageLinks, type PageHrefs } from '../../components/page-links';
import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';

/** Moderators' view of the directory: reports from visitors, then resources to check again, each a page at a time. */
export const ResourcesModerationPage = (props: {
  t: Catalog;
  locale: Locale;
  reports: QueuedReport[];
  reportPages: PageHrefs;
  queue: VerificationItem[];
  queuePages: PageHrefs;
  notice?: string | undefined;
}) => {
  const { t } = props;
  const m = t.moderation;
  const e = t.resourceEdit;
  return (
    <>
      <h1>{m.resourcesTitle}</h1>
      <Notice text={props.notice} />
      <p>
        <a href="/moderation/resources/new" class="button">
          {e.addLink}
        </a>
      </p>

      <h2 id="reports">{m.reportsHeading}</h2>
      {props.reports.length === 0 ? <p>{m.noReports}</p> : <p class="hint">{m.closeHint}</p>}
      {props.reports.map((report) => (
        <section class="queue-item" aria-labelledby={`report-${report.id}`}>
          <h3 id={`report-${report.id}`}>
            <a href={`/resources/${report.serviceId}`}>{report.serviceName}</a>
          </h3>
          <p>{format(m.reportSent, { date: formatDate(report.createdAt, props.locale) })}</p>
          <dl>
            <dt>{m.reportProblem}</dt>
            <dd>{report.problem}</dd>
            <dt>{m.reportContact}</dt>
            <dd>{report.contact ?? m.reportNoContact}</dd>
          </dl>
          {report.repeats > 0 ? <p>{format(m.reportRepeats, { count: report.repeats })}</p> : null}
          <div class="actions">
            <a
              href={`/moderation/resources/${report.serviceId}/edit`}
              aria-label={format(e.editLabel, { name: report.serviceName })}
            >
              {e.editLink}
            </a>
            <form
              method="post"
              action={`/moderation/resources/reports/${report.id}/resolution`}
              class="inline-form"
            >
              <button type="submit" class="button-primary">
                {m.resolve}
              </button>
            </form>
            <form
              method="post"
              action={`/moderation/resources/reports/${report.id}/dismissal`}
              class="inline-form"
            >
              <button type="submit">{m.dismiss}</button>
            </form>
          </div>
        </section>
      ))}
      <PageLinks t={t} label={m.reportsPagesLabel} {...props.reportPages} />

      <h2 id="checks">{m.verifyHeading}</h2>
      <p>{m.verifyIntro}</p>
      <table class="stack-on-phone">
        <thead>
          <tr>
            <th scope="col">{m.reportAbout}</th>
            <th scope="col">{m.lastChecked}</th>
            <th scope="col">
              <span class="visually-hidden">{m.verifyToday}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.queue.map((item) => (
            <tr>
              <td>
                <a href={`/resources/${item.id}`}>{item.name}</a>
                <br />
                <span class="meta">{item.organization}</span>
                <br />
                <a
                  href={`/moderation/resources/${item.id}/edit`}
                  aria-label={format(e.editLabel, { name: item.name })}
                >
                  {e.editLink}
                </a>
              </td>
              <td>
                <span class="cell-label">{m.lastChecked}</span>
                {item.verifiedAt ? formatDate(item.verifiedAt, props.locale) : m.neverVerified}
              </td>
              <td>
                <form
                  method="post"
                  action={`/moderation/resources/${item.id}/verification`}
                  class="inline-form"
                >
                  <button type="submit" aria-label={`${m.verifyToday}: ${item.name}`}>
                    {m.verifyToday}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PageLinks t={t} label={m.verifyPagesLabel} {...props.queuePages} />
    </>
  );
};
