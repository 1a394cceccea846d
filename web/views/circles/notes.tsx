import type { CircleHistoryKind } from '../../../db/schema';
import { ErrorSummary, TextArea, type FieldErrors } from '../../components/form';
import { formatDateTime } from '../../components/format';
import { format } from '../../i18n';
import { CircleFrame, circlePath, type CirclePageContext } from './parts';

/** /circles/:id/notes: the owner's private notes. */
export const NotesPage = (props: {
  context: CirclePageContext;
  timeZone: string;
  notes: { id: string; body: string; createdAt: Date }[];
  value: string;
  errors?: FieldErrors | undefined;
  noteMax: number;
}) => {
  const { t, locale, circleId } = props.context;
  const path = circlePath(circleId, 'notes');
  return (
    <CircleFrame context={props.context} current="notes" title={t.circles.notesTitle}>
      <p class="lead">{t.circles.notesIntro}</p>
      <form method="post" action={path} novalidate>
        <ErrorSummary errors={props.errors ?? {}} title={t.forms.errorSummaryTitle} />
        <TextArea
          name="body"
          label={t.circles.noteLabel}
          value={props.value}
          error={props.errors?.body}
          maxLength={props.noteMax}
          rows={4}
          required
        />
        <button type="submit" class="button-primary">
          {t.circles.addNote}
        </button>
      </form>
      {props.notes.length === 0 ? (
        <p>{t.circles.notesEmpty}</p>
      ) : (
        <ul class="circle-notes">
          {props.notes.map((note) => (
            <li>
              <p>
                <time datetime={note.createdAt.toISOString()}>
                  {formatDateTime(note.createdAt, locale, props.timeZone)}
                </time>
              </p>
              {note.body.split('\n').map((line) => (
                <p>{line}</p>
              ))}
              <form method="post" action={`${path}/${note.id}/deletion`}>
                <button type="submit">{t.circles.deleteNote}</button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </CircleFrame>
  );
};

/** /circles/:id/history: who joined, left, signed up or cancelled; never any text. */
export const HistoryPage = (props: {
  context: CirclePageContext;
  timeZone: string;
  entries: { kind: CircleHistoryKind; at: Date; memberName: string | null }[];
}) => {
  const { t, locale } = props.context;
  return (
    <CircleFrame context={props.context} current="history" title={t.circles.historyTitle}>
      <p class="lead">{t.circles.historyIntro}</p>
      {props.entries.length === 0 ? (
        <p>{t.circles.historyEmpty}</p>
      ) : (
        <ul>
          {props.entries.map((entry) => (
            <li>
              <time datetime={entry.at.toISOString()}>
                {formatDateTime(entry.at, locale, props.timeZone)}
              </time>
              {': '}
              {format(t.circles.history[entry.kind], {
                name: entry.memberName || t.circles.someone,
              })}
            </li>
          ))}
        </ul>
      )}
    </CircleFrame>
  );
};
