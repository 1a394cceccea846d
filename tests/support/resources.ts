import { eq } from 'drizzle-orm';
import type { Database } from '../../db/core/database';
import type { Weekday } from '../../db/resources/hours';
import { addresses, locations } from '../../db/schema';
import {
  openingField,
  placeField,
  type ResourceFormValues,
} from '../../web/views/resources/edit-form';

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
  values.otherPlaces?.forEach((place, i) => {
    const name = (field: string) => placeField(i + 1, field);
    for (const [key, value] of Object.entries(place)) {
      if (typeof value === 'string') form.set(name(key), value);
      else if (value === true) form.set(name(key), '1');
    }
    for (const [day, openings] of Object.entries(place.hours))
      openings.forEach((opening, slot) => {
        form.set(name(openingField('opens', day as Weekday, slot)), opening.opens);
        form.set(name(openingField('closes', day as Weekday, slot)), opening.closes);
      });
  });
  return form;
};

/** What must never leave the database: every part of a confidential place's address, and its coordinates. */
export const confidentialSecrets = async (db: Database): Promise<string[]> => {
  const hidden = await db
    .select({ address: addresses, location: locations })
    .from(locations)
    .innerJoin(addresses, eq(addresses.locationId, locations.id))
    .where(eq(locations.confidentialLocation, true))
    .all();
  return hidden.flatMap(({ address, location }) => [
    address.address1,
    address.postalCode,
    String(location.latitude),
    String(location.longitude),
  ]);
};
