import type { CoreContext } from './context.ts';
import { sql, value } from './data/query.ts';

/** Number of migrations applied to the open database. */
export function schemaVersion(ctx: CoreContext): number {
  return value(ctx.database.sqlite, sql<number>`SELECT count(*) AS n FROM __qkl_migrations`) ?? 0;
}
