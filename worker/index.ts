/**
 * The Workers entry that is deployed (wrangler.toml `main`): the app and the scheduled jobs,
 * without the local tools or the demo data (worker/dev.ts adds those for `npm run dev`), so
 * neither is in the production bundle. Static files never reach it: `[assets]` serves them.
 */
import { workersHandler } from './workers-handler';

export default workersHandler();
