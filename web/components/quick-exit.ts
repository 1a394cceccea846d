import { html } from 'hono/html';
import type { Shell } from '../shell';

/**
 * The quick-exit link: the first thing on every page and in tab order. Without JavaScript it
 * is a plain link; quick-exit.js turns a click (or Shift pressed three times) into
 * `location.replace`, so Back does not return here. In a partner's frame (`framed`), quick exit
 * leaves the whole tab (the partner's page with it), not just the frame: `_top` without
 * JavaScript, `window.top` with it (quick-exit.js). An html template, as the layout (layout.ts).
 */
export const QuickExit = ({ shell, framed }: { shell: Shell; framed?: boolean }) =>
  // prettier-ignore
  html`<div class="quick-exit-bar"><a id="quick-exit" class="quick-exit" href="${shell.quickExitUrl}"${framed ? html` target="_top"` : ''} rel="noreferrer" data-quick-exit="" aria-describedby="quick-exit-hint">${shell.t.shell.quickExit}</a><span id="quick-exit-hint" class="quick-exit-hint">${shell.t.shell.quickExitHint}</span></div>`;
