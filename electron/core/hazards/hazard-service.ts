import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { HazardAction, HazardDetail, HazardState, HazardSummary } from '../../api/schemas/hazards.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { blockMembers, blocks, equipment, hazardEvents, safetyManagers, units, type hazards } from '../../../db/schema/index.ts';
import { all, get, sql, sqlRaw, value } from '../data/query.ts';
import { calendarFor } from '../calendar/calendar.ts';
import type { CoreContext } from '../context.ts';
import type { Row, RowChange } from '../data/synced-rows.ts';
import { beginWrite, inTransaction, type Write } from '../data/write.ts';
import { newId } from '../ids.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { attachmentIds, storeStaged } from '../attachments/store.ts';
import { getHazard, loadHazard, OVERDUE_SQL, today } from './hazard-read.ts';
import { hazardRows } from './hazard-rows.ts';
import { getHazardSettings } from './hazard-settings.ts';
import { editableStates, ESCALATE_AFTER_FAILURES, nextState, stateLabels, transitions } from './state.ts';

// Changes to hazards. Each call is one transaction: the checks, the row, its event
// and the audit entry commit together or not at all (evidence bytes are stored
// first, content-addressed, so a refused call leaves at most an unreferenced file).

/** A hazard this office owns, at the version the user saw: the row to write and the register's view of it. */
function loadOwn(w: Write, id: string, version: number): { row: Row<typeof hazards>; hazard: HazardSummary } {
  const row = hazardRows.owned(w, id, version);
  return { row, hazard: loadHazard(w.ctx, id) };
}

function checkUnit(ctx: CoreContext, identity: DistrictIdentity, unitId: string): void {
  const unit = ctx.database.db
    .select({ districtId: units.districtId })
    .from(units)
    .where(and(eq(units.id, unitId), isNull(units.deletedAt)))
    .get();
  if (!unit) throw new AppError('NOT_FOUND', '所选使用单位不存在，请刷新后重选。', { field: 'unitId' });
  if (unit.districtId !== identity.districtId) throw new AppError('FORBIDDEN', '只能为本辖区的使用单位登记隐患。', { field: 'unitId' });
}

function checkEquipment(ctx: CoreContext, unitId: string, equipmentId: string | null): void {
  if (!equipmentId) return;
  const row = ctx.database.db
    .select({ unitId: equipment.unitId })
    .from(equipment)
    .where(and(eq(equipment.id, equipmentId), isNull(equipment.deletedAt)))
    .get();
  if (!row || row.unitId !== unitId) throw new AppError('VALIDATION', '所选设备不属于该使用单位，请重选。', { field: 'equipmentId' });
}

/** The unit's block today (of this office), recorded on the hazard: the block is alerted if it escalates. */
function blockOf(ctx: CoreContext, identity: DistrictIdentity, unitId: string): string | null {
  const m = blockMembers;
  const blockId = value(
    ctx.database.sqlite,
    sql<string>`SELECT m.${m.blockId} FROM ${m} m JOIN ${blocks} b ON b.${blocks.id} = m.${m.blockId}
       WHERE m.${m.unitId} = ${unitId} AND m.${m.originNode} = ${identity.id} AND m.${m.leftAt} IS NULL AND m.${m.deletedAt} IS NULL AND b.${blocks.dissolvedAt} IS NULL LIMIT 1`,
  );
  return blockId ?? null;
}

/**
 * A step in the hazard's history, under the id its hazard's audit entry names. Written
 * beside the write layer on purpose: the event is audited in its hazard's entry (which
 * names the action, comment and evidence, and the event's id after the hazard's), so one
 * call stays one audit entry as the register has always kept it.
 */
function addEvent(w: Write, id: string, e: { hazardId: string; action: string; from: HazardState | null; to: HazardState; comment: string | null; evidence: string[] }): void {
  const sync = { id, originNode: w.node.id, createdAt: w.now, updatedAt: w.now, version: 1, deletedAt: null };
  const event = { hazardId: e.hazardId, action: e.action, fromState: e.from, toState: e.to, at: w.now, by: w.ctx.actor, comment: e.comment, evidence: JSON.stringify(e.evidence) };
  w.ctx.database.db.insert(hazardEvents).values({ ...sync, ...event }).run();
}

/**
 * 隐患编号: this year (China time) and the next serial among the district's hazards of the
 * year, 2026-0012. Inside the caller's transaction, so two registrations never share one.
 */
function nextNumber(ctx: CoreContext, identity: DistrictIdentity): string {
  const year = today(ctx).slice(0, 4);
  const last = value(
    ctx.database.sqlite,
    sql<number | null>`SELECT max(CAST(substr(number, 6) AS INTEGER)) AS n FROM hazards WHERE district_id = ${identity.districtId} AND number > ${`${year}-`} AND number < ${`${year}-~`}`,
  );
  return `${year}-${String((last ?? 0) + 1).padStart(4, '0')}`;
}

/** A hazard's facts as the services give them: the call's input, and the block check that found it (issue 19). */
export type HazardFields = Omit<ParsedInput<'hazards.create'>, 'reporterManagerId'> & { reporterManagerId?: string | null; sourceCheckId?: string | null };

/** The reporting safety manager: a live manager of a unit of this district. */
function checkReporter(ctx: CoreContext, identity: DistrictIdentity, managerId: string | null): void {
  if (!managerId) return;
  const m = safetyManagers;
  const row = get(
    ctx.database.sqlite,
    sql<{ districtId: string }>`SELECT u.${units.districtId} AS districtId FROM ${m} m JOIN ${units} u ON u.${units.id} = m.${m.unitId} WHERE m.${m.id} = ${managerId} AND m.${m.deletedAt} IS NULL`,
  );
  if (!row || row.districtId !== identity.districtId) throw new AppError('VALIDATION', '报告隐患的安全管理员应是本辖区使用单位的安全管理员，请重新选择。', { field: 'reporterManagerId' });
}

export function createHazard(ctx: CoreContext, input: HazardFields): HazardDetail {
  const identity = requireDistrictIdentity(ctx);
  if (input.foundOn > today(ctx)) throw new AppError('VALIDATION', '发现日期不能晚于今天。', { field: 'foundOn' });
  const files = storeStaged(ctx, input.evidence);
  const w = beginWrite(ctx, identity, 'hazards.create');
  const id = inTransaction(w, () => {
    checkUnit(ctx, identity, input.unitId);
    checkEquipment(ctx, input.unitId, input.equipmentId);
    checkReporter(ctx, identity, input.reporterManagerId ?? null);
    const blockId = blockOf(ctx, identity, input.unitId);
    const number = nextNumber(ctx, identity);
    const evidence = attachmentIds(ctx.database, identity.id, w.now, files);
    const eventId = newId();
    const { id } = hazardRows.insert(
      w,
      {
        districtId: identity.districtId,
        unitId: input.unitId,
        equipmentId: input.equipmentId,
        blockId,
        number,
        description: input.description,
        level: input.level,
        foundBy: input.foundBy,
        foundOn: input.foundOn,
        measures: input.measures,
        state: 'found',
        sourceInspectionId: input.sourceInspectionId,
        sourceCheckId: input.sourceCheckId ?? null,
        reporterManagerId: input.reporterManagerId ?? null,
      },
      { audit: { after: { ...input, number, blockId, evidence }, rowIds: [eventId] } },
    );
    addEvent(w, eventId, { hazardId: id, action: 'create', from: null, to: 'found', comment: input.comment, evidence });
    return id;
  });
  return getHazard(ctx, id, identity.id);
}

export function updateHazard(ctx: CoreContext, input: ParsedInput<'hazards.update'>): HazardDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'hazards.update');
  inTransaction(w, () => {
    const { row, hazard: before } = loadOwn(w, input.id, input.version);
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
    const { equipmentId, description, level, foundBy, foundOn, measures } = before;
    hazardRows.update(w, row, after, { before: { equipmentId, description, level, foundBy, foundOn, measures }, after });
  });
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
  const w = beginWrite(ctx, identity, 'hazards.transition');
  inTransaction(w, () => {
    const { row, hazard: before } = loadOwn(w, input.id, input.version);
    const next = nextState(before.state, input.action);
    if (!next.ok) throw new AppError('CONFLICT', next.reason);
    const action: HazardAction = input.action;
    if (action !== 'order' && (input.orderedOn || input.deadline || input.workingDays !== undefined)) {
      throw new AppError('VALIDATION', '整改期限只在“下达整改”时确定。', { field: 'deadline' });
    }
    if (action === 'submit' && files.length === 0) throw new AppError('VALIDATION', '提交整改请附整改后的佐证材料（照片、检验报告等）。', { field: 'evidence' });
    if (action === 'fail' && !input.comment) throw new AppError('VALIDATION', '复查不通过请写明原因。', { field: 'comment' });
    const day = today(ctx);
    const set: RowChange<typeof hazards> = { state: next.to };
    // what the audit entry has always recorded of the change (escalated as 1)
    const audited: Record<string, string | number | null> = { state: next.to };
    const change = (fields: Record<string, string | number | null>) => {
      Object.assign(set, fields);
      Object.assign(audited, fields);
    };
    if (action === 'order') change(orderDeadline(ctx, before, input));
    if (action === 'pass') change({ closedOn: day });
    if (action === 'archive') change({ archivedOn: day });
    if (action === 'fail') {
      change({ failCount: before.failCount + 1 });
      if (before.failCount + 1 >= ESCALATE_AFTER_FAILURES && !before.escalated) {
        set.escalated = true;
        audited['escalated'] = 1;
        change({ escalatedAt: w.now, escalationReason: 'failures' });
      }
    }
    const evidence = attachmentIds(ctx.database, identity.id, w.now, files);
    const eventId = newId();
    hazardRows.update(w, row, set, {
      rowIds: [eventId],
      before: { state: before.state, deadline: before.deadline, failCount: before.failCount, escalated: before.escalated },
      after: { action, label: transitions[action].label, ...audited, comment: input.comment, evidence },
    });
    addEvent(w, eventId, { hazardId: before.id, action, from: before.state, to: next.to, comment: input.comment, evidence });
  });
  return getHazard(ctx, input.id, identity.id);
}

/** Marks this office's overdue hazards as escalated (once each), each with an event, under one audit entry naming them all. */
export function escalateOverdue(ctx: CoreContext): { escalated: string[] } {
  const identity = requireDistrictIdentity(ctx);
  const { sqlite } = ctx.database;
  const w = beginWrite(ctx, identity, 'hazards.escalateOverdue');
  return inTransaction(w, () => {
    const overdue = sqlRaw(OVERDUE_SQL, [], { today: today(ctx) });
    const rows = all(sqlite, sql<{ id: string; state: HazardState }>`SELECT h.id, h.state FROM hazards h WHERE h.origin_node = ${identity.id} AND h.deleted_at IS NULL AND h.escalated = 0 AND ${overdue} ORDER BY h.deadline, h.id`);
    if (rows.length === 0) return { escalated: [] };
    const ids = rows.map((r) => r.id);
    const eventIds = rows.map(() => newId());
    const escalation = { escalated: true, escalatedAt: w.now, escalationReason: 'overdue' };
    hazardRows.updateMany(
      w,
      ids.map((id) => hazardRows.owned(w, id)),
      escalation,
      { rowIds: eventIds, before: null, after: { escalated: ids, reason: 'overdue' } },
    );
    rows.forEach((r, i) => addEvent(w, eventIds[i]!, { hazardId: r.id, action: 'escalate', from: r.state, to: r.state, comment: '逾期未整改，升级预警', evidence: [] }));
    return { escalated: ids };
  });
}
