import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { requireAccess, type SignedInEnv } from '../http/require-access';
import { privatePages } from './access';
import { charterRoutes } from './charter';
import { checkInListNotices, checkInRoutes, checkInSlot } from './check-ins';
import { circleHomeSlots, circleRoutes } from './circles';
import { invitationRoutes } from './invitations';
import { memberRoutes } from './members';
import { needRoutes } from './needs';
import { noteRoutes } from './notes';

/**
 * Every care circles route, mounted by app.tsx in one line. Every /circles address is private
 * (no-store, noindex) and asks a visitor to sign in first; inside, each route asks the person's
 * place in the circle (./access.tsx).
 */
export const circlesArea = new Hono<AppEnv>()
  .use('/circles', privatePages, requireAccess('account:use'))
  .use('/circles/*', privatePages, requireAccess('account:use'))
  .route('/', invitationRoutes)
  .route('/', circleRoutes)
  .route('/', charterRoutes)
  .route('/', memberRoutes)
  .route('/', needRoutes)
  .route('/', noteRoutes)
  .route('/', checkInRoutes);

// The check-ins part of the circles area fills its slots of the home page and of /circles.
circleHomeSlots.checkIn = (c, circle) => checkInSlot(c, circle);
circleHomeSlots.listNotices = checkInListNotices;

export type { SignedInEnv };
