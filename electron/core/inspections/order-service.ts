import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { OrderDetail } from '../../api/schemas/supervision-orders.ts';
import { calendarFor } from '../calendar/calendar.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { loadHazard } from '../hazards/hazard-read.ts';
import { transitionHazard } from '../hazards/hazard-service.ts';
import type { DistrictIdentity } from '../node/node-service.ts';
import { orderRows } from './inspection-rows.ts';
import { getInspectionSettings } from './inspection-settings.ts';
import { checkDistrictUnit, checkOwn, today } from './office.ts';
import { formatOrderNumber, getOrder, loadOrder, nextOrderSeq } from './order-read.ts';
import { loadRecordRow } from './record-read.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// 安全监察指令书: issued to a unit (after a visit, or on its own), numbered in the same
// transaction that writes it, with a deadline in working days on the official
// calendar. The hazards it covers that are still 发现 are 下达整改 by the hazards
// service with the order's deadline and number, so the closed loop follows the order.

type IssueInput = ParsedInput<'inspections.issueOrder'>;

function orderUnit(ctx: CoreContext, identity: DistrictIdentity, input: IssueInput, issuedOn: string): { unitId: string; recordId: string | null } {
  if (input.recordId) {
    const record = loadRecordRow(ctx, input.recordId);
    checkOwn(identity, record, undefined, '检查记录');
    if (record.planState === 'cancelled') throw new AppError('CONFLICT', '该检查计划已取消，不能再下达指令书。');
    if (input.unitId && input.unitId !== record.unitId) throw new AppError('VALIDATION', '指令书的单位应为检查记录的被检查单位。', { field: 'unitId' });
    if (issuedOn < record.inspectedOn) throw new AppError('VALIDATION', `下达日期不能早于检查日期 ${record.inspectedOn}。`, { field: 'issuedOn' });
    return { unitId: record.unitId, recordId: record.id };
  }
  if (!input.unitId) throw new AppError('VALIDATION', '请选择接受指令书的使用单位。', { field: 'unitId' });
  return { unitId: checkDistrictUnit(ctx, identity, input.unitId).id, recordId: null };
}

function orderDeadline(ctx: CoreContext, input: IssueInput, issuedOn: string): string {
  const calendar = calendarFor(ctx);
  if (input.deadline) {
    if (input.workingDays !== undefined) throw new AppError('VALIDATION', '整改期限请填工作日数或截止日期之一。', { field: 'deadline' });
    if (input.deadline <= issuedOn) throw new AppError('VALIDATION', '整改截止日期应晚于下达日期。', { field: 'deadline' });
    if (!calendar.isWorkingDay(input.deadline)) throw new AppError('VALIDATION', `${input.deadline} 不是工作日，整改截止日期请选工作日。`, { field: 'deadline' });
    return input.deadline;
  }
  return calendar.addWorkingDays(issuedOn, input.workingDays ?? getInspectionSettings(ctx).orderWorkingDays);
}

function coveredHazards(ctx: CoreContext, identity: DistrictIdentity, unitId: string, ids: readonly string[]) {
  return [...new Set(ids)].map((id) => {
    const hazard = loadHazard(ctx, id);
    if (hazard.originNode !== identity.id) throw new AppError('FORBIDDEN', '只能将本分局登记的隐患写入指令书。', { field: 'hazardIds' });
    if (hazard.unitId !== unitId) throw new AppError('VALIDATION', `隐患“${hazard.description}”不属于该单位，不能写入这份指令书。`, { field: 'hazardIds' });
    if (hazard.state === 'closed' || hazard.state === 'archived') throw new AppError('VALIDATION', `隐患“${hazard.description}”已闭环，不需要再下达指令书。`, { field: 'hazardIds' });
    return hazard;
  });
}

export function issueOrder(ctx: CoreContext, input: IssueInput): OrderDetail {
  const identity = requireDistrictIdentity(ctx);
  const issuedOn = input.issuedOn ?? today(ctx);
  if (issuedOn > today(ctx)) throw new AppError('VALIDATION', '下达日期不能晚于今天。', { field: 'issuedOn' });
  const { sqlite } = ctx.database;
  const w = beginWrite(ctx, identity, 'inspections.issueOrder');
  const id = inTransaction(w, () => {
    const { unitId, recordId } = orderUnit(ctx, identity, input, issuedOn);
    const deadline = orderDeadline(ctx, input, issuedOn);
    const hazards = coveredHazards(ctx, identity, unitId, input.hazardIds);
    const { orderPrefix: prefix } = getInspectionSettings(ctx);
    const year = Number(issuedOn.slice(0, 4));
    const seq = nextOrderSeq(sqlite, identity.id, prefix, year);
    const number = formatOrderNumber(prefix, year, seq);
    const hazardIds = hazards.map((h) => h.id);
    const toOrder = hazards.filter((h) => h.state === 'found');
    const values = { districtId: identity.districtId, recordId, unitId, prefix, year, seq, number, issuedOn, deadline, content: input.content, hazardIds: JSON.stringify(hazardIds), state: 'issued' };
    const after = { number, unitId, recordId, issuedOn, deadline, workingDays: input.workingDays ?? null, content: input.content, hazardIds, hazardsOrdered: toOrder.map((h) => h.id) };
    // the hazards are ordered first, each 下达整改 as a step of its own naming the order's
    // number; the order's entry comes after them and names the hazards it ordered
    toOrder.forEach((h) => transitionHazard(ctx, { id: h.id, version: h.version, action: 'order', orderedOn: issuedOn, deadline, comment: `${number}（安全监察指令书）`, evidence: [] }));
    return orderRows.insert(w, values, { audit: { after, rowIds: toOrder.map((h) => h.id) } }).id;
  });
  return getOrder(ctx, id);
}

function loadOwnIssued(ctx: CoreContext, identity: DistrictIdentity, id: string, version: number) {
  const order = loadOrder(ctx, id);
  checkOwn(identity, order, version, '指令书');
  if (order.state !== 'issued') throw new AppError('CONFLICT', order.state === 'rechecked' ? '该指令书已复查。' : '该指令书已作废。');
  return order;
}

export function recheckOrder(ctx: CoreContext, input: ParsedInput<'inspections.recheckOrder'>): OrderDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'inspections.recheckOrder');
  inTransaction(w, () => {
    const order = loadOwnIssued(ctx, identity, input.id, input.version);
    if (input.recheckedOn < order.issuedOn) throw new AppError('VALIDATION', `复查日期不能早于下达日期 ${order.issuedOn}。`, { field: 'recheckedOn' });
    if (input.recheckedOn > today(ctx)) throw new AppError('VALIDATION', '复查日期不能晚于今天。', { field: 'recheckedOn' });
    const result = { outcome: input.outcome, note: input.note };
    const change = { state: 'rechecked', recheckedOn: input.recheckedOn, recheckResult: JSON.stringify(result) };
    orderRows.update(w, order, change, { before: { state: 'issued' }, after: { state: 'rechecked', recheckedOn: input.recheckedOn, ...result } });
  });
  return getOrder(ctx, input.id);
}

export function cancelOrder(ctx: CoreContext, input: ParsedInput<'inspections.cancelOrder'>): OrderDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'inspections.cancelOrder');
  inTransaction(w, () => {
    const order = loadOwnIssued(ctx, identity, input.id, input.version);
    // the number stays taken: nextOrderSeq counts cancelled orders
    const change = { state: 'cancelled', recheckResult: JSON.stringify({ outcome: null, note: `作废：${input.reason}` }) };
    orderRows.update(w, order, change, { before: { state: 'issued' }, after: { state: 'cancelled', reason: input.reason } });
  });
  return getOrder(ctx, input.id);
}
