/** The pages of the site's shell: every test that walks "every page" walks these. */
export const SHELL_PAGES = ['/', '/resources', '/support', '/safety', '/privacy'] as const;

/** A same-site browser's form POST: what Chromium sends for a form on this site. */
export const sameSiteFormHeaders = {
  'Content-Type': 'application/x-www-form-urlencoded',
  'Sec-Fetch-Site': 'same-origin',
} as const;
