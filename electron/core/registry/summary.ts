import type { CoreContext } from '../context.ts';
import { listScope, scopeCondition } from '../lists/list-scope.ts';
import { listedUnitIdsSql } from '../lists/two-lists.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { addDays, resolveAsOf } from './as-of.ts';
import { certificateSql, inspectionSql, validACertificateSql } from './status-sql.ts';

// The home page's "what needs my attention" numbers. Scoped like the two lists
// (this node's district, the whole city on the bureau) so list1Units here is
// always the length of lists.get's list 1 on the same date.
export function registrySummary(ctx: CoreContext, input: { asOf?: string }) {
  const asOf = resolveAsOf(ctx, input.asOf);
  const settings = getRegistrySettings(ctx);
  const scope = listScope(ctx);
  const dueLimit = addDays(asOf, settings.dueSoonDays);
  const { sqlite } = ctx.database;
  const inDistrict = scope.districtId ? 'AND u.district_id = ?' : '';
  const districtParams = scope.districtId ? [scope.districtId] : [];

  const units = sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM units u WHERE u.deleted_at IS NULL ${inDistrict}`).get(...districtParams)?.n ?? 0;

  const parts = (['ok', 'due', 'overdue', 'unknown'] as const).map((s) => inspectionSql(s, asOf, dueLimit, 'd.next_inspection_date'));
  const inScope = scopeCondition(ctx, scope, 'd');
  // The whole node (the usual case: an office holds only its district, the bureau the city):
  // equipment_in_use_dates, kept by triggers, has the 在用 pieces per date, a few thousand
  // rows. A district node that also holds other districts' units counts its own pieces.
  type Counts = { inUse: number; s0: number; s1: number; s2: number; s3: number };
  const inspection =
    (inScope.sql
      ? sqlite
          .prepare<unknown[], Counts>(
            `SELECT count(*) AS inUse, ${parts.map((p, i) => `ifnull(sum(${p.sql}), 0) AS s${i}`).join(', ')}
             FROM equipment d WHERE d.deleted_at IS NULL AND d.status = 'in_use' ${inScope.sql}`,
          )
          .get(...parts.flatMap((p) => p.params), ...inScope.params)
      : sqlite
          .prepare<unknown[], Counts>(
            `SELECT ifnull(sum(d.n), 0) AS inUse, ${parts.map((p, i) => `ifnull(sum(d.n * (${p.sql})), 0) AS s${i}`).join(', ')}
             FROM equipment_in_use_dates d WHERE d.n > 0`,
          )
          .get(...parts.flatMap((p) => p.params))) ?? { inUse: 0, s0: 0, s1: 0, s2: 0, s3: 0 };

  // list 1's length and list 2's managers in one statement over the kept counts, the listed
  // units materialised once (no unit rows, names or sort: the home page shows two numbers)
  const listed = listedUnitIdsSql(ctx, settings, scope);
  const valid = validACertificateSql(asOf);
  const lists = sqlite
    .prepare<unknown[], { units: number; managers: number }>(
      `WITH listed(unit_id) AS MATERIALIZED (${listed.sql})
       SELECT (SELECT count(*) FROM listed) AS units,
              (SELECT count(*) FROM safety_managers m WHERE m.unit_id IN (SELECT unit_id FROM listed) AND ${valid.sql}) AS managers`,
    )
    .get(...listed.params, ...valid.params) ?? { units: 0, managers: 0 };

  const expiring = certificateSql('expiring', asOf, addDays(asOf, settings.certificateExpiringDays));
  const managersExpiringSoon =
    sqlite
      .prepare<unknown[], { n: number }>(
        `SELECT count(*) AS n FROM safety_managers m JOIN units u ON u.id = m.unit_id
         WHERE m.deleted_at IS NULL AND u.deleted_at IS NULL AND ${expiring.sql} ${inDistrict}`,
      )
      .get(...expiring.params, ...districtParams)?.n ?? 0;

  return {
    asOf,
    units,
    equipmentInUse: inspection.inUse,
    inspection: { ok: inspection.s0, due: inspection.s1, overdue: inspection.s2, unknown: inspection.s3 },
    list1Units: lists.units,
    list2Managers: lists.managers,
    managersExpiringSoon,
  };
}

