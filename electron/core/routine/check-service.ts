import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { BlockCheckDetail, CheckKind } from '../../api/schemas/routine.ts';
import type { HazardDetail } from '../../api/schemas/hazards.ts';
import type { RecordItem } from '../../api/schemas/inspections.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { get, sql } from '../data/query.ts';
import { beginWrite, inTransaction, type Write } from '../data/write.ts';
import { attachmentIds, storeStaged } from '../attachments/store.ts';
import { createHazard } from '../hazards/hazard-service.ts';
import { resolveChecklist } from '../inspections/checklists.ts';
import type { DistrictIdentity } from '../node/node-service.ts';
import { getCheck, loadCheckRow } from './check-read.ts';
import { checkRows } from './routine-rows.ts';
import { checkOwnRow, currentMembers, loadOwnBlock, ownWords, parseJson, requireVersion, today } from './routine-scope.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// 自查 and 互查 of a block. A 自查 is made by the checked unit's own safety manager; a 互查
// by a safety manager of another member unit — never of the unit checked. Both follow a
// checklist of the inspections (shipped or the office's own version, pinned and copied,
// so a later version never rewrites a record), are filled as a draft and made final;
// a final check's findings become hazards through the hazards service, with the check
// and its manager as their source. Photos go to the attachments store first, as the
// inspection records' do (content-addressed, so a refusal leaves at most an unused file).

type SaveInput = ParsedInput<'blocks.saveCheck'>;

const kindWords: Record<CheckKind, string> = { self: '自查', mutual: '互查' };
/** A check that cannot be changed here is named as what it is: 自查记录 or 互查记录. */
const recordWords = (row: { kind: CheckKind }) => ownWords(`${kindWords[row.kind]}记录`);

interface Manager {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
}

/** The checked unit is a current member; the checker a manager of the right member unit for the kind. */
function checkPeople(ctx: CoreContext, blockId: string, blockName: string, input: Pick<SaveInput, 'kind' | 'checkedUnitId' | 'checkerManagerId'>): Manager {
  const members = currentMembers(ctx, blockId);
  const checked = members.find((m) => m.unitId === input.checkedUnitId);
  if (!checked) throw new AppError('VALIDATION', `所选被检查单位不是小组“${blockName}”的现有成员单位，请重新选择。`, { field: 'checkedUnitId' });
  const manager = get(
    ctx.database.sqlite,
    sql<Manager>`SELECT m.id, m.name, m.unit_id AS unitId, u.name AS unitName FROM safety_managers m JOIN units u ON u.id = m.unit_id WHERE m.id = ${input.checkerManagerId} AND m.deleted_at IS NULL`,
  );
  if (!manager) throw new AppError('VALIDATION', '所选检查人不是台账中的安全管理员，请重新选择。', { field: 'checkerManagerId' });
  if (input.kind === 'self') {
    if (manager.unitId !== checked.unitId) {
      throw new AppError('VALIDATION', `自查应由被检查单位自己的安全管理员进行：${manager.name}是“${manager.unitName}”的安全管理员，不是“${checked.name}”的。`, { field: 'checkerManagerId' });
    }
    return manager;
  }
  if (manager.unitId === checked.unitId) {
    throw new AppError('VALIDATION', `互查不能由被检查单位自己的安全管理员进行（${manager.name}是“${checked.name}”的安全管理员）：请选择另一家成员单位的安全管理员，或改记为自查。`, {
      field: 'checkerManagerId',
    });
  }
  if (!members.some((m) => m.unitId === manager.unitId)) {
    throw new AppError('VALIDATION', `互查的检查人应是本小组成员单位的安全管理员：“${manager.unitName}”不是小组“${blockName}”的现有成员。`, { field: 'checkerManagerId' });
  }
  return manager;
}

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

function create(w: Write, identity: DistrictIdentity, input: SaveInput, files: string[]): string {
  const { ctx } = w;
  const block = loadOwnBlock(ctx, identity, input.blockId);
  const manager = checkPeople(ctx, block.id, block.name, input);
  const checklist = resolveChecklist(ctx, identity.id, input.checklistKey, input.checklistVersion);
  const items = applyItems(
    checklist.items.map((i) => ({ code: i.code, text: i.text, basis: i.basis, result: null, note: null })),
    input.items,
  );
  const values = {
    districtId: identity.districtId,
    blockId: block.id,
    kind: input.kind,
    checkedUnitId: input.checkedUnitId,
    checkerUnitId: manager.unitId,
    checkerManagerId: manager.id,
    checkedOn: input.checkedOn,
    checklistKey: checklist.key,
    checklistVersion: checklist.version,
    items: JSON.stringify(items),
    findings: input.findings,
    checkedSigner: input.checkedSigner,
    attachments: JSON.stringify(files),
    state: 'draft',
  };
  const after = { blockId: block.id, kind: input.kind, checkedUnitId: input.checkedUnitId, checkerManagerId: manager.id, checkedOn: input.checkedOn, checklist: `${checklist.key}@${checklist.version}`, items: input.items, findings: input.findings, checkedSigner: input.checkedSigner, files };
  return checkRows.insert(w, values, { audit: { after } }).id;
}

function update(w: Write, identity: DistrictIdentity, input: SaveInput & { id: string }, added: string[]): string {
  const { ctx } = w;
  const before = checkRows.owned(w, input.id, input.version, recordWords);
  requireVersion(input.version, `${kindWords[before.kind]}记录`);
  if (before.state === 'final') throw new AppError('CONFLICT', `${kindWords[before.kind]}记录已定稿，不能再修改。`);
  if (before.blockId !== input.blockId || before.kind !== input.kind) throw new AppError('VALIDATION', '记录所属的小组和检查类型（自查、互查）不能更改。', { field: 'kind' });
  const block = loadOwnBlock(ctx, identity, before.blockId);
  const manager = checkPeople(ctx, block.id, block.name, input);
  const items = applyItems(parseJson<RecordItem[]>(before.items, []), input.items);
  const kept = parseJson<string[]>(before.attachments, []);
  for (const removed of input.removeFiles) {
    if (!kept.includes(removed)) throw new AppError('VALIDATION', '要移除的文件不在本记录中，请刷新后重试。', { field: 'removeFiles' });
  }
  const files = [...new Set([...kept.filter((f) => !input.removeFiles.includes(f)), ...added])];
  const change = {
    checkedUnitId: input.checkedUnitId,
    checkerUnitId: manager.unitId,
    checkerManagerId: manager.id,
    checkedOn: input.checkedOn,
    items: JSON.stringify(items),
    findings: input.findings,
    checkedSigner: input.checkedSigner,
    attachments: JSON.stringify(files),
  };
  checkRows.update(w, before, change, {
    before: { checkedUnitId: before.checkedUnitId, checkerManagerId: before.checkerManagerId, checkedOn: before.checkedOn, items: parseJson(before.items, []), findings: before.findings, checkedSigner: before.checkedSigner, files: kept },
    after: { checkedUnitId: input.checkedUnitId, checkerManagerId: manager.id, checkedOn: input.checkedOn, items, findings: input.findings, checkedSigner: input.checkedSigner, files },
  });
  return before.id;
}

export function saveCheck(ctx: CoreContext, input: SaveInput): BlockCheckDetail {
  const identity = requireDistrictIdentity(ctx);
  if (input.checkedOn > today(ctx)) throw new AppError('VALIDATION', '检查日期不能晚于今天。', { field: 'checkedOn' });
  const stored = storeStaged(ctx, input.addFiles);
  const w = beginWrite(ctx, identity, 'blocks.saveCheck');
  const id = inTransaction(w, () => {
    const added = attachmentIds(ctx.database, identity.id, w.now, stored);
    return input.id ? update(w, identity, { ...input, id: input.id }, added) : create(w, identity, input, added);
  });
  return getCheck(ctx, id);
}

export function finalizeCheck(ctx: CoreContext, input: ParsedInput<'blocks.finalizeCheck'>): BlockCheckDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'blocks.finalizeCheck');
  inTransaction(w, () => {
    const before = checkRows.owned(w, input.id, input.version, recordWords);
    const what = `${kindWords[before.kind]}记录`;
    if (before.state === 'final') throw new AppError('CONFLICT', `${what}已定稿。`);
    const open = parseJson<RecordItem[]>(before.items, []).filter((i) => i.result === null);
    if (open.length > 0) throw new AppError('VALIDATION', `还有 ${open.length} 个检查项目未填写结果（如 ${open[0]!.code} ${open[0]!.text.slice(0, 20)}…），请填写后再定稿。`, { field: 'items' });
    if (!before.checkedSigner) throw new AppError('VALIDATION', '请填写被检查单位的签字人后再定稿（检查人为记录上的安全管理员）。', { field: 'checkedSigner' });
    checkRows.update(w, before, { state: 'final' }, { before: { state: 'draft' }, after: { state: 'final' } });
  });
  return getCheck(ctx, input.id);
}

/**
 * A finding of a final check becomes a hazard of the checked unit through the hazards
 * service (its checks, event and audit entry), found on the day of the check by its
 * manager, who is recorded as the reporting manager. One transaction: the hazard's own
 * is nested in it (a savepoint), so a refusal here leaves no hazard behind.
 */
export function addCheckFinding(ctx: CoreContext, input: ParsedInput<'blocks.checkFinding'>): HazardDetail {
  const identity = requireDistrictIdentity(ctx);
  return ctx.database.sqlite.transaction(() => {
    const check = loadCheckRow(ctx, input.checkId);
    const what = `${kindWords[check.kind]}记录`;
    checkOwnRow(identity, check, check.version, what);
    if (check.state !== 'final') throw new AppError('CONFLICT', `${what}尚未定稿：请填完检查项目、由被检查单位签字并定稿后，再把发现的问题登记为隐患。`);
    const hazard = createHazard(ctx, {
      unitId: check.checkedUnitId,
      equipmentId: input.equipmentId,
      description: input.description,
      level: input.level,
      foundBy: `${check.checkerManagerName}（${check.checkerUnitName}安全管理员）`.slice(0, 100),
      foundOn: check.checkedOn,
      measures: input.measures,
      comment: `安全管理小组“${check.blockName}”${kindWords[check.kind]}发现`,
      evidence: input.evidence,
      sourceInspectionId: null,
      sourceCheckId: check.id,
      reporterManagerId: check.checkerManagerId,
    });
    appendAudit(ctx, { nodeId: identity.id, call: 'blocks.checkFinding', table: 'hazards', rowIds: [hazard.id, check.id], after: { checkId: check.id, hazardId: hazard.id, level: input.level, description: input.description } });
    return hazard;
  })();
}
