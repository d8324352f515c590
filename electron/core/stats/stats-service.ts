import type { CoreContext } from '../context.ts';

const counted = { units: 'units', equipment: 'equipment', managers: 'safety_managers', districts: 'districts' } as const;

/** Live (not tombstoned) row counts, read from the database each time. */
export function getStats(ctx: CoreContext): Record<keyof typeof counted, number> {
  const { sqlite } = ctx.database;
  const entries = Object.entries(counted).map(([key, table]) => {
    const { n } = sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number };
    return [key, n] as const;
  });
  return Object.fromEntries(entries) as Record<keyof typeof counted, number>;
}
