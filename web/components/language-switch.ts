import { html } from 'hono/html';
import type { Shell } from '../shell';

/**
 * Switches the interface language. A small POST form, because remembering the choice
 * (a cookie) is a change of state; it works without JavaScript and returns to this page.
 * An html template, as the layout (layout.ts).
 */
export const LanguageSwitch = ({ shell }: { shell: Shell }) => {
  const target = shell.t.shell.switchToLang;
  // prettier-ignore
  return html`<form class="language-switch" method="post" action="/language"><input type="hidden" name="lang" value="${target}"/><input type="hidden" name="next" value="${shell.currentUrl}"/><button type="submit" lang="${target}">${shell.t.shell.switchTo}</button></form>`;
};
