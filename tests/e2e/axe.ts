import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';

/** The axe-core rule tags for WCAG 2.2 levels A and AA. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe-core on the page (or one frame of it: a partner's embed) as it is now and returns one line per violation (rule, help, where).
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export const axeViolations = async (page: Page | Frame): Promise<string[]> => {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async (tags) =>
      (
        await (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
        })
      ).violations,
    WCAG_22_AA,
  );
  return violations.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
};
