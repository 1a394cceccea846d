import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { eventRoutes } from './public';
import { eventFeedRoutes } from './feeds';
import { eventEmbedRoutes } from './embed';
import { moderationEventRoutes } from './moderation';
import { organizerEventRoutes } from './organize';

/**
 * Every events route, mounted by app.tsx in one line. It is mounted before the /organize hub:
 * /organize/:organizer/events.ics is a public feed (calendar apps cannot sign in), answered here
 * before the hub's sign-in guard for /organize/* runs.
 */
export const eventsArea = new Hono<AppEnv>()
  .route('/', eventFeedRoutes)
  .route('/', eventEmbedRoutes)
  .route('/', eventRoutes)
  .route('/', organizerEventRoutes)
  .route('/', moderationEventRoutes);
