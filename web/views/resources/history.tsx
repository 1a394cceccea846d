import type { ResourceChange } from '../../../db/resources/changes';
import { formatDateTime } from '../../components/format';
import type { Catalog, Locale } from '../../i18n';

const roleName = (t: Catalog, role: string) =>
  role === 'moderator' || role === 'admin'
    ? t.moderation.roleNames[role]
    : role === 'import'
      ? t.resourceEdit.importRole
      : role;
const fieldName = (t: Catalog, field: string) =>
  Object.hasOwn(t.resourceEdit.fieldNames, field)
    ? t.resourceEdit.fieldNames[field as keyof Catalog['resourceEdit']['fieldNames']]
    : field;

/** A resource's change log: when, in which role, what happened, and the names of the fields. */
export const ResourceHistory = (props: {
  t: Catalog;
  locale: Locale;
  changes: ResourceChange[];
}) => {
  const e = props.t.resourceEdit;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{e.historyHeading}</h2>
      <p class="hint">{e.historyIntro}</p>
      {props.changes.length === 0 ? (
        <p>{e.historyEmpty}</p>
      ) : (
        <table class="stack-on-phone">
          <thead>
            <tr>
              <th scope="col">{e.historyWhen}</th>
              <th scope="col">{e.historyWho}</th>
              <th scope="col">{e.historyWhat}</th>
              <th scope="col">{e.historyFields}</th>
            </tr>
          </thead>
          <tbody>
            {props.changes.map((change) => (
              <tr>
                <td>
                  <span class="cell-label">{e.historyWhen}</span>
                  {formatDateTime(change.changedAt, props.locale)}
                </td>
                <td>
                  <span class="cell-label">{e.historyWho}</span>
                  {roleName(props.t, change.actorRole)}
                </td>
                <td>
                  <span class="cell-label">{e.historyWhat}</span>
                  {e.actions[change.action]}
                </td>
                <td>
                  <span class="cell-label">{e.historyFields}</span>
                  {change.changedFields.length
                    ? change.changedFields.map((field) => fieldName(props.t, field)).join(', ')
                    : e.historyNoFields}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
