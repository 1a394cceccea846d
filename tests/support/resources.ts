import type { Weekday } from '../../db/resources/hours';
import { openingField, type ResourceFormValues } from '../../web/views/resources/edit-form';

/** The form's values as a browser would send them. */
export const asForm = (values: ResourceFormValues): URLSearchParams => {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string') form.set(key, value);
    else if (typeof value === 'boolean') {
      if (value) form.set(key, '1');
    }
  }
  for (const code of values.categories) form.append('categories', code);
  for (const code of values.languages) form.append('languages', code);
  values.phones.forEach((phone, i) => {
    form.set(`phone${i + 1}`, phone.number);
    form.set(`phone${i + 1}Type`, phone.type);
  });
  for (const [day, openings] of Object.entries(values.hours)) {
    openings.forEach((opening, slot) => {
      form.set(openingField('opens', day as Weekday, slot), opening.opens);
      form.set(openingField('closes', day as Weekday, slot), opening.closes);
    });
  }
  return form;
};
