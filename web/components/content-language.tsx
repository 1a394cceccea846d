import { html } from 'hono/html';
import type { ContentLanguage } from '../../db/core/content-languages';
import { labelledValues, type Catalog } from '../i18n';
import { SelectField } from './form';

/** Text direction of a content language. */
export const textDir = (language: string): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/**
 * Attributes for text written by people in its own language, whatever the page's language
 * (WCAG 3.1.2, language of parts): spread them on the element that holds the text.
 */
export const textIn = (language: string) => ({ lang: language, dir: textDir(language) });

/** The same attributes for an `html` template: ` lang="…" dir="…"`. */
export const textInAttributes = (language: string) =>
  html` lang="${language}" dir="${textDir(language)}"`;

export const contentLanguageName = (t: Catalog, language: string) =>
  language in t.forms.contentLanguages
    ? t.forms.contentLanguages[language as keyof Catalog['forms']['contentLanguages']]
    : language;

/** The select for "what language is this text in", shared by every form that takes prose. */
export const ContentLanguageField = (props: {
  t: Catalog;
  label: string;
  value: string;
  error?: string | undefined;
}) => (
  <SelectField
    name="language"
    label={props.label}
    value={props.value}
    error={props.error}
    options={labelledValues<ContentLanguage>(props.t.forms.contentLanguages).map(
      (code): [string, string] => [code, contentLanguageName(props.t, code)],
    )}
  />
);
