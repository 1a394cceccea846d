import { drizzle } from 'drizzle-orm/d1';
import type { Database } from './database';
import * as schema from '../schema';

/** The drizzle handle over a D1 binding. Migrations are applied by wrangler, not here. */
export const openD1Database = (binding: D1Database): Database => drizzle(binding, { schema });
