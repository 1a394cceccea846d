import type { Catalog } from '../catalog';
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

/** French catalog: typed as Catalog, so a missing or extra key fails the type check. */
export const fr: Catalog = {
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
};
