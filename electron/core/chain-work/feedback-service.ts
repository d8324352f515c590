import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { Feedback } from '../../api/schemas/chain-work.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { equipment, hazards, units, type managerFeedback } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import { get, sql } from '../data/query.ts';
import type { Row } from '../data/synced-rows.ts';
import { beginWrite, inTransaction, type Write } from '../data/write.ts';
import { createHazard } from '../hazards/hazard-service.ts';
import { stateLabels } from '../hazards/state.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { localDate } from '../registry/as-of.ts';
import { feedbackRows } from './chain-work-rows.ts';
import { HAZARD_DONE, loadFeedback } from './feedback-read.ts';

// 问题反馈, the chain's purpose in the seed ("及时跟进特种设备安全管理员的问题反馈及隐患闭环"):
// a safety manager's report is registered as taken by an inspector or by the block's lead
// unit, then answered or turned into a hazard (the manager is its reporting source), and
// closed — a report that became a hazard only once the hazard is closed. One transaction
// per call, audited.

const today = (ctx: CoreContext) => localDate(ctx.now());

/** A report this office owns, at the version the user saw: the row to write and the register's view of it. */
function loadOwn(w: Write, id: string, version: number): { row: Row<typeof managerFeedback>; feedback: Feedback } {
  const row = feedbackRows.owned(w, id, version);
  return { row, feedback: loadFeedback(w.ctx, id) };
}

function checkDate(ctx: CoreContext, date: string, notBefore: string | null, field: string, what: string): void {
  if (date > today(ctx)) throw new AppError('VALIDATION', `${what}不能晚于今天。`, { field });
  if (notBefore && date < notBefore) throw new AppError('VALIDATION', `${what}不能早于反馈日期（${notBefore}）。`, { field });
}

interface Facts {
  managerId: string;
  blockId: string | null;
  unitId: string;
  equipmentId: string | null;
  takenByKind: 'inspector' | 'lead_unit';
  takenByInspectorId: string | null;
  takenByName: string;
}

/** Who reported, their block, who took it, and what it is about, checked against the registers. */
function checkFacts(ctx: CoreContext, identity: DistrictIdentity, input: ParsedInput<'chain.saveFeedback'>, before: Feedback | null): Facts {
  const { sqlite, db } = ctx.database;
  const manager = get(
    sqlite,
    sql<{ name: string; unitId: string; districtId: string }>`SELECT m.name, m.unit_id AS unitId, u.district_id AS districtId FROM safety_managers m JOIN units u ON u.id = m.unit_id WHERE m.id = ${input.managerId} AND m.deleted_at IS NULL`,
  );
  if (!manager || manager.districtId !== identity.districtId) throw new AppError('VALIDATION', '反馈人应是本辖区台账中的安全管理员，请重新选择。', { field: 'managerId' });
  const block = get(
    sqlite,
    sql<{ id: string; name: string; leadUnitId: string | null; leadUnitName: string | null }>`
      SELECT b.id, b.name, b.lead_unit_id AS leadUnitId, lu.name AS leadUnitName FROM block_members bm JOIN blocks b ON b.id = bm.block_id LEFT JOIN units lu ON lu.id = b.lead_unit_id
      WHERE bm.unit_id = ${manager.unitId} AND bm.origin_node = ${identity.id} AND bm.left_at IS NULL AND bm.deleted_at IS NULL AND b.dissolved_at IS NULL AND b.deleted_at IS NULL LIMIT 1`,
  );

  let taken: Pick<Facts, 'takenByKind' | 'takenByInspectorId' | 'takenByName'>;
  if (input.takenBy.kind === 'inspector') {
    const inspector = get(
      sqlite,
      sql<{ name: string; active: number }>`SELECT name, active FROM inspectors WHERE id = ${input.takenBy.inspectorId} AND deleted_at IS NULL AND district_id = ${identity.districtId}`,
    );
    if (!inspector) throw new AppError('VALIDATION', '接收人应是本辖区的监察人员，请重新选择。', { field: 'takenBy' });
    if (inspector.active !== 1 && before?.takenByInspectorId !== input.takenBy.inspectorId) throw new AppError('VALIDATION', `监察人员“${inspector.name}”已停用，请选择在岗的监察人员。`, { field: 'takenBy' });
    taken = { takenByKind: 'inspector', takenByInspectorId: input.takenBy.inspectorId, takenByName: inspector.name };
  } else {
    if (!block) throw new AppError('VALIDATION', `${manager.name}所在单位未编入安全管理小组，没有牵头单位可以接收：请选择接收的监察人员。`, { field: 'takenBy' });
    if (!block.leadUnitId || !block.leadUnitName) throw new AppError('VALIDATION', `小组“${block.name}”尚未指定牵头单位：请先在小组中指定，或选择接收的监察人员。`, { field: 'takenBy' });
    taken = { takenByKind: 'lead_unit', takenByInspectorId: null, takenByName: block.leadUnitName };
  }

  const unitId = input.unitId ?? manager.unitId;
  if (input.unitId) {
    const unit = db.select({ districtId: units.districtId }).from(units).where(and(eq(units.id, input.unitId), isNull(units.deletedAt))).get();
    if (!unit || unit.districtId !== identity.districtId) throw new AppError('VALIDATION', '反馈涉及的单位应是本辖区台账中的使用单位，请重新选择。', { field: 'unitId' });
  }
  if (input.equipmentId) {
    const piece = db.select({ unitId: equipment.unitId }).from(equipment).where(and(eq(equipment.id, input.equipmentId), isNull(equipment.deletedAt))).get();
    if (!piece || piece.unitId !== unitId) throw new AppError('VALIDATION', '所选设备不属于反馈涉及的单位，请重新选择。', { field: 'equipmentId' });
  }
  return { managerId: input.managerId, blockId: block?.id ?? null, unitId, equipmentId: input.equipmentId, ...taken };
}

export function saveFeedback(ctx: CoreContext, input: ParsedInput<'chain.saveFeedback'>): Feedback {
  const identity = requireDistrictIdentity(ctx);
  checkDate(ctx, input.reportedOn, null, 'reportedOn', '反馈日期');
  const w = beginWrite(ctx, identity, 'chain.saveFeedback');
  const id = inTransaction(w, () => {
    if (!input.id) {
      const facts = checkFacts(ctx, identity, input, null);
      const fields = { ...facts, reportedOn: input.reportedOn, content: input.content, state: 'registered' };
      return feedbackRows.insert(w, { districtId: identity.districtId, ...fields }, { audit: { after: fields } }).id;
    }
    if (input.version === undefined) throw new AppError('VALIDATION', '修改问题反馈需要其版本号，请刷新后重试。', { field: 'version' });
    const { row, feedback: before } = loadOwn(w, input.id, input.version);
    if (before.state !== 'registered') throw new AppError('CONFLICT', '该反馈已答复或已转为隐患，登记内容不能再修改。');
    const facts = checkFacts(ctx, identity, input, before);
    const after = { ...facts, reportedOn: input.reportedOn, content: input.content };
    const { managerId, blockId, unitId, equipmentId, takenByKind, takenByInspectorId, takenByName, reportedOn, content } = before;
    feedbackRows.update(w, row, after, { before: { managerId, blockId, unitId, equipmentId, takenByKind, takenByInspectorId, takenByName, reportedOn, content }, after });
    return before.id;
  });
  return loadFeedback(ctx, id);
}

export function answerFeedback(ctx: CoreContext, input: ParsedInput<'chain.answerFeedback'>): Feedback {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'chain.answerFeedback');
  inTransaction(w, () => {
    const { row, feedback: before } = loadOwn(w, input.id, input.version);
    if (before.state !== 'registered') throw new AppError('CONFLICT', `该反馈${before.state === 'closed' ? '已办结' : before.state === 'answered' ? '已答复' : '已转为隐患'}，不能再答复。`);
    const answeredOn = input.answeredOn ?? today(ctx);
    checkDate(ctx, answeredOn, before.reportedOn, 'answeredOn', '答复日期');
    const { answer, answeredBy } = input;
    feedbackRows.update(w, row, { answer, answeredOn, answeredBy, state: 'answered' }, { before: { state: before.state }, after: { state: 'answered', answer, answeredOn, answeredBy } });
  });
  return loadFeedback(ctx, input.id);
}

/** A new hazard of the unit concerned, reported by the manager, or a hazard of this office already registered. */
export function feedbackToHazard(ctx: CoreContext, input: ParsedInput<'chain.feedbackToHazard'>): Feedback {
  const identity = requireDistrictIdentity(ctx);
  const { db } = ctx.database;
  const w = beginWrite(ctx, identity, 'chain.feedbackToHazard');
  inTransaction(w, () => {
    const { row, feedback: before } = loadOwn(w, input.id, input.version);
    if (before.state === 'hazard' || before.state === 'closed') throw new AppError('CONFLICT', `该反馈${before.state === 'closed' ? '已办结' : '已转为隐患'}，不能再转为隐患。`);
    let hazardId: string;
    if (input.hazardId) {
      const hazard = db.select({ originNode: hazards.originNode }).from(hazards).where(and(eq(hazards.id, input.hazardId), isNull(hazards.deletedAt))).get();
      if (!hazard || hazard.originNode !== identity.id) throw new AppError('NOT_FOUND', '所选隐患不是本分局登记的隐患，请从本分局的隐患中选择。', { field: 'hazardId' });
      hazardId = input.hazardId;
    } else {
      if (!input.description) throw new AppError('VALIDATION', '请描述隐患（可在反馈内容的基础上修改）。', { field: 'description' });
      if (!input.level) throw new AppError('VALIDATION', '请选择隐患等级：一般隐患或重大隐患。', { field: 'level' });
      hazardId = createHazard(ctx, {
        unitId: before.unitId ?? before.managerUnitId,
        equipmentId: before.equipmentId,
        description: input.description,
        level: input.level,
        foundBy: `${before.managerName}（${before.managerUnitName}安全管理员）`.slice(0, 100),
        foundOn: before.reportedOn,
        measures: input.measures,
        comment: `安全管理员问题反馈转入（${before.takenByName}接收）`,
        evidence: input.evidence,
        sourceInspectionId: null,
        reporterManagerId: before.managerId,
      }).id;
    }
    const hazardOn = today(ctx);
    feedbackRows.update(w, row, { hazardId, hazardOn, state: 'hazard' }, { rowIds: [hazardId], before: { state: before.state, hazardId: null }, after: { state: 'hazard', hazardId, hazardOn, linked: Boolean(input.hazardId) } });
  });
  return loadFeedback(ctx, input.id);
}

/** 办结: an answered report, or one whose hazard has been closed (闭环销号). */
export function closeFeedback(ctx: CoreContext, input: ParsedInput<'chain.closeFeedback'>): Feedback {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'chain.closeFeedback');
  inTransaction(w, () => {
    const { row, feedback: before } = loadOwn(w, input.id, input.version);
    if (before.state === 'closed') throw new AppError('CONFLICT', '该反馈已办结。');
    if (before.state === 'registered') throw new AppError('CONFLICT', '该反馈尚未答复，也未转为隐患：请先答复或转为隐患，再办结。');
    if (before.state === 'hazard' && !HAZARD_DONE.includes(before.hazardState ?? '')) {
      const state = before.hazardState ? stateLabels[before.hazardState as keyof typeof stateLabels] : '未知';
      throw new AppError('CONFLICT', `所转隐患尚未闭环销号（当前：${state}），隐患闭环后才能办结此反馈。`);
    }
    const closedOn = input.closedOn ?? today(ctx);
    checkDate(ctx, closedOn, before.reportedOn, 'closedOn', '办结日期');
    feedbackRows.update(w, row, { closedOn, closeNote: input.note, state: 'closed' }, { before: { state: before.state }, after: { state: 'closed', closedOn, note: input.note } });
  });
  return loadFeedback(ctx, input.id);
}
