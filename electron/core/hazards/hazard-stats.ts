import { HazardState, type HazardStats } from '../../api/schemas/hazards.ts';
import { calendarFor } from '../calendar/calendar.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { OVERDUE_SQL, today } from './hazard-read.ts';

// The closure figures of a district (or the whole city at the bureau): open, overdue,
// closure rate, and the average time from 发现 to 闭环销号 in calendar and in working days.

const round1 = (n: number) => Math.round(n * 10) / 10;

export function hazardStats(ctx: CoreContext, input: { districtId?: string | undefined }): HazardStats {
  const { sqlite } = ctx.database;
  // the district (or the whole city) and the day overdue is counted against, as named parameters
  const scope = sqlRaw('h.deleted_at IS NULL AND (@districtId IS NULL OR h.district_id = @districtId)', [], { today: today(ctx), districtId: input.districtId ?? null });
  const overdue = sqlRaw(OVERDUE_SQL);
  // an aggregate without GROUP BY always gives its one row
  const counts = get(
    sqlite,
    sql<{ total: number; open: number; overdue: number; escalated: number; closed: number }>`SELECT count(*) AS total,
         coalesce(sum(h.state NOT IN ('closed', 'archived')), 0) AS open,
         coalesce(sum(${overdue}), 0) AS overdue,
         coalesce(sum(h.escalated = 1 AND h.state NOT IN ('closed', 'archived')), 0) AS escalated,
         coalesce(sum(h.state IN ('closed', 'archived')), 0) AS closed
       FROM hazards h WHERE ${scope}`,
  )!;
  const closings = all(sqlite, sql<{ foundOn: string; closedOn: string }>`SELECT h.found_on AS foundOn, h.closed_on AS closedOn FROM hazards h WHERE ${scope} AND h.closed_on IS NOT NULL`);
  const calendar = calendarFor(ctx);
  const days = closings.map((c) => (Date.parse(`${c.closedOn}T00:00:00Z`) - Date.parse(`${c.foundOn}T00:00:00Z`)) / 86_400_000);
  const working = closings.map((c) => calendar.workingDaysBetween(c.foundOn, c.closedOn));
  const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  const byBlock = all(
    sqlite,
    sql<HazardStats['byBlock'][number]>`SELECT h.block_id AS blockId, b.name AS blockName, count(*) AS open, coalesce(sum(${overdue}), 0) AS overdue
       FROM hazards h LEFT JOIN blocks b ON b.id = h.block_id WHERE ${scope} AND h.state NOT IN ('closed', 'archived')
       GROUP BY h.block_id ORDER BY overdue DESC, open DESC, b.name`,
  );
  const stateCounts = new Map(
    all(sqlite, sql<{ state: HazardState; n: number }>`SELECT h.state AS state, count(*) AS n FROM hazards h WHERE ${scope} GROUP BY h.state`).map((r) => [r.state, r.n]),
  );
  const byDistrict = all(
    sqlite,
    sql<HazardStats['byDistrict'][number]>`SELECT h.district_id AS districtId, coalesce(d.name, h.district_id) AS districtName, count(*) AS total,
         coalesce(sum(h.state NOT IN ('closed', 'archived')), 0) AS open, coalesce(sum(${overdue}), 0) AS overdue,
         coalesce(sum(h.state IN ('closed', 'archived')), 0) AS closed
       FROM hazards h LEFT JOIN districts d ON d.id = h.district_id WHERE ${scope}
       GROUP BY h.district_id ORDER BY overdue DESC, open DESC, districtName`,
  );
  return {
    ...counts,
    closureRate: counts.total ? Math.round((counts.closed / counts.total) * 1000) / 1000 : null,
    averageClosingDays: mean(days),
    averageClosingWorkingDays: mean(working),
    byBlock,
    byState: HazardState.options.map((state) => ({ state, count: stateCounts.get(state) ?? 0 })),
    byDistrict,
  };
}
