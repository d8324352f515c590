import { and, eq, isNull } from 'drizzle-orm';
import { inspectionRecords } from '../../../db/schema/index.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { RecordDetail, RecordItem, TeamMember } from '../../api/schemas/inspections.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction, type Write } from '../data/write.ts';
import { attachmentIds, storeStaged } from '../attachments/store.ts';
import type { DistrictIdentity } from '../node/node-service.ts';
import { resolveChecklist } from './checklists.ts';
import { recordRows } from './inspection-rows.ts';
import { checkOwn, parseJson, today } from './office.ts';
import { loadPlanRow } from './plan-read.ts';
import { getRecord, loadRecordRow } from './record-read.ts';
import { checkTeam } from './team.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// The record of one visit: made under an active plan for a unit in its scope, with
// the pinned checklist's items copied in (a later version never rewrites it), filled
// in as a draft, then made final — after which only findings and orders follow it.
// Photos and files go to the attachments store as hazard evidence does, stored before
// the transaction (content-addressed, so a refusal leaves at most an unused file).

type SaveInput = ParsedInput<'inspections.saveRecord'>;

function applyItems(items: RecordItem[], changes: SaveInput['items']): RecordItem[] {
  const byCode = new Map(items.map((i) => [i.code, i]));
  for (const change of changes) {
    const item = byCode.get(change.code);
    if (!item) throw new AppError('VALIDATION', `检查项目 ${change.code} 不在本记录的检查表中，请刷新后重填。`, { field: 'items' });
    item.result = change.result;
    item.note = change.note;
  }
  return items;
}

function checkDate(ctx: CoreContext, inspectedOn: string): void {
  if (inspectedOn > today(ctx)) throw new AppError('VALIDATION', '检查日期不能晚于今天。', { field: 'inspectedOn' });
}

function activePlan(ctx: CoreContext, identity: DistrictIdentity, planId: string) {
  const plan = loadPlanRow(ctx, planId);
  checkOwn(identity, plan, undefined, '检查计划');
  if (plan.state !== 'active') {
    throw new AppError('CONFLICT', plan.state === 'draft' ? '检查计划尚未启动，请先启动计划再记录检查。' : '检查计划已结束，不能再记录检查。', { field: 'planId' });
  }
  return plan;
}

function createRecord(w: Write, identity: DistrictIdentity, input: SaveInput, files: string[]): string {
  const { ctx } = w;
  const plan = activePlan(ctx, identity, input.planId);
  if (!parseJson<string[]>(plan.scopeUnitIds, []).includes(input.unitId)) throw new AppError('VALIDATION', '该单位不在本计划的检查范围内，请选择范围内的单位。', { field: 'unitId' });
  const r = inspectionRecords;
  const existing = ctx.database.db
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.planId, plan.id), eq(r.unitId, input.unitId), isNull(r.deletedAt)))
    .get();
  if (existing) throw new AppError('DUPLICATE', '本计划已有该单位的检查记录，请打开那份记录继续填写。', { field: 'unitId', recordId: existing.id });
  const checklist = resolveChecklist(ctx, plan.originNode, plan.checklistKey, plan.checklistVersion);
  const items = applyItems(
    checklist.items.map((i) => ({ code: i.code, text: i.text, basis: i.basis, result: null, note: null })),
    input.items,
  );
  const team: TeamMember[] = input.team ? checkTeam(ctx, identity, input.team) : parseJson<TeamMember[]>(plan.team, []);
  const values = {
    planId: plan.id,
    districtId: identity.districtId,
    unitId: input.unitId,
    inspectedOn: input.inspectedOn,
    team: JSON.stringify(team),
    items: JSON.stringify(items),
    findings: input.findings,
    unitSigner: input.unitSigner,
    attachments: JSON.stringify(files),
    state: 'draft',
  };
  const after = { planId: plan.id, unitId: input.unitId, inspectedOn: input.inspectedOn, team, checklist: `${plan.checklistKey}@${plan.checklistVersion}`, items: input.items, findings: input.findings, unitSigner: input.unitSigner, files };
  return recordRows.insert(w, values, { audit: { after } }).id;
}

function updateRecord(w: Write, identity: DistrictIdentity, input: SaveInput & { id: string }, added: string[]): string {
  const { ctx } = w;
  const before = loadRecordRow(ctx, input.id);
  checkOwn(identity, before, input.version, '检查记录');
  if (input.version === undefined) throw new AppError('VALIDATION', '修改检查记录需要其版本号，请刷新后重试。', { field: 'version' });
  if (before.state === 'final') throw new AppError('CONFLICT', '检查记录已定稿，不能再修改。');
  if (before.planId !== input.planId || before.unitId !== input.unitId) throw new AppError('VALIDATION', '检查记录的计划和被检查单位不能更改。', { field: 'unitId' });
  activePlan(ctx, identity, before.planId);
  const items = applyItems(parseJson<RecordItem[]>(before.items, []), input.items);
  const team = input.team ? checkTeam(ctx, identity, input.team) : parseJson<TeamMember[]>(before.team, []);
  const kept = parseJson<string[]>(before.attachments, []);
  for (const removed of input.removeFiles) {
    if (!kept.includes(removed)) throw new AppError('VALIDATION', '要移除的文件不在本记录中，请刷新后重试。', { field: 'removeFiles' });
  }
  const files = [...new Set([...kept.filter((f) => !input.removeFiles.includes(f)), ...added])];
  const change = { inspectedOn: input.inspectedOn, team: JSON.stringify(team), items: JSON.stringify(items), findings: input.findings, unitSigner: input.unitSigner, attachments: JSON.stringify(files) };
  recordRows.update(w, before, change, {
    before: { inspectedOn: before.inspectedOn, team: parseJson(before.team, []), items: parseJson(before.items, []), findings: before.findings, unitSigner: before.unitSigner, files: kept },
    after: { inspectedOn: input.inspectedOn, team, items, findings: input.findings, unitSigner: input.unitSigner, files },
  });
  return before.id;
}

export function saveRecord(ctx: CoreContext, input: SaveInput): RecordDetail {
  const identity = requireDistrictIdentity(ctx);
  checkDate(ctx, input.inspectedOn);
  const stored = storeStaged(ctx, input.addFiles);
  const w = beginWrite(ctx, identity, 'inspections.saveRecord');
  const id = inTransaction(w, () => {
    const added = attachmentIds(ctx.database, identity.id, w.now, stored);
    return input.id ? updateRecord(w, identity, { ...input, id: input.id }, added) : createRecord(w, identity, input, added);
  });
  return getRecord(ctx, id);
}

export function finalizeRecord(ctx: CoreContext, input: ParsedInput<'inspections.finalizeRecord'>): RecordDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'inspections.finalizeRecord');
  inTransaction(w, () => {
    const before = loadRecordRow(ctx, input.id);
    checkOwn(identity, before, input.version, '检查记录');
    if (before.state === 'final') throw new AppError('CONFLICT', '检查记录已定稿。');
    activePlan(ctx, identity, before.planId);
    const open = parseJson<RecordItem[]>(before.items, []).filter((i) => i.result === null);
    if (open.length > 0) throw new AppError('VALIDATION', `还有 ${open.length} 个检查项目未填写结果（如 ${open[0]!.code} ${open[0]!.text.slice(0, 20)}…），请填写后再定稿。`, { field: 'items' });
    if (!before.unitSigner) throw new AppError('VALIDATION', '请填写被检查单位的签字人后再定稿（打印的检查记录由其签字确认）。', { field: 'unitSigner' });
    recordRows.update(w, before, { state: 'final' }, { before: { state: 'draft' }, after: { state: 'final' } });
  });
  return getRecord(ctx, input.id);
}
