import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form';
import { format, type Catalog } from '../../i18n';

/** Step 1: the email address. */
export const SignInPage = (props: {
  t: Catalog;
  email?: string;
  next: string;
  errors?: FieldErrors;
  notice?: string | undefined;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.signIn.title}</h1>
      <Notice text={props.notice} />
      <p class="lead">{t.signIn.intro}</p>
      <p>{t.signIn.whoNeedsIt}</p>
      <ErrorSummary errors={props.errors ?? {}} title={t.forms.errorSummaryTitle} />
      <form method="post" action="/sign-in" novalidate>
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="email"
          type="email"
          label={t.signIn.emailLabel}
          hint={t.signIn.emailHint}
          value={props.email}
          error={props.errors?.email}
          autocomplete="email"
          inputmode="email"
          maxLength={254}
          required
        />
        <p class="hint">{t.signIn.subjectNote}</p>
        <button type="submit" class="button-primary">
          {t.signIn.send}
        </button>
      </form>
    </>
  );
};

/** Step 2: the code from the email. */
export const SignInCodePage = (props: {
  t: Catalog;
  email: string;
  next: string;
  errors?: FieldErrors;
}) => {
  const { t } = props;
  return (
    <>
      <h1>{t.signIn.codeTitle}</h1>
      <p class="lead">{format(t.signIn.codeSent, { email: props.email })}</p>
      <ErrorSummary errors={props.errors ?? {}} title={t.forms.errorSummaryTitle} />
      <form method="post" action="/sign-in/code" novalidate>
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="code"
          label={t.signIn.codeLabel}
          hint={t.signIn.codeHint}
          error={props.errors?.code}
          autocomplete="one-time-code"
          inputmode="numeric"
          maxLength={12}
          required
        />
        <button type="submit" class="button-primary">
          {t.signIn.codeSubmit}
        </button>
      </form>
      <p>
        <a href={`/sign-in?next=${encodeURIComponent(props.next)}`}>{t.signIn.newCode}</a>
      </p>
    </>
  );
};
