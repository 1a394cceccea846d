import { format, locales, type Catalog, type Locale } from '../i18n';

/** Escapes text for a double-quoted HTML attribute in code a partner pastes into their page. */
const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The `<iframe>` a partner pastes: a title for screen readers, the full width of their column,
 * a height that fits most of the content (the frame scrolls past it), loaded only when scrolled
 * near, and no border. `src` is absolute and names the language.
 */
export const iframeCode = (src: string, title: string, height: number): string =>
  `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${height}" loading="lazy" style="border: 0"></iframe>`;

/**
 * Copy-and-paste code for an embed, one block per language the site speaks, with a plain
 * explanation. The code sits in a read-only text box: selectable, readable, and shown as text
 * (JSX escapes it), never run on this page.
 */
export const EmbedSnippet = (props: {
  t: Catalog;
  /** Every language's strings: each block's frame title is in the language it shows. */
  catalogs: Readonly<Record<Locale, Catalog>>;
  id: string;
  intro: string;
  /** The embed's absolute address without its language, e.g. https://site/embed/events?city=Lyon */
  src: string;
  frameTitle: (t: Catalog) => string;
  height: number;
}) => {
  const { t } = props;
  const joiner = props.src.includes('?') ? '&' : '?';
  return (
    <section class="embed-snippet" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{t.embeds.snippetHeading}</h2>
      <p>{props.intro}</p>
      {locales.map((locale) => (
        <div class="field">
          <label for={`${props.id}-${locale}`}>
            {format(t.embeds.snippetLabel, { language: t.embeds.snippetLanguages[locale] })}
          </label>
          <textarea id={`${props.id}-${locale}`} readonly rows={4} spellcheck={false}>
            {iframeCode(
              `${props.src}${joiner}lang=${locale}`,
              props.frameTitle(props.catalogs[locale]),
              props.height,
            )}
          </textarea>
        </div>
      ))}
    </section>
  );
};
