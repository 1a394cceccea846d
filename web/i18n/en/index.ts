import * as accounts from './accounts';
import * as campaigns from './campaigns';
import * as circleNeeds from './circle-needs';
import * as circleCheckIns from './circle-checkins';
import * as circles from './circles';
import * as reach from './reach';
import * as events from './events';
import * as resources from './resources';
import * as site from './site';
import * as stories from './stories';

/**
 * English catalog, one file per area. Every string a person reads comes from here or from fr/.
 * The shape of this object is the Catalog type: French must have every key.
 * Placeholders look like {name} and are filled by `format()`.
 */
export const en = {
  ...site,
  ...accounts,
  ...resources,
  ...events,
  ...campaigns,
  ...stories,
  ...circles,
  ...circleNeeds,
  ...circleCheckIns,
  ...reach,
} as const;
