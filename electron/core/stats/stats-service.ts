import { count, isNull } from 'drizzle-orm';
import { districts, equipment, safetyManagers, units } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';

type Counted = typeof units | typeof equipment | typeof safetyManagers | typeof districts;

/** Live (not tombstoned) row counts, read from the database each time. */
export function getStats(ctx: CoreContext): { units: number; equipment: number; managers: number; districts: number } {
  const { db } = ctx.database;
  const live = (table: Counted) => db.select({ n: count() }).from(table).where(isNull(table.deletedAt)).get()?.n ?? 0;
  return { units: live(units), equipment: live(equipment), managers: live(safetyManagers), districts: live(districts) };
}
