import type { z } from 'zod';
import type { ParsedInput } from '../../api/contract.ts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import { districtTargets, units } from '../../../db/schema/index.ts';
import type { DistrictTarget, PilotCandidate } from '../../api/schemas/steering.ts';
import { unitAcceptanceStates } from '../acceptance/accepted-units.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { likePattern } from '../registry/status-sql.ts';
import { activeDistricts, districtName } from './bureau.ts';
import { getSteeringSettings } from './steering-settings.ts';
import { requireIdentity } from '../node/node-service.ts';
import { all, get, sql as rowsSql } from '../data/query.ts';

// Targets per district, kept at the bureau (district_targets): the pilot unit, the
// number of 推广 units to accept after it (5–10, the seed's “再在辖区内选取5-10家”) and the
// supervisors to certify. A pilot district without its own numbers takes the
// defaults of the steering settings; another district has no target until one is set.

interface StoredTarget {
  districtId: string;
  pilotUnitId: string | null;
  pilotUnitName: string | null;
  rolloutTarget: number | null;
  supervisorsTarget: number | null;
  note: string | null;
  version: number;
}

function storedTargets(ctx: CoreContext): Map<string, StoredTarget> {
  const rows = all(ctx.database.sqlite, rowsSql<StoredTarget>`SELECT t.district_id AS districtId, t.pilot_unit_id AS pilotUnitId, u.name AS pilotUnitName, t.rollout_target AS rolloutTarget,
              t.supervisors_target AS supervisorsTarget, t.note, t.version
       FROM district_targets t LEFT JOIN units u ON u.id = t.pilot_unit_id AND u.deleted_at IS NULL`);
  return new Map(rows.map((r) => [r.districtId, r]));
}

/** Every active district's targets as in effect now (defaults applied), in the list's order. */
export function listTargets(ctx: CoreContext): DistrictTarget[] {
  const settings = getSteeringSettings(ctx);
  const stored = storedTargets(ctx);
  return activeDistricts(ctx).map((d) => {
    const own = stored.get(d.id);
    return {
      districtId: d.id,
      districtName: d.name,
      pilotDistrict: d.pilot,
      // a pilot unit deleted from the registry since it was chosen no longer counts
      pilotUnitId: own?.pilotUnitName ? own.pilotUnitId : null,
      pilotUnitName: own?.pilotUnitName ?? null,
      rolloutTarget: own?.rolloutTarget ?? (d.pilot ? settings.rolloutDefault : null),
      supervisorsTarget: own?.supervisorsTarget ?? (d.pilot ? settings.supervisorsDefault : null),
      rolloutOwn: own?.rolloutTarget ?? null,
      supervisorsOwn: own?.supervisorsTarget ?? null,
      note: own?.note ?? null,
      version: own?.version ?? 0,
    };
  });
}

export function targetOf(ctx: CoreContext, districtId: string): DistrictTarget | null {
  return listTargets(ctx).find((t) => t.districtId === districtId) ?? null;
}

export function saveTarget(ctx: CoreContext, input: ParsedInput<'steering.saveTarget'>): DistrictTarget {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    const name = districtName(ctx, input.districtId);
    const before = get(sqlite, rowsSql<Record<string, unknown>>`SELECT * FROM district_targets WHERE district_id = ${input.districtId}`);
    const version = (before?.['version'] as number | undefined) ?? 0;
    if (version !== input.version) throw new AppError('CONFLICT', `${name}的推进目标已被修改（可能在另一个窗口），请刷新后再改。`);
    if (input.pilotUnitId) {
      const unit = get(sqlite, rowsSql<Pick<typeof units.$inferSelect, 'districtId' | 'name' | 'deletedAt'>>`
        SELECT ${units.districtId} AS districtId, ${units.name}, ${units.deletedAt} AS deletedAt FROM ${units} WHERE ${units.id} = ${input.pilotUnitId}`);
      if (!unit || unit.deletedAt) throw new AppError('VALIDATION', '所选试点单位不在市局收到的台账中（可能已被分局删除），请重新选择。', { field: 'pilotUnitId' });
      if (unit.districtId !== input.districtId) throw new AppError('VALIDATION', `“${unit.name}”不属于${name}，试点单位须从本辖区的使用单位中选择。`, { field: 'pilotUnitId' });
    }
    const now = ctx.now().toISOString();
    const target = { pilotUnitId: input.pilotUnitId, rolloutTarget: input.rolloutTarget, supervisorsTarget: input.supervisorsTarget, note: input.note, updatedAt: now, updatedBy: ctx.actor };
    ctx.database.db
      .insert(districtTargets)
      .values({ districtId: input.districtId, ...target, version: 1 })
      .onConflictDoUpdate({ target: districtTargets.districtId, set: { ...target, version: sql`${districtTargets.version} + 1` } })
      .run();
    const after = sqlite.prepare('SELECT * FROM district_targets WHERE district_id = ?').get(input.districtId);
    appendAudit(ctx, { nodeId: identity.id, call: 'steering.saveTarget', table: 'district_targets', rowIds: [input.districtId], before, after });
  })();
  return targetOf(ctx, input.districtId) ?? (() => {
    throw new AppError('NOT_FOUND', '该分局已停用，不在推进看板中。');
  })();
}

/** The district's units the bureau holds, most pieces in use first, for choosing the pilot unit. */
export function pilotCandidates(ctx: CoreContext, input: ParsedInput<'steering.pilotCandidates'>): Array<z.infer<typeof PilotCandidate>> {
  districtName(ctx, input.districtId);
  const search = input.search ? likePattern(input.search) : null;
  const rows = all(ctx.database.sqlite, rowsSql<Omit<z.infer<typeof PilotCandidate>, 'acceptanceState'>>`SELECT u.id AS unitId, u.name, u.uscc,
              (SELECT count(*) FROM equipment e WHERE e.unit_id = u.id AND e.deleted_at IS NULL AND e.status = 'in_use') AS equipmentInUse
       FROM units u WHERE u.district_id = ${input.districtId} AND u.deleted_at IS NULL
         AND (${search} IS NULL OR u.name LIKE ${search} ESCAPE '\\' OR u.uscc LIKE ${search} ESCAPE '\\')
       ORDER BY equipmentInUse DESC, u.name LIMIT 200`);
  const states = unitAcceptanceStates(ctx, rows.map((r) => r.unitId));
  return rows.map((r) => ({ ...r, acceptanceState: states.get(r.unitId) ?? null }));
}
