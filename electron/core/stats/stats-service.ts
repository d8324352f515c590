import { count, isNull } from 'drizzle-orm';
import { districts, equipment, safetyManagers, units } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';

const counted = { units, equipment, managers: safetyManagers, districts } as const;

/** Live (not tombstoned) row counts, read from the database each time. */
export function getStats(ctx: CoreContext): Record<keyof typeof counted, number> {
  const { db } = ctx.database;
  const live = (table: (typeof counted)[keyof typeof counted]) => db.select({ n: count() }).from(table).where(isNull(table.deletedAt)).get()?.n ?? 0;
  return { units: live(units), equipment: live(equipment), managers: live(safetyManagers), districts: live(districts) };
}
