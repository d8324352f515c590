import { AppError } from '../../api/errors.ts';
import type { PlanOptions, Scope } from '../../api/schemas/inspections.ts';
import type { RiskLevel } from '../../api/schemas/risk.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import { ensureRiskFresh } from '../risk/refresh.ts';
import { levelLabels } from '../risk/score.ts';
import type { CoreContext } from '../context.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { blocks } from '../../../db/schema/index.ts';
import { all, sql, sqlRaw } from '../data/query.ts';
import type { DistrictIdentity } from '../node/node-service.ts';
import { inspectorCandidates, supervisorCandidates } from './team.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// 检查范围: a block (its members at the time the plan is made), a list of units, a
// kind of equipment (the district's units with pieces of that kind in use), or the
// district's units at chosen risk levels (风险分级, highest score first). The plan
// keeps the units it resolved to, so a later change of the block or the ledger does
// not move a plan that is under way.

export interface ScopeUnit {
  id: string;
  name: string;
  address: string | null;
}

const UNIT_COLUMNS = sqlRaw('u.id, u.name, u.address');
const ORDER = sqlRaw('ORDER BY u.name_sort, u.id');

export function resolveScope(ctx: CoreContext, identity: DistrictIdentity, scope: Scope): ScopeUnit[] {
  const { sqlite } = ctx.database;
  if (scope.kind === 'block') {
    const block = ctx.database.db
      .select({ name: blocks.name, originNode: blocks.originNode, dissolvedAt: blocks.dissolvedAt })
      .from(blocks)
      .where(and(eq(blocks.id, scope.blockId), isNull(blocks.deletedAt)))
      .get();
    if (!block || block.originNode !== identity.id) throw new AppError('NOT_FOUND', '所选小组不存在或不属于本分局，请重新选择。', { field: 'scope' });
    if (block.dissolvedAt) throw new AppError('VALIDATION', `小组“${block.name}”已解散，请选择其他小组。`, { field: 'scope' });
    return all(
      sqlite,
      sql<ScopeUnit>`SELECT ${UNIT_COLUMNS} FROM block_members m JOIN units u ON u.id = m.unit_id
         WHERE m.block_id = ${scope.blockId} AND m.left_at IS NULL AND m.deleted_at IS NULL AND u.deleted_at IS NULL ${ORDER}`,
    );
  }
  if (scope.kind === 'units') {
    const ids = [...new Set(scope.unitIds)];
    const rows = all(
      sqlite,
      sql<ScopeUnit & { districtId: string }>`SELECT ${UNIT_COLUMNS}, u.district_id AS districtId FROM units u WHERE u.id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND u.deleted_at IS NULL ${ORDER}`,
    );
    if (rows.length !== ids.length) throw new AppError('NOT_FOUND', `所选单位中有 ${ids.length - rows.length} 家已不存在，请刷新后重选。`, { field: 'scope' });
    const outside = rows.find((r) => r.districtId !== identity.districtId);
    if (outside) throw new AppError('FORBIDDEN', `“${outside.name}”不在本辖区，只能检查本辖区的使用单位。`, { field: 'scope' });
    return rows.map(({ districtId: _d, ...u }) => u);
  }
  if (scope.kind === 'risk_level') {
    ensureRiskFresh(ctx);
    return all(
      sqlite,
      sql<ScopeUnit>`SELECT ${UNIT_COLUMNS} FROM unit_risk r JOIN units u ON u.id = r.unit_id
         WHERE u.district_id = ${identity.districtId} AND u.deleted_at IS NULL AND r.level IN (SELECT value FROM json_each(${JSON.stringify(scope.levels)})) ORDER BY r.score DESC, u.name, u.id`,
    );
  }
  const kind = loadCatalogue().get(scope.equipmentKind);
  if (kind?.level !== 'kind') throw new AppError('VALIDATION', `${scope.equipmentKind} 不是目录中的设备种类，请重新选择。`, { field: 'scope' });
  return all(
    sqlite,
    sql<ScopeUnit>`SELECT ${UNIT_COLUMNS} FROM units u WHERE u.district_id = ${identity.districtId} AND u.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM equipment e WHERE e.unit_id = u.id AND e.status = 'in_use' AND e.kind_code = ${scope.equipmentKind} AND e.deleted_at IS NULL) ${ORDER}`,
  );
}

/** The scope's units, refused when there are none (a plan must inspect someone). */
export function scopeUnits(ctx: CoreContext, identity: DistrictIdentity, scope: Scope): ScopeUnit[] {
  const units = resolveScope(ctx, identity, scope);
  if (units.length === 0) {
    const why =
      scope.kind === 'block'
        ? '该小组目前没有成员单位'
        : scope.kind === 'risk_level'
          ? `本辖区目前没有风险等级为${scope.levels.map((l) => levelLabels[l]).join('、')}的使用单位`
          : `本辖区没有在用${loadCatalogue().get(scope.kind === 'equipment_kind' ? scope.equipmentKind : '')?.name ?? ''}设备的使用单位`;
    throw new AppError('VALIDATION', `检查范围内没有使用单位：${why}。请选择其他范围。`, { field: 'scope' });
  }
  return units;
}

export function planOptions(ctx: CoreContext): PlanOptions {
  const identity = requireDistrictIdentity(ctx);
  const { sqlite } = ctx.database;
  const ownBlocks = all(
    sqlite,
    sql<PlanOptions['blocks'][number]>`SELECT b.id, b.name, (SELECT count(*) FROM block_members m WHERE m.block_id = b.id AND m.left_at IS NULL AND m.deleted_at IS NULL) AS members
       FROM blocks b WHERE b.origin_node = ${identity.id} AND b.dissolved_at IS NULL AND b.deleted_at IS NULL ORDER BY b.name, b.id`,
  );
  const counts = all(
    sqlite,
    sql<{ code: string; units: number }>`SELECT e.kind_code AS code, count(DISTINCT e.unit_id) AS units FROM equipment e JOIN units u ON u.id = e.unit_id
       WHERE u.district_id = ${identity.districtId} AND u.deleted_at IS NULL AND e.status = 'in_use' AND e.deleted_at IS NULL AND e.kind_code IS NOT NULL GROUP BY e.kind_code`,
  );
  const byKind = new Map(counts.map((c) => [c.code, c.units]));
  const kinds = loadCatalogue()
    .kinds()
    .map((k) => ({ code: k.code, name: k.name, units: byKind.get(k.code) ?? 0 }));
  ensureRiskFresh(ctx);
  const riskCounts = { high: 0, elevated: 0, general: 0, low: 0 };
  const levels = all(sqlite, sql<{ level: RiskLevel; n: number }>`SELECT level, count(*) AS n FROM unit_risk WHERE district_id = ${identity.districtId} GROUP BY level`);
  for (const r of levels) {
    riskCounts[r.level] = r.n;
  }
  return { blocks: ownBlocks, kinds, inspectors: inspectorCandidates(ctx, identity), supervisors: supervisorCandidates(ctx, identity), riskCounts };
}
