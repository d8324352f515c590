import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { HazardAction, HazardDetail, HazardState, HazardSummary } from '../../api/schemas/hazards.ts';
import { appendAudit } from '../audit.ts';
import { calendarFor } from '../calendar/calendar.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { attachmentIds, storeStaged } from '../attachments/store.ts';
import { getHazard, loadHazard, OVERDUE_SQL, today } from './hazard-read.ts';
import { getHazardSettings } from './hazard-settings.ts';
import { editableStates, ESCALATE_AFTER_FAILURES, nextState, stateLabels, transitions } from './state.ts';

// Changes to hazards. Each call is one transaction: the checks, the row, its event
// and the audit entry commit together or not at all (evidence bytes are stored
// first, content-addressed, so a refused call leaves at most an unreferenced file).

/** A hazard this office owns, at the version the user saw. */
function loadOwn(ctx: CoreContext, identity: DistrictIdentity, id: string, version: number): HazardSummary {
  const hazard = loadHazard(ctx, id);
  if (hazard.originNode !== identity.id) throw new AppError('FORBIDDEN', '该隐患由其他节点登记，只能由登记它的分局办理。');
  if (hazard.version !== version) throw new AppError('CONFLICT', '该隐患已被修改（可能在另一窗口），请刷新后再办理。', { currentVersion: hazard.version });
  return hazard;
}

function checkUnit(ctx: CoreContext, identity: DistrictIdentity, unitId: string): void {
  const unit = ctx.database.sqlite.prepare('SELECT district_id AS districtId FROM units WHERE id = ? AND deleted_at IS NULL').get(unitId) as { districtId: string } | undefined;
  if (!unit) throw new AppError('NOT_FOUND', '所选使用单位不存在，请刷新后重选。', { field: 'unitId' });
  if (unit.districtId !== identity.districtId) throw new AppError('FORBIDDEN', '只能为本辖区的使用单位登记隐患。', { field: 'unitId' });
}

function checkEquipment(ctx: CoreContext, unitId: string, equipmentId: string | null): void {
  if (!equipmentId) return;
  const row = ctx.database.sqlite.prepare('SELECT unit_id AS unitId FROM equipment WHERE id = ? AND deleted_at IS NULL').get(equipmentId) as { unitId: string } | undefined;
  if (!row || row.unitId !== unitId) throw new AppError('VALIDATION', '所选设备不属于该使用单位，请重选。', { field: 'equipmentId' });
}

/** The unit's block today (of this office), recorded on the hazard: the block is alerted if it escalates. */
function blockOf(ctx: CoreContext, identity: DistrictIdentity, unitId: string): string | null {
  const row = ctx.database.sqlite
    .prepare(
      `SELECT m.block_id AS blockId FROM block_members m JOIN blocks b ON b.id = m.block_id
       WHERE m.unit_id = ? AND m.origin_node = ? AND m.left_at IS NULL AND m.deleted_at IS NULL AND b.dissolved_at IS NULL LIMIT 1`,
    )
    .get(unitId, identity.id) as { blockId: string } | undefined;
  return row?.blockId ?? null;
}

function addEvent(ctx: CoreContext, identity: DistrictIdentity, e: { hazardId: string; action: string; from: HazardState | null; to: HazardState; comment: string | null; evidence: string[] }): string {
  const id = newId();
  const now = ctx.now().toISOString();
  ctx.database.sqlite
    .prepare('INSERT INTO hazard_events (id, origin_node, created_at, updated_at, version, hazard_id, action, from_state, to_state, at, by, comment, evidence) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, identity.id, now, now, e.hazardId, e.action, e.from, e.to, now, ctx.actor, e.comment, JSON.stringify(e.evidence));
  return id;
}

/**
 * 隐患编号: this year (China time) and the next serial among the district's hazards of the
 * year, 2026-0012. Inside the caller's transaction, so two registrations never share one.
 */
function nextNumber(ctx: CoreContext, identity: DistrictIdentity): string {
  const year = today(ctx).slice(0, 4);
  const last = ctx.database.sqlite
    .prepare("SELECT max(CAST(substr(number, 6) AS INTEGER)) AS n FROM hazards WHERE district_id = ? AND number > ? AND number < ?")
    .get(identity.districtId, `${year}-`, `${year}-~`) as { n: number | null };
  return `${year}-${String((last.n ?? 0) + 1).padStart(4, '0')}`;
}

/** A hazard's facts as the services give them: the call's input, and the block check that found it (issue 19). */
export type HazardFields = Omit<ParsedInput<'hazards.create'>, 'reporterManagerId'> & { reporterManagerId?: string | null; sourceCheckId?: string | null };

/** The reporting safety manager: a live manager of a unit of this district. */
function checkReporter(ctx: CoreContext, identity: DistrictIdentity, managerId: string | null): void {
  if (!managerId) return;
  const row = ctx.database.sqlite
    .prepare('SELECT u.district_id AS districtId FROM safety_managers m JOIN units u ON u.id = m.unit_id WHERE m.id = ? AND m.deleted_at IS NULL')
    .get(managerId) as { districtId: string } | undefined;
  if (!row || row.districtId !== identity.districtId) throw new AppError('VALIDATION', '报告隐患的安全管理员应是本辖区使用单位的安全管理员，请重新选择。', { field: 'reporterManagerId' });
}

export function createHazard(ctx: CoreContext, input: HazardFields): HazardDetail {
  const identity = requireDistrictIdentity(ctx);
  if (input.foundOn > today(ctx)) throw new AppError('VALIDATION', '发现日期不能晚于今天。', { field: 'foundOn' });
  const files = storeStaged(ctx, input.evidence);
  const { sqlite } = ctx.database;
  const id = sqlite.transaction(() => {
    checkUnit(ctx, identity, input.unitId);
    checkEquipment(ctx, input.unitId, input.equipmentId);
    checkReporter(ctx, identity, input.reporterManagerId ?? null);
    const id = newId();
    const now = ctx.now().toISOString();
    const blockId = blockOf(ctx, identity, input.unitId);
    const number = nextNumber(ctx, identity);
    sqlite
      .prepare(
        `INSERT INTO hazards (id, origin_node, created_at, updated_at, version, district_id, unit_id, equipment_id, block_id, number, description, level, found_by, found_on, measures, state,
           source_inspection_id, source_check_id, reporter_manager_id)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'found', ?, ?, ?)`,
      )
      .run(
        id,
        identity.id,
        now,
        now,
        identity.districtId,
        input.unitId,
        input.equipmentId,
        blockId,
        number,
        input.description,
        input.level,
        input.foundBy,
        input.foundOn,
        input.measures,
        input.sourceInspectionId,
        input.sourceCheckId ?? null,
        input.reporterManagerId ?? null,
      );
    const evidence = attachmentIds(sqlite, identity.id, now, files);
    const eventId = addEvent(ctx, identity, { hazardId: id, action: 'create', from: null, to: 'found', comment: input.comment, evidence });
    appendAudit(ctx, { nodeId: identity.id, call: 'hazards.create', table: 'hazards', rowIds: [id, eventId], after: { ...input, number, blockId, evidence } });
    return id;
  })();
  return getHazard(ctx, id, identity.id);
}

export function updateHazard(ctx: CoreContext, input: ParsedInput<'hazards.update'>): HazardDetail {
  const identity = requireDistrictIdentity(ctx);
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    const before = loadOwn(ctx, identity, input.id, input.version);
    if (!editableStates.includes(before.state)) throw new AppError('CONFLICT', `隐患已${stateLabels[before.state]}，不能再修改。`);
    const after = {
      equipmentId: input.equipmentId === undefined ? before.equipmentId : input.equipmentId,
      description: input.description ?? before.description,
      level: input.level ?? before.level,
      foundBy: input.foundBy ?? before.foundBy,
      foundOn: input.foundOn ?? before.foundOn,
      measures: input.measures === undefined ? before.measures : input.measures,
    };
    if (after.foundOn > today(ctx)) throw new AppError('VALIDATION', '发现日期不能晚于今天。', { field: 'foundOn' });
    checkEquipment(ctx, before.unitId, after.equipmentId);
    sqlite
      .prepare('UPDATE hazards SET equipment_id = ?, description = ?, level = ?, found_by = ?, found_on = ?, measures = ?, updated_at = ?, version = version + 1 WHERE id = ?')
      .run(after.equipmentId, after.description, after.level, after.foundBy, after.foundOn, after.measures, ctx.now().toISOString(), before.id);
    const { equipmentId, description, level, foundBy, foundOn, measures } = before;
    appendAudit(ctx, { nodeId: identity.id, call: 'hazards.update', table: 'hazards', rowIds: [before.id], before: { equipmentId, description, level, foundBy, foundOn, measures }, after });
  })();
  return getHazard(ctx, input.id, identity.id);
}

/** 下达整改: the deadline by hand (a working day) or N working days after the order date (default by level). */
function orderDeadline(ctx: CoreContext, hazard: HazardSummary, input: ParsedInput<'hazards.transition'>): { deadline: string; workingDays: number | null } {
  const calendar = calendarFor(ctx);
  const orderedOn = input.orderedOn ?? today(ctx);
  if (orderedOn < hazard.foundOn) throw new AppError('VALIDATION', '下达整改的日期不能早于发现日期。', { field: 'orderedOn' });
  if (input.deadline) {
    if (input.workingDays !== undefined) throw new AppError('VALIDATION', '整改期限请填工作日数或截止日期之一。', { field: 'deadline' });
    if (input.deadline <= orderedOn) throw new AppError('VALIDATION', '整改截止日期应晚于下达整改的日期。', { field: 'deadline' });
    if (!calendar.isWorkingDay(input.deadline)) throw new AppError('VALIDATION', `${input.deadline} 不是工作日，整改截止日期请选工作日。`, { field: 'deadline' });
    return { deadline: input.deadline, workingDays: calendar.workingDaysBetween(orderedOn, input.deadline) };
  }
  const settings = getHazardSettings(ctx);
  const n = input.workingDays ?? (hazard.level === 'major' ? settings.majorWorkingDays : settings.generalWorkingDays);
  return { deadline: calendar.addWorkingDays(orderedOn, n), workingDays: n };
}

export function transitionHazard(ctx: CoreContext, input: ParsedInput<'hazards.transition'>): HazardDetail {
  const identity = requireDistrictIdentity(ctx);
  const files = storeStaged(ctx, input.evidence);
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    const before = loadOwn(ctx, identity, input.id, input.version);
    const next = nextState(before.state, input.action);
    if (!next.ok) throw new AppError('CONFLICT', next.reason);
    const action: HazardAction = input.action;
    if (action !== 'order' && (input.orderedOn || input.deadline || input.workingDays !== undefined)) {
      throw new AppError('VALIDATION', '整改期限只在“下达整改”时确定。', { field: 'deadline' });
    }
    if (action === 'submit' && files.length === 0) throw new AppError('VALIDATION', '提交整改请附整改后的佐证材料（照片、检验报告等）。', { field: 'evidence' });
    if (action === 'fail' && !input.comment) throw new AppError('VALIDATION', '复查不通过请写明原因。', { field: 'comment' });
    const now = ctx.now().toISOString();
    const day = today(ctx);
    const set: Record<string, string | number | null> = { state: next.to };
    if (action === 'order') Object.assign(set, orderDeadline(ctx, before, input));
    if (action === 'pass') set['closedOn'] = day;
    if (action === 'archive') set['archivedOn'] = day;
    if (action === 'fail') {
      set['failCount'] = before.failCount + 1;
      if (before.failCount + 1 >= ESCALATE_AFTER_FAILURES && !before.escalated) Object.assign(set, { escalated: 1, escalatedAt: now, escalationReason: 'failures' });
    }
    const column: Record<string, string> = { state: 'state', deadline: 'deadline', workingDays: 'working_days', closedOn: 'closed_on', archivedOn: 'archived_on', failCount: 'fail_count', escalated: 'escalated', escalatedAt: 'escalated_at', escalationReason: 'escalation_reason' };
    const keys = Object.keys(set);
    sqlite
      .prepare(`UPDATE hazards SET ${keys.map((k) => `${column[k]} = ?`).join(', ')}, updated_at = ?, version = version + 1 WHERE id = ?`)
      .run(...keys.map((k) => set[k]), now, before.id);
    const evidence = attachmentIds(sqlite, identity.id, now, files);
    const eventId = addEvent(ctx, identity, { hazardId: before.id, action, from: before.state, to: next.to, comment: input.comment, evidence });
    appendAudit(ctx, {
      nodeId: identity.id,
      call: 'hazards.transition',
      table: 'hazards',
      rowIds: [before.id, eventId],
      before: { state: before.state, deadline: before.deadline, failCount: before.failCount, escalated: before.escalated },
      after: { action, label: transitions[action].label, ...set, comment: input.comment, evidence },
    });
  })();
  return getHazard(ctx, input.id, identity.id);
}

/** Marks this office's overdue hazards as escalated (once each), with an event and one audit entry. */
export function escalateOverdue(ctx: CoreContext): { escalated: string[] } {
  const identity = requireDistrictIdentity(ctx);
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    const rows = sqlite
      .prepare(`SELECT h.id, h.state FROM hazards h WHERE h.origin_node = @node AND h.deleted_at IS NULL AND h.escalated = 0 AND ${OVERDUE_SQL} ORDER BY h.deadline, h.id`)
      .all({ node: identity.id, today: today(ctx) }) as Array<{ id: string; state: HazardState }>;
    if (rows.length === 0) return { escalated: [] };
    const now = ctx.now().toISOString();
    const update = sqlite.prepare("UPDATE hazards SET escalated = 1, escalated_at = ?, escalation_reason = 'overdue', updated_at = ?, version = version + 1 WHERE id = ?");
    const events = rows.map((r) => {
      update.run(now, now, r.id);
      return addEvent(ctx, identity, { hazardId: r.id, action: 'escalate', from: r.state, to: r.state, comment: '逾期未整改，升级预警', evidence: [] });
    });
    const ids = rows.map((r) => r.id);
    appendAudit(ctx, { nodeId: identity.id, call: 'hazards.escalateOverdue', table: 'hazards', rowIds: [...ids, ...events], after: { escalated: ids, reason: 'overdue' } });
    return { escalated: ids };
  })();
}
