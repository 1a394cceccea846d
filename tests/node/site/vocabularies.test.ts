import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../db/accounts/roles';
import { CONTENT_LANGUAGES } from '../../../db/core/content-languages';
import { PHONE_TYPES } from '../../../db/resources/edit-types';
import { WEEKDAYS } from '../../../db/resources/hours';
import { CONTENT_NOTES } from '../../../db/stories/stories';
import { labelledValues, locales } from '../../../web/i18n';
import { allCatalogs } from '../../../worker/catalogs';

// The catalogs as the app hands them out (French is an on-demand module).
const catalogs = await allCatalogs();

// Forms draw their options from the catalog's labels (web/ may not import db values). The
// English maps are typed against the db vocabularies, so the sets match; this checks that every
// catalog also lists them in the db's order, which is the order the forms show.
describe('the vocabularies the forms offer', () => {
  it.each(locales)('are listed in %s in the order the database keeps them', (locale) => {
    const t = catalogs[locale];
    expect(labelledValues(t.forms.contentLanguages)).toEqual([...CONTENT_LANGUAGES]);
    expect(labelledValues(t.moderation.roleNames)).toEqual([...ROLES]);
    expect(labelledValues(t.resourceEdit.phoneTypes)).toEqual([...PHONE_TYPES]);
    expect(labelledValues(t.resources.days)).toEqual([...WEEKDAYS]);
    expect(labelledValues(t.stories.notes)).toEqual([...CONTENT_NOTES]);
  });
});
