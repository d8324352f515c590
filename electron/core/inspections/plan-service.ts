import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { PlanDetail, Scope } from '../../api/schemas/inspections.ts';
import { riskLevels } from '../../api/schemas/risk.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import type { DistrictIdentity } from '../node/node-service.ts';
import { resolveChecklist } from './checklists.ts';
import { planRows } from './inspection-rows.ts';
import { checkOwn, parseJson } from './office.ts';
import { getPlan, loadPlanRow, type PlanRow } from './plan-read.ts';
import { scopeUnits } from './scope.ts';
import { checkTeam } from './team.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// Changes to plans, one transaction each: 草稿 → 进行中 → 已完成, or 已取消 before any
// record is final. The scope resolves to units when it is set; it and the checklist
// are fixed once a visit has been recorded.

type PlanFields = ParsedInput<'inspections.createPlan'>;

const stateLabels = { draft: '草稿', active: '进行中', done: '已完成', cancelled: '已取消' } as const;

function checkPeriod(input: { periodStart: string; periodEnd: string }): void {
  if (input.periodEnd < input.periodStart) throw new AppError('VALIDATION', '检查期间的结束日期不能早于开始日期。', { field: 'periodEnd' });
}

function scopeColumns(ctx: CoreContext, identity: DistrictIdentity, scope: Scope) {
  const unitIds = scopeUnits(ctx, identity, scope).map((u) => u.id);
  return {
    scopeKind: scope.kind,
    scopeBlockId: scope.kind === 'block' ? scope.blockId : null,
    scopeEquipmentKind: scope.kind === 'equipment_kind' ? scope.equipmentKind : null,
    scopeRiskLevels: scope.kind === 'risk_level' ? JSON.stringify(riskLevels.filter((l) => scope.levels.includes(l))) : null,
    scopeUnitIds: JSON.stringify(unitIds),
  };
}

function sameScope(row: PlanRow, scope: Scope): boolean {
  if (row.scopeKind !== scope.kind) return false;
  if (scope.kind === 'block') return row.scopeBlockId === scope.blockId;
  if (scope.kind === 'equipment_kind') return row.scopeEquipmentKind === scope.equipmentKind;
  if (scope.kind === 'risk_level') {
    const stored = new Set(parseJson<string[]>(row.scopeRiskLevels, []));
    return stored.size === new Set(scope.levels).size && scope.levels.every((l) => stored.has(l));
  }
  const stored = new Set(parseJson<string[]>(row.scopeUnitIds, []));
  const asked = new Set(scope.unitIds);
  return stored.size === asked.size && [...asked].every((id) => stored.has(id));
}

export function createPlan(ctx: CoreContext, input: PlanFields): PlanDetail {
  const identity = requireDistrictIdentity(ctx);
  checkPeriod(input);
  const w = beginWrite(ctx, identity, 'inspections.createPlan');
  const id = inTransaction(w, () => {
    resolveChecklist(ctx, identity.id, input.checklistKey, input.checklistVersion);
    const team = checkTeam(ctx, identity, input.team);
    const scope = scopeColumns(ctx, identity, input.scope);
    const { title, type, periodStart, periodEnd, checklistKey, checklistVersion, notes } = input;
    const values = { districtId: identity.districtId, title, type, periodStart, periodEnd, ...scope, checklistKey, checklistVersion, team: JSON.stringify(team), state: 'draft', notes };
    return planRows.insert(w, values, { audit: { after: { ...input, team, ...scope, scope: undefined } } }).id;
  });
  return getPlan(ctx, id);
}

export function updatePlan(ctx: CoreContext, input: ParsedInput<'inspections.updatePlan'>): PlanDetail {
  const identity = requireDistrictIdentity(ctx);
  checkPeriod(input);
  const w = beginWrite(ctx, identity, 'inspections.updatePlan');
  inTransaction(w, () => {
    const before = loadPlanRow(ctx, input.id);
    checkOwn(identity, before, input.version, '检查计划');
    if (before.state !== 'draft' && before.state !== 'active') throw new AppError('CONFLICT', `检查计划${stateLabels[before.state]}，不能再修改。`);
    const visited = before.recordsDraft + before.recordsFinal > 0;
    const checklistChanged = before.checklistKey !== input.checklistKey || before.checklistVersion !== input.checklistVersion;
    const scopeChanged = !sameScope(before, input.scope);
    if (visited && (checklistChanged || scopeChanged)) {
      throw new AppError('VALIDATION', '该计划已有检查记录，检查范围和检查表不能再改。如需调整，请另行制定计划。', { field: checklistChanged ? 'checklistKey' : 'scope' });
    }
    if (checklistChanged) resolveChecklist(ctx, identity.id, input.checklistKey, input.checklistVersion);
    const team = checkTeam(ctx, identity, input.team);
    // an unchanged scope keeps the units it fixed (a block's members when the plan was made)
    const scope = scopeChanged
      ? scopeColumns(ctx, identity, input.scope)
      : { scopeKind: before.scopeKind, scopeBlockId: before.scopeBlockId, scopeEquipmentKind: before.scopeEquipmentKind, scopeRiskLevels: before.scopeRiskLevels, scopeUnitIds: before.scopeUnitIds };
    const { title, type, periodStart, periodEnd, checklistKey, checklistVersion, notes } = input;
    const change = { title, type, periodStart, periodEnd, ...scope, checklistKey, checklistVersion, team: JSON.stringify(team), notes };
    const { recordsDraft: _d, recordsFinal: _f, districtName: _n, scopeBlockName: _b, ...stored } = before;
    planRows.update(w, before, change, { before: stored, after: { ...input, team, ...scope, scope: undefined } });
  });
  return getPlan(ctx, input.id);
}

export function setPlanState(ctx: CoreContext, input: ParsedInput<'inspections.setPlanState'>): PlanDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'inspections.setPlanState');
  inTransaction(w, () => {
    const before = loadPlanRow(ctx, input.id);
    checkOwn(identity, before, input.version, '检查计划');
    const to = input.state;
    const from = before.state;
    const allowed = (to === 'active' && from === 'draft') || (to === 'done' && from === 'active') || (to === 'cancelled' && (from === 'draft' || from === 'active'));
    if (!allowed) throw new AppError('CONFLICT', `检查计划当前为“${stateLabels[from]}”，不能改为“${stateLabels[to]}”。`);
    if (to === 'done' && before.recordsDraft > 0) throw new AppError('VALIDATION', `还有 ${before.recordsDraft} 份检查记录未定稿，请定稿后再完成计划。`);
    if (to === 'cancelled' && before.recordsFinal > 0) throw new AppError('VALIDATION', `已有 ${before.recordsFinal} 份定稿的检查记录，计划不能取消，请完成计划。`);
    planRows.update(w, before, { state: to }, { before: { state: from }, after: { state: to } });
  });
  return getPlan(ctx, input.id);
}
