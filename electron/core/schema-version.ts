import type { CoreContext } from './context.ts';

/** Number of migrations applied to the open database. */
export function schemaVersion(ctx: CoreContext): number {
  return (ctx.database.sqlite.prepare('SELECT count(*) AS n FROM __qkl_migrations').get() as { n: number }).n;
}
