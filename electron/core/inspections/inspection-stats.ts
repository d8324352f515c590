import type { PlanType } from '../../api/schemas/inspections.ts';
import type { InspectionStats } from '../../api/schemas/supervision-orders.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { today } from './office.ts';
import { ORDER_OVERDUE_SQL } from './order-read.ts';
import { MIN_TEAM, qualifiedInspectorsSql } from './team.ts';

// The inspection figures of a district (or the whole city at the bureau) for the home
// dashboard: plans under way, visits recorded (final) this month and in all, by plan
// type, orders still owed and past their deadline, and teams with fewer than two
// inspectors holding an enforcement card (team.ts).

const planTypes: PlanType[] = ['routine', 'special', 'post_cert', 'other'];

export function inspectionStats(ctx: CoreContext, input: { districtId?: string | undefined }): InspectionStats {
  const { sqlite } = ctx.database;
  const day = today(ctx);
  // the queries and their shared parts name their parameters (@district, @month, @today, @min): the district filter carries them
  const params = { district: input.districtId ?? null, month: `${day.slice(0, 7)}-%`, today: day, min: MIN_TEAM };
  const inDistrict = (column: string) => sqlRaw(`(@district IS NULL OR ${column} = @district)`, [], params);
  // aggregates without GROUP BY: each always gives its one row
  const plans = get(
    sqlite,
    sql<{ active: number; small: number }>`SELECT coalesce(sum(p.state = 'active'), 0) AS active,
         coalesce(sum(p.state IN ('draft', 'active') AND ${sqlRaw(qualifiedInspectorsSql('p.team'))} < @min), 0) AS small
       FROM inspection_plans p WHERE p.deleted_at IS NULL AND ${inDistrict('p.district_id')}`,
  )!;
  const records = get(
    sqlite,
    sql<{ month: number; total: number; small: number }>`SELECT coalesce(sum(r.state = 'final' AND r.inspected_on LIKE @month), 0) AS month, coalesce(sum(r.state = 'final'), 0) AS total,
         coalesce(sum(p.state != 'cancelled' AND ${sqlRaw(qualifiedInspectorsSql('r.team'))} < @min), 0) AS small
       FROM inspection_records r JOIN inspection_plans p ON p.id = r.plan_id WHERE r.deleted_at IS NULL AND ${inDistrict('r.district_id')}`,
  )!;
  const typeRows = all(
    sqlite,
    sql<{ type: PlanType; plans: number; records: number }>`SELECT p.type, count(*) AS plans,
         (SELECT count(*) FROM inspection_records r WHERE r.deleted_at IS NULL AND r.state = 'final' AND r.plan_id IN
            (SELECT q.id FROM inspection_plans q WHERE q.type = p.type AND q.deleted_at IS NULL AND ${inDistrict('q.district_id')})) AS records
       FROM inspection_plans p WHERE p.deleted_at IS NULL AND p.state != 'cancelled' AND ${inDistrict('p.district_id')} GROUP BY p.type`,
  );
  const byType = new Map(typeRows.map((r) => [r.type, r]));
  const orders = get(
    sqlite,
    sql<{ open: number; overdue: number }>`SELECT coalesce(sum(o.state = 'issued'), 0) AS open, coalesce(sum(${sqlRaw(ORDER_OVERDUE_SQL)}), 0) AS overdue
       FROM supervision_orders o WHERE o.deleted_at IS NULL AND ${inDistrict('o.district_id')}`,
  )!;
  return {
    plansActive: plans.active,
    recordsThisMonth: records.month,
    recordsTotal: records.total,
    byType: planTypes.map((type) => ({ type, plans: byType.get(type)?.plans ?? 0, records: byType.get(type)?.records ?? 0 })),
    ordersOpen: orders.open,
    ordersOverdue: orders.overdue,
    smallTeamPlans: plans.small,
    smallTeamRecords: records.small,
  };
}
