import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { campaignSignatureRoutes } from './signatures';
import { campaignRoutes } from './public';
import { campaignFeedRoutes } from './feeds';
import { campaignEmbedRoutes } from './embed';
import { organizeCampaignRoutes } from './organize';
import { campaignModerationRoutes } from './moderation';

/** Everything of the campaigns area, mounted by app.tsx in one line. */
export const campaignsArea = new Hono<AppEnv>()
  .route('/', campaignSignatureRoutes)
  .route('/', campaignFeedRoutes)
  .route('/', campaignEmbedRoutes)
  .route('/', campaignRoutes)
  .route('/', organizeCampaignRoutes)
  .route('/', campaignModerationRoutes);
