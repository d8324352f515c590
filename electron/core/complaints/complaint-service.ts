import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { normalisePhone, PHONE_FORMAT_MESSAGE } from '../../api/schemas/common.ts';
import type { ComplaintDetail, ComplaintSummary, Reporter } from '../../api/schemas/complaints.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { complaintReporters, equipment, hazards, inspectionRecords, units, type complaints } from '../../../db/schema/index.ts';
import { calendarFor } from '../calendar/calendar.ts';
import type { CoreContext } from '../context.ts';
import type { Row } from '../data/synced-rows.ts';
import { beginWrite, inTransaction, type Write } from '../data/write.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { maskName } from '../privacy/mask.ts';
import { checkIdNumber } from '../validation/id-card.ts';
import { Problems } from '../validation/problems.ts';
import { getComplaint, loadComplaint, loadReporter, rewardsOf, today } from './complaint-read.ts';
import { complaintRows } from './complaint-rows.ts';
import { getComplaintSettings } from './complaint-settings.ts';
import { liveReward, rewardStateLabels } from './eligibility.ts';

// Changes to the register: one transaction per call (the checks, the complaint, its
// reporter and the audit entry). The audit entry never holds the reporter's identity:
// only the masked name, whether the complaint is anonymous and the staff flag.

/** A complaint this office owns, at the version the user saw: the row to write and the register's view of it. */
export function loadOwn(w: Write, id: string, version: number): { row: Row<typeof complaints>; complaint: ComplaintSummary } {
  const row = complaintRows.owned(w, id, version);
  return { row, complaint: loadComplaint(w.ctx, id) };
}

function refuseWhileRewarded(ctx: CoreContext, complaintId: string, what: string): void {
  const live = liveReward(rewardsOf(ctx, complaintId));
  if (live) throw new AppError('CONFLICT', `该举报已有奖励（${rewardStateLabels[live.state]}），不能再${what}。`);
}

type ReporterFields = Omit<Reporter, 'bureauStaff'>;

/** A named reporter unless anonymous; an ID number that passes GB 11643; a phone made of digits. */
function checkReporter(anonymous: boolean, reporter: ReporterFields, problems: Problems): ReporterFields {
  const name = anonymous ? null : reporter.name;
  if (!anonymous && !name) problems.add('reporterName', '请填写举报人姓名，或选择“匿名举报”。');
  let idNumber = reporter.idNumber;
  if (idNumber) {
    const check = checkIdNumber(idNumber);
    if (!check.ok) problems.add('reporterIdNumber', check.message);
    else idNumber = check.value;
  }
  const phone = reporter.phone ? normalisePhone(reporter.phone) : null;
  if (reporter.phone && !phone) problems.add('reporterPhone', `举报人${PHONE_FORMAT_MESSAGE}。`);
  return { name, phone, idNumber, address: reporter.address };
}

function checkUnit(ctx: CoreContext, identity: DistrictIdentity, unitId: string | null, unitName: string | null, equipmentId: string | null): void {
  const { db } = ctx.database;
  if (!unitId && !unitName) throw new AppError('VALIDATION', '请选择被举报的使用单位，或填写单位名称。', { field: 'unitId' });
  if (unitId) {
    const unit = db.select({ districtId: units.districtId }).from(units).where(and(eq(units.id, unitId), isNull(units.deletedAt))).get();
    if (!unit) throw new AppError('NOT_FOUND', '所选使用单位不存在，请刷新后重选。', { field: 'unitId' });
    if (unit.districtId !== identity.districtId) throw new AppError('FORBIDDEN', '只能选择本辖区台账中的使用单位；其他单位请填写名称。', { field: 'unitId' });
  }
  if (!equipmentId) return;
  if (!unitId) throw new AppError('VALIDATION', '请先选择设备所属的使用单位（台账中的），再选设备。', { field: 'equipmentId' });
  const row = db.select({ unitId: equipment.unitId }).from(equipment).where(and(eq(equipment.id, equipmentId), isNull(equipment.deletedAt))).get();
  if (!row || row.unitId !== unitId) throw new AppError('VALIDATION', '所选设备不属于该使用单位，请重选。', { field: 'equipmentId' });
}

function checkDates(ctx: CoreContext, receivedOn: string, handlingDeadline: string, problems: Problems): void {
  if (receivedOn > today(ctx)) problems.add('receivedOn', '受理日期不能晚于今天。');
  if (handlingDeadline < receivedOn) problems.add('handlingDeadline', '处理期限不能早于受理日期。');
}

interface Facts {
  receivedOn: string;
  channel: ComplaintSummary['channel'];
  anonymous: boolean;
  bureauStaff: boolean;
  content: string;
  unitId: string | null;
  unitName: string | null;
  equipmentId: string | null;
  handlingDeadline: string;
}

/** What the audit log keeps of a complaint: everything but the reporter's identity. */
function audited(facts: Facts, reporterMasked: string | null) {
  return { ...facts, reporterMasked };
}

/** The reporter in full, in this office's local (never synced) table, so no sync columns and no audit entry of its own. */
function saveReporter(ctx: CoreContext, complaintId: string, reporter: ReporterFields, bureauStaff: boolean): void {
  const person = { name: reporter.name, phone: reporter.phone, idNumber: reporter.idNumber, address: reporter.address, bureauStaff };
  ctx.database.db
    .insert(complaintReporters)
    .values({ complaintId, ...person })
    .onConflictDoUpdate({ target: complaintReporters.complaintId, set: person })
    .run();
}

export function createComplaint(ctx: CoreContext, input: ParsedInput<'complaints.create'>): ComplaintDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'complaints.create');
  const id = inTransaction(w, () => {
    // every problem of the registration at once
    const problems = new Problems();
    const reporter = checkReporter(input.anonymous, input.reporter, problems);
    const unitName = input.unitId ? null : input.unitName;
    problems.check(() => checkUnit(ctx, identity, input.unitId, unitName, input.equipmentId));
    const handlingDeadline = input.handlingDeadline ?? calendarFor(ctx).addWorkingDays(input.receivedOn, getComplaintSettings(ctx).handlingWorkingDays);
    checkDates(ctx, input.receivedOn, handlingDeadline, problems);
    problems.throwIfAny();
    const masked = maskName(reporter.name);
    const facts: Facts = { receivedOn: input.receivedOn, channel: input.channel, anonymous: input.anonymous, bureauStaff: input.bureauStaff, content: input.content, unitId: input.unitId, unitName, equipmentId: input.equipmentId, handlingDeadline };
    const { bureauStaff: _staff, ...columns } = facts;
    const { id } = complaintRows.insert(w, { ...columns, districtId: identity.districtId, reporterMasked: masked, state: 'received' }, { audit: { after: audited(facts, masked) } });
    saveReporter(ctx, id, reporter, input.bureauStaff);
    return id;
  });
  return getComplaint(ctx, id, identity.id);
}

export function updateComplaint(ctx: CoreContext, input: ParsedInput<'complaints.update'>): ComplaintDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'complaints.update');
  inTransaction(w, () => {
    const { row, complaint: before } = loadOwn(w, input.id, input.version);
    refuseWhileRewarded(ctx, before.id, '修改登记信息');
    const oldReporter = loadReporter(ctx, before.id) ?? { name: null, phone: null, idNumber: null, address: null, bureauStaff: false };
    const anonymous = input.anonymous ?? before.anonymous;
    const problems = new Problems();
    const reporter = checkReporter(anonymous, input.reporter ?? oldReporter, problems);
    const unitId = input.unitId === undefined ? before.unitId : input.unitId;
    const after: Facts = {
      receivedOn: input.receivedOn ?? before.receivedOn,
      channel: input.channel ?? before.channel,
      anonymous,
      bureauStaff: input.bureauStaff ?? oldReporter.bureauStaff,
      content: input.content ?? before.content,
      unitId,
      // the typed name stays only for a unit outside the ledger
      unitName: unitId ? null : input.unitName === undefined ? (before.unitId ? null : before.unitName) : input.unitName,
      equipmentId: input.equipmentId === undefined ? (unitId === before.unitId ? before.equipmentId : null) : input.equipmentId,
      handlingDeadline: input.handlingDeadline ?? before.handlingDeadline,
    };
    problems.check(() => checkUnit(ctx, identity, after.unitId, after.unitName, after.equipmentId));
    checkDates(ctx, after.receivedOn, after.handlingDeadline, problems);
    problems.throwIfAny();
    const masked = maskName(reporter.name);
    const { receivedOn, channel, content, unitName, equipmentId, handlingDeadline } = before;
    const was: Facts = { receivedOn, channel, anonymous: before.anonymous, bureauStaff: oldReporter.bureauStaff, content, unitId: before.unitId, unitName: before.unitId ? null : unitName, equipmentId, handlingDeadline };
    const { bureauStaff: _staff, ...columns } = after;
    complaintRows.update(w, row, { ...columns, reporterMasked: masked }, { before: audited(was, before.reporterMasked), after: audited(after, masked) });
    saveReporter(ctx, before.id, reporter, after.bureauStaff);
  });
  return getComplaint(ctx, input.id, identity.id);
}

function checkLinks(ctx: CoreContext, identity: DistrictIdentity, hazardId: string | null, inspectionId: string | null): void {
  const { db } = ctx.database;
  if (hazardId) {
    const hazard = db.select({ districtId: hazards.districtId }).from(hazards).where(and(eq(hazards.id, hazardId), isNull(hazards.deletedAt))).get();
    if (!hazard || hazard.districtId !== identity.districtId) throw new AppError('NOT_FOUND', '所选隐患在本辖区的隐患中不存在，请按隐患编号或使用单位重新查找并选择。', { field: 'linkedHazardId' });
  }
  if (inspectionId) {
    const record = db
      .select({ districtId: inspectionRecords.districtId })
      .from(inspectionRecords)
      .where(and(eq(inspectionRecords.id, inspectionId), isNull(inspectionRecords.deletedAt)))
      .get();
    if (!record || record.districtId !== identity.districtId) throw new AppError('NOT_FOUND', '所填检查记录编号在本辖区的检查记录中不存在，请从专项检查中复制其编号。', { field: 'linkedInspectionId' });
  }
}

/** Records the handling: with an outcome the complaint is 办结, without it 办理中. */
export function handleComplaint(ctx: CoreContext, input: ParsedInput<'complaints.handle'>): ComplaintDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'complaints.handle');
  inTransaction(w, () => {
    const { row, complaint: before } = loadOwn(w, input.id, input.version);
    refuseWhileRewarded(ctx, before.id, '改动处理结果');
    let handledOn: string | null = null;
    if (input.outcome) {
      handledOn = input.handledOn ?? today(ctx);
      if (handledOn < before.receivedOn) throw new AppError('VALIDATION', '办结日期不能早于受理日期。', { field: 'handledOn' });
      if (handledOn > today(ctx)) throw new AppError('VALIDATION', '办结日期不能晚于今天。', { field: 'handledOn' });
    } else if (input.handledOn) {
      throw new AppError('VALIDATION', '办结日期只在认定处理结果（查实、部分查实或不实）时填写。', { field: 'handledOn' });
    }
    checkLinks(ctx, identity, input.linkedHazardId, input.linkedInspectionId);
    const state = input.outcome ? 'handled' : 'handling';
    const { handlingResult, outcome, linkedHazardId, linkedInspectionId } = before;
    const change = { state, handlingResult: input.handlingResult, outcome: input.outcome, handledOn, linkedHazardId: input.linkedHazardId, linkedInspectionId: input.linkedInspectionId };
    complaintRows.update(w, row, change, { before: { state: before.state, handlingResult, outcome, handledOn: before.handledOn, linkedHazardId, linkedInspectionId }, after: change });
  });
  return getComplaint(ctx, input.id, identity.id);
}
