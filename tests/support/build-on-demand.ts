import { buildOnDemandModules } from '../../scripts/build-on-demand';

/**
 * Vitest's global setup: the app loads its on-demand modules from worker/on-demand/built/, so
 * each test run builds them from their sources first (a fraction of a second; nothing is written
 * when they are unchanged) and never runs a stale copy.
 */
export default async function setup() {
  await buildOnDemandModules();
}
