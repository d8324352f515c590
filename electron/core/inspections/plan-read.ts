import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { RiskLevel } from '../../api/schemas/risk.ts';
import type { PlanDetail, PlanState, PlanSummary, PlanType, TeamMember } from '../../api/schemas/inspections.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { getIdentity } from '../node/node-service.ts';
import { resolveChecklist } from './checklists.ts';
import { parseJson } from './office.ts';
import { teamWarnings, withEnforcementNumbers } from './team.ts';

// Reading plans: the list with each plan's visits counted, and one plan with the units
// it fixed and where each stands. Any node reads; only the owner gets actions.

export interface PlanRow {
  id: string;
  originNode: string;
  version: number;
  districtId: string;
  districtName: string;
  title: string;
  type: PlanType;
  periodStart: string;
  periodEnd: string;
  scopeKind: 'block' | 'units' | 'equipment_kind' | 'risk_level';
  scopeBlockId: string | null;
  scopeBlockName: string | null;
  scopeUnitIds: string;
  scopeEquipmentKind: string | null;
  scopeRiskLevels: string | null;
  checklistKey: string;
  checklistVersion: number;
  team: string;
  state: PlanState;
  notes: string | null;
  recordsDraft: number;
  recordsFinal: number;
}

const SELECT = `SELECT p.id, p.origin_node AS originNode, p.version, p.district_id AS districtId, d.name AS districtName, p.title, p.type,
  p.period_start AS periodStart, p.period_end AS periodEnd, p.scope_kind AS scopeKind, p.scope_block_id AS scopeBlockId, b.name AS scopeBlockName,
  p.scope_unit_ids AS scopeUnitIds, p.scope_equipment_kind AS scopeEquipmentKind, p.scope_risk_levels AS scopeRiskLevels, p.checklist_key AS checklistKey, p.checklist_version AS checklistVersion,
  p.team, p.state, p.notes,
  (SELECT count(*) FROM inspection_records r WHERE r.plan_id = p.id AND r.deleted_at IS NULL AND r.state = 'draft') AS recordsDraft,
  (SELECT count(*) FROM inspection_records r WHERE r.plan_id = p.id AND r.deleted_at IS NULL AND r.state = 'final') AS recordsFinal
  FROM inspection_plans p JOIN districts d ON d.id = p.district_id LEFT JOIN blocks b ON b.id = p.scope_block_id`;

export function toPlanSummary(sqlite: Database.Database, row: PlanRow, self: string | null): PlanSummary {
  const team = withEnforcementNumbers(sqlite, parseJson<TeamMember[]>(row.team, []));
  const { scopeUnitIds, scopeRiskLevels, ...rest } = row;
  const open = row.state === 'draft' || row.state === 'active';
  return { ...rest, scopeRiskLevels: scopeRiskLevels === null ? null : parseJson<RiskLevel[]>(scopeRiskLevels, []), team, unitCount: parseJson<string[]>(scopeUnitIds, []).length, warnings: open ? teamWarnings(sqlite, team) : [], mine: row.originNode === self };
}

export function loadPlanRow(ctx: CoreContext, id: string): PlanRow {
  const row = get(ctx.database.sqlite, sql<PlanRow>`${sqlRaw(SELECT)} WHERE p.id = ${id} AND p.deleted_at IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '该检查计划不存在或已被删除，请刷新列表。');
  return row;
}

export function listPlans(ctx: CoreContext, input: ParsedInput<'inspections.listPlans'>): PlanSummary[] {
  const self = getIdentity(ctx)?.id ?? null;
  const filters = sqlRaw('(@district IS NULL OR p.district_id = @district) AND (@state IS NULL OR p.state = @state)', [], { district: input.districtId ?? null, state: input.state ?? null });
  const rows = all(
    ctx.database.sqlite,
    sql<PlanRow>`${sqlRaw(SELECT)} WHERE p.deleted_at IS NULL AND ${filters}
       ORDER BY p.state IN ('done', 'cancelled'), p.period_start DESC, p.id DESC`,
  );
  return rows.map((r) => toPlanSummary(ctx.database.sqlite, r, self));
}

function actionsOf(row: PlanRow, mine: boolean): PlanDetail['actions'] {
  if (!mine) return [];
  if (row.state === 'draft') return ['edit', 'activate', 'cancel'];
  if (row.state === 'active') return row.recordsFinal > 0 ? ['edit', 'record', 'finish'] : ['edit', 'record', 'finish', 'cancel'];
  return [];
}

export function getPlan(ctx: CoreContext, id: string): PlanDetail {
  const self = getIdentity(ctx)?.id ?? null;
  const row = loadPlanRow(ctx, id);
  const summary = toPlanSummary(ctx.database.sqlite, row, self);
  const units = all(
    ctx.database.sqlite,
    sql<PlanDetail['units'][number]>`SELECT u.id, u.name, u.address,
         (SELECT r.id FROM inspection_records r WHERE r.plan_id = ${id} AND r.unit_id = u.id AND r.deleted_at IS NULL ORDER BY r.created_at DESC LIMIT 1) AS recordId,
         (SELECT r.state FROM inspection_records r WHERE r.plan_id = ${id} AND r.unit_id = u.id AND r.deleted_at IS NULL ORDER BY r.created_at DESC LIMIT 1) AS recordState
       FROM units u WHERE u.id IN (SELECT value FROM json_each(${row.scopeUnitIds})) ORDER BY u.name_sort, u.id`,
  );
  let checklistName: string;
  try {
    checklistName = resolveChecklist(ctx, row.originNode, row.checklistKey, row.checklistVersion).name;
  } catch {
    // an office's own list not (yet) received: the plan still reads
    checklistName = `${row.checklistKey} v${row.checklistVersion}`;
  }
  return { ...summary, checklistName, units, actions: actionsOf(row, summary.mine) };
}
