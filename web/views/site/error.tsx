/** A plain-language error page body: what happened and a way on. Never technical details. */
export const ErrorPage = ({
  title,
  text,
  homeLabel,
}: {
  title: string;
  text: string;
  homeLabel: string;
}) => (
  <div class="error-page">
    <h1>{title}</h1>
    <p>{text}</p>
    <p>
      <a href="/">{homeLabel}</a>
    </p>
  </div>
);
