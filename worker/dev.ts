/**
 * The Workers entry of `npm run dev` and the workerd tests (APP_ENV=local): the deployed entry
 * plus the local mail outbox and the same demo data as `npm start`, seeded before the first
 * request. Never deployed: wrangler.toml's `main` is worker/index.ts.
 */
import { seedDemoData } from '../db/demo/seed';
import { devOutboxRoutes } from './site/dev-outbox';
import { workersHandler } from './workers-handler';

export default workersHandler({ localTools: devOutboxRoutes, seed: seedDemoData });
