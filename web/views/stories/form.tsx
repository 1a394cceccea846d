import type { ContentNote, StoryLimits } from '../../../db/stories/stories';
import { ContentLanguageField } from '../../components/content-language';
import { labelledValues, type Catalog } from '../../i18n';
import { readabilityMessage, type Readability } from '../../components/readability';
import {
  ErrorSummary,
  TextArea,
  TextField,
  type FieldErrors,
  FormKeyField,
} from '../../components/form';

export interface StoryFormFields {
  title: string;
  body: string;
  shownName: string;
  language: string;
  contentNotes: string[];
  contentNoteText: string;
  /** A new story's form key: pressing "Save" twice makes one story. */
  formKey?: string;
}

/**
 * The story form, for the author (a new story or a new version) and for a moderator suggesting
 * an edit. A plain POST form: it works without JavaScript, and a failed save comes back with
 * what was typed and what to fix.
 */
export const StoryForm = (props: {
  t: Catalog;
  action: string;
  values: StoryFormFields;
  errors?: FieldErrors | undefined;
  /** Longest texts accepted (db/stories/stories.ts STORY_LIMITS). */
  limits: StoryLimits;
  submitLabel: string;
  /** The body's reading-ease score (worker/http/readability.ts), or null without a body. */
  readability: Readability | null;
}) => {
  const { t, values, limits } = props;
  const errors = props.errors ?? {};
  return (
    <form method="post" action={props.action} novalidate class="story-form">
      <FormKeyField value={values.formKey} />
      <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
      <TextField
        name="title"
        label={t.stories.titleLabel}
        hint={t.stories.titleHint}
        value={values.title}
        error={errors.title}
        maxLength={limits.title}
        required
      />
      <TextArea
        name="body"
        label={t.stories.bodyLabel}
        hint={t.stories.bodyHint}
        value={values.body}
        error={errors.body}
        maxLength={limits.body}
        rows={14}
        required
      />
      {props.readability ? (
        <p class="readability" id="story-readability">
          {t.stories.readability}: {readabilityMessage(props.readability, t)}
        </p>
      ) : null}
      <TextField
        name="shownName"
        label={t.stories.shownNameLabel}
        hint={t.stories.shownNameHint}
        value={values.shownName}
        error={errors.shownName}
        maxLength={limits.shownName}
        optionalLabel={t.forms.optional}
        autocomplete="off"
      />
      <ContentLanguageField
        t={t}
        label={t.stories.languageLabel}
        value={values.language}
        error={errors.language}
      />
      <fieldset
        class={errors.contentNotes ? 'field field-error' : 'field'}
        id="field-contentNotes"
        aria-describedby="hint-contentNotes"
      >
        <legend>{t.stories.notesLegend}</legend>
        <p class="hint" id="hint-contentNotes">
          {t.stories.notesHint}
        </p>
        {errors.contentNotes ? <p class="error-message">{errors.contentNotes}</p> : null}
        {labelledValues<ContentNote>(t.stories.notes).map((note) => (
          <div class="checkbox">
            <input
              type="checkbox"
              id={`note-${note}`}
              name="contentNotes"
              value={note}
              checked={values.contentNotes.includes(note)}
            />
            <label for={`note-${note}`}>{t.stories.notes[note]}</label>
          </div>
        ))}
      </fieldset>
      <TextField
        name="contentNoteText"
        label={t.stories.noteTextLabel}
        value={values.contentNoteText}
        error={errors.contentNoteText}
        maxLength={limits.contentNoteText}
        optionalLabel={t.forms.optional}
      />
      <div class="actions">
        <button type="submit" class="button-primary">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
};

/** Reminders shown to a storyteller before the form: no one is owed details. */
export const StoryReminders = ({ t }: { t: Catalog }) => (
  <section class="notice-box" aria-labelledby="story-reminders">
    <h2 id="story-reminders">{t.stories.reminderHeading}</h2>
    <ul>
      {t.stories.reminders.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
  </section>
);
