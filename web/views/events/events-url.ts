import type { EventFilterValues } from './list';

/**
 * The address of the events page with these filters, changed by `change`, and a list page's
 * cursor: empty values left out, `view=list` (the default) too, and the month only in the month view.
 */
export const eventsUrl = (
  filters: EventFilterValues,
  change: Partial<EventFilterValues>,
  cursor: Record<string, string> = {},
): string => {
  const merged = { ...filters, ...change, ...cursor };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (
      value &&
      !(key === 'view' && value === 'list') &&
      !(key === 'month' && merged.view !== 'month')
    )
      params.set(key, value);
  }
  const text = params.toString();
  return text ? `/events?${text}` : '/events';
};
