import { readFileSync } from 'node:fs';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { acceptanceEvidence, acceptanceFiles, acceptanceItems, attachments, inspectors, units } from '../../../db/schema/index.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { AcceptanceDetail, AcceptanceItem, AcceptanceState, Evidence, PrefillOutcome } from '../../api/schemas/acceptance.ts';
import type { FileOutput } from '../../api/schemas/files.ts';
import { appendAudit } from '../audit.ts';
import { attachmentIds, attachmentPath, storeStaged } from '../attachments/store.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql as sqlRow, sqlFragment } from '../data/query.ts';
import { newId } from '../ids.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { evidenceRows, fileRows, itemRows } from './acceptance-rows.ts';
import { requireDistrictIdentity, requireIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { localDate, resolveAsOf } from '../registry/as-of.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { actorFor, decisionsOf, getDetail, loadFileRow, type FileRow } from './acceptance-read.ts';
import { checklistItems, LATEST_CHECKLIST_VERSION, loadChecklist } from './checklist.ts';
import { goesAgainst } from './contradictions.ts';
import { prefillAll, prefillOutcome, unitFacts } from './prefill.ts';
import { editableStates, effectiveState, nextState, transitions } from './state.ts';
import { likePattern } from '../registry/status-sql.ts';

function stateOf(ctx: CoreContext, file: FileRow): AcceptanceState {
  return effectiveState(file.state, file.round, decisionsOf(ctx, [file.id]).get(file.id) ?? []);
}

/** A file this office owns, in a state in which its items may change. */
function loadEditable(ctx: CoreContext, identity: DistrictIdentity, fileId: string): FileRow {
  const file = loadFileRow(ctx, fileId);
  if (file.originNode !== identity.id) throw new AppError('FORBIDDEN', '该档案由其他分局建立，只能由建档的分局填写。');
  const state = stateOf(ctx, file);
  if (!editableStates.includes(state)) {
    const why = state === 'city_review' ? '档案已报市局验收，在市局给出意见前不能修改' : state === 'passed' ? '档案已验收通过；如需修改，请先“发起复查”' : '档案已撤销，不能修改';
    throw new AppError('CONFLICT', `${why}。`);
  }
  return file;
}

/**
 * Bumps the file's version and updated time (a change to its items is a change to the
 * file), so that the file travels again; not audited apart: the item's entry says why.
 */
function touchFile(ctx: CoreContext, fileId: string, now: string): void {
  ctx.database.db
    .update(acceptanceFiles)
    .set({ updatedAt: now, version: sql`${acceptanceFiles.version} + 1` })
    .where(eq(acceptanceFiles.id, fileId))
    .run();
}

export function acceptanceCandidates(ctx: CoreContext, input: { search?: string | undefined; limit?: number } = {}) {
  const identity = requireDistrictIdentity(ctx);
  const settings = getRegistrySettings(ctx);
  const open = new Set(
    ctx.database.db
      .select({ id: acceptanceFiles.id, unitId: acceptanceFiles.unitId })
      .from(acceptanceFiles)
      .where(and(eq(acceptanceFiles.originNode, identity.id), isNull(acceptanceFiles.deletedAt)))
      .all()
      .filter((f) => stateOf(ctx, loadFileRow(ctx, f.id)) !== 'revoked')
      .map((f) => f.unitId),
  );
  // the units grid's search: name, pinyin initials (stored lower case), credit code (upper case)
  const search = input.search?.trim();
  const matches = search
    ? sqlFragment`AND (u.name LIKE ${likePattern(search)} ESCAPE '\\' OR u.name_initials LIKE ${likePattern(search.toLowerCase())} ESCAPE '\\' OR u.uscc LIKE ${likePattern(search.toUpperCase())} ESCAPE '\\')`
    : sqlFragment``;
  const rows = all(
    ctx.database.sqlite,
    sqlRow<{ id: string; name: string; uscc: string; inUse: number }>`SELECT u.id, u.name, u.uscc,
              (SELECT count(*) FROM equipment e WHERE e.unit_id = u.id AND e.deleted_at IS NULL AND e.status IN (SELECT value FROM json_each(${JSON.stringify(settings.countedStatuses)}))) AS inUse
       FROM units u WHERE u.district_id = ${identity.districtId} AND u.deleted_at IS NULL ${matches} ORDER BY inUse DESC, u.name_sort`,
  );
  return rows.filter((r) => !open.has(r.id)).slice(0, input.limit ?? 2000);
}

function checkInspector(ctx: CoreContext, identity: DistrictIdentity, input: { inspectorId?: string | null; inspectorName: string | null }) {
  if (!input.inspectorId) return { inspectorId: null, inspectorName: input.inspectorName };
  const row = ctx.database.db
    .select({ name: inspectors.name })
    .from(inspectors)
    .where(and(eq(inspectors.id, input.inspectorId), eq(inspectors.districtId, identity.districtId), isNull(inspectors.deletedAt)))
    .get();
  if (!row) throw new AppError('VALIDATION', '所选监察人员不属于本辖区或已被删除，请刷新后重新选择', { field: 'inspectorId' });
  return { inspectorId: input.inspectorId, inspectorName: row.name };
}

export function createFile(ctx: CoreContext, input: ParsedInput<'acceptance.create'>): AcceptanceDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'acceptance.create');
  const id = inTransaction(w, () => {
    const unit = ctx.database.db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.id, input.unitId), eq(units.districtId, identity.districtId), isNull(units.deletedAt)))
      .get();
    if (!unit) throw new AppError('VALIDATION', '所选单位不属于本辖区或已被删除，请刷新后重新选择', { field: 'unitId' });
    if (!acceptanceCandidates(ctx, { limit: 100_000 }).some((c) => c.id === unit.id)) {
      throw new AppError('DUPLICATE', `“${unit.name}”已有未结束的验收档案，请在看板中打开它。`, { field: 'unitId' });
    }
    const inspector = checkInspector(ctx, identity, input);
    const { now } = w;
    const template = loadChecklist(LATEST_CHECKLIST_VERSION);
    const file = fileRows.insert(
      w,
      {
        districtId: identity.districtId,
        unitId: unit.id,
        phase: input.phase,
        checklistVersion: template.version,
        inspectorId: inspector.inspectorId,
        inspectorName: inspector.inspectorName,
        state: 'created',
        round: 0,
        startedOn: input.startedOn ?? localDate(ctx.now()),
        targetDate: input.targetDate ?? null,
        notes: input.notes,
      },
      { audit: { after: { unitId: unit.id, unitName: unit.name, phase: input.phase, checklistVersion: template.version, ...inspector, label: `建立档案（${unit.name}）` } } },
    );
    // items the registry can decide start with its answer; the office confirms or changes it.
    // The items are part of the file's creation and its one audit entry, so they go in
    // through the builder with the sync columns the layer would give them.
    const prefill = prefillAll(unitFacts(ctx, unit.id), getRegistrySettings(ctx), resolveAsOf(ctx, undefined));
    const items = template.areas.flatMap((area) =>
      area.items.map((item) => {
        const p = item.prefill ? prefill[item.prefill] : null;
        const outcome = p && p.outcome !== 'unknown' ? p.outcome : null;
        const decided = outcome ? p : null;
        return {
          id: newId(),
          originNode: identity.id,
          createdAt: now,
          updatedAt: now,
          version: 1,
          fileId: file.id,
          code: item.code,
          result: outcome,
          comment: decided ? `系统核对：${decided.summary}` : null,
          resultSource: decided ? 'prefill' : null,
          checkedAt: decided ? now : null,
        };
      }),
    );
    if (items.length > 0) ctx.database.db.insert(acceptanceItems).values(items).run();
    return file.id;
  });
  return getDetail(ctx, id);
}

export function updateFile(ctx: CoreContext, input: ParsedInput<'acceptance.update'>): AcceptanceDetail {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'acceptance.update');
  inTransaction(w, () => {
    const file = fileRows.owned(w, loadEditable(ctx, identity, input.id).id, input.version);
    const inspector = checkInspector(ctx, identity, input);
    const change = { phase: input.phase, ...inspector, startedOn: input.startedOn ?? file.startedOn, targetDate: input.targetDate ?? null, notes: input.notes };
    fileRows.update(w, file, change, {
      before: { phase: file.phase, inspectorName: file.inspectorName, startedOn: file.startedOn, targetDate: file.targetDate, notes: file.notes },
      after: change,
    });
  });
  return getDetail(ctx, input.id);
}

function itemOf(detail: AcceptanceDetail, itemId: string): AcceptanceItem {
  for (const area of detail.areas) for (const item of area.items) if (item.id === itemId) return item;
  throw new AppError('NOT_FOUND', '该检查项不存在，请刷新');
}

function loadItem(ctx: CoreContext, itemId: string) {
  const i = acceptanceItems;
  const item = ctx.database.db
    .select({
      id: i.id,
      fileId: i.fileId,
      code: i.code,
      version: i.version,
      result: i.result,
      reason: i.reason,
      comment: i.comment,
      systemFinding: i.systemFinding,
      contradictionReason: i.contradictionReason,
    })
    .from(i)
    .where(and(eq(i.id, itemId), isNull(i.deletedAt)))
    .get();
  if (!item) throw new AppError('NOT_FOUND', '该检查项不存在，请刷新');
  return item;
}

/** The system's finding on an item of the file's checklist, as the registry reads now (null: not a data item). */
function systemFinding(ctx: CoreContext, file: FileRow, code: string): PrefillOutcome | null {
  const key = checklistItems(loadChecklist(file.checklistVersion)).get(code)?.prefill;
  return key ? prefillOutcome(key, unitFacts(ctx, file.unitId), getRegistrySettings(ctx).countedStatuses, resolveAsOf(ctx, undefined)) : null;
}

export function saveItem(ctx: CoreContext, input: ParsedInput<'acceptance.saveItem'>): AcceptanceItem {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'acceptance.saveItem');
  const fileId = inTransaction(w, () => {
    const item = loadItem(ctx, input.itemId);
    const file = loadEditable(ctx, identity, item.fileId);
    if (item.version !== input.version) throw new AppError('CONFLICT', '该检查项已被修改（可能在另一窗口），请刷新后重新填写', { currentVersion: item.version });
    if (input.result === 'na' && !input.reason) throw new AppError('VALIDATION', '选择“不适用”时请写明理由', { field: 'reason' });
    if (input.result === 'fail' && !input.comment) throw new AppError('VALIDATION', '选择“不符合”时请在说明中写明问题', { field: 'comment' });
    const finding = systemFinding(ctx, file, item.code);
    const against = goesAgainst(input.result, finding);
    if (against && !input.contradictionReason) {
      throw new AppError(
        'VALIDATION',
        `第 ${item.code} 项系统核对结果为不符合（${finding!.summary}）。选择“${input.result === 'na' ? '不适用' : '符合'}”须写明理由（如已现场核实、台账数据有误并已更正），否则请选择“不符合”。`,
        { field: 'contradictionReason', finding: finding!.summary },
      );
    }
    const { now } = w;
    const reason = input.result === 'na' ? input.reason : null;
    // the finding is kept as it read when the office answered it
    const kept = against ? { systemFinding: finding!.summary, contradictionReason: input.contradictionReason } : { systemFinding: null, contradictionReason: null };
    const change = { result: input.result, reason, comment: input.comment, resultSource: input.result ? 'manual' : null, checkedAt: input.result ? now : null, ...kept };
    itemRows.update(w, itemRows.owned(w, item.id), change, {
      before: { result: item.result, reason: item.reason, comment: item.comment, systemFinding: item.systemFinding, contradictionReason: item.contradictionReason },
      after: { fileId: item.fileId, code: item.code, result: input.result, reason, comment: input.comment, ...kept },
    });
    touchFile(ctx, item.fileId, now);
    return item.fileId;
  });
  return itemOf(getDetail(ctx, fileId), input.itemId);
}

export function attachEvidence(ctx: CoreContext, input: ParsedInput<'acceptance.attachEvidence'>): Evidence {
  const identity = requireDistrictIdentity(ctx);
  const { db } = ctx.database;
  // checked and in the store before the transaction: harmless if the transaction then fails
  const stored = storeStaged(ctx, [input.stagedId]);
  const { sha256, name, size } = stored[0]!;
  const w = beginWrite(ctx, identity, 'acceptance.attachEvidence');
  const { fileId, evidenceId } = inTransaction(w, () => {
    const item = loadItem(ctx, input.itemId);
    loadEditable(ctx, identity, item.fileId);
    const { now } = w;
    const [attachmentId] = attachmentIds(ctx.database, identity.id, now, stored);
    const already = db
      .select({ id: acceptanceEvidence.id })
      .from(acceptanceEvidence)
      .where(and(eq(acceptanceEvidence.itemId, item.id), eq(acceptanceEvidence.attachmentId, attachmentId!), isNull(acceptanceEvidence.deletedAt)))
      .get();
    if (already) throw new AppError('DUPLICATE', `“${name}”已是该项的佐证材料。`);
    const evidence = evidenceRows.insert(
      w,
      { fileId: item.fileId, itemId: item.id, attachmentId: attachmentId!, note: input.note },
      { audit: { after: { fileId: item.fileId, code: item.code, attachmentId, fileName: name, sha256, size } } },
    );
    touchFile(ctx, item.fileId, now);
    return { fileId: item.fileId, evidenceId: evidence.id };
  });
  const detail = getDetail(ctx, fileId);
  for (const area of detail.areas) for (const item of area.items) for (const e of item.evidence) if (e.id === evidenceId) return e;
  throw new AppError('INTERNAL', '佐证材料已保存但未能读回，请刷新');
}

export function removeEvidence(ctx: CoreContext, input: { id: string }): { removed: boolean } {
  const identity = requireDistrictIdentity(ctx);
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    const row = get(
      sqlite,
      sqlRow<{ id: string; fileId: string; originNode: string; deletedAt: string | null; code: string }>`
        SELECT e.id, e.file_id AS fileId, e.origin_node AS originNode, e.deleted_at AS deletedAt, i.code FROM acceptance_evidence e JOIN acceptance_items i ON i.id = e.item_id WHERE e.id = ${input.id}`,
    );
    if (!row || row.deletedAt) return { removed: false };
    loadEditable(ctx, identity, row.fileId);
    const now = ctx.now().toISOString();
    // a tombstone, so that the removal travels to the bureau; through the builder, not the
    // layer's remove, because this entry has always named only the tombstone (no before)
    ctx.database.db
      .update(acceptanceEvidence)
      .set({ deletedAt: now, updatedAt: now, version: sql`${acceptanceEvidence.version} + 1` })
      .where(eq(acceptanceEvidence.id, row.id))
      .run();
    touchFile(ctx, row.fileId, now);
    appendAudit(ctx, { nodeId: identity.id, call: 'acceptance.removeEvidence', table: 'acceptance_evidence', rowIds: [row.id], after: { fileId: row.fileId, code: row.code, deletedAt: now } });
    return { removed: true };
  })();
}

export function evidenceFile(ctx: CoreContext, input: { attachmentId: string }): FileOutput {
  const row = ctx.database.db
    .select({ sha256: attachments.sha256, fileName: attachments.fileName, mimeType: attachments.mimeType })
    .from(attachments)
    .where(and(eq(attachments.id, input.attachmentId), isNull(attachments.deletedAt)))
    .get();
  if (!row) throw new AppError('NOT_FOUND', '该文件不存在或已被删除');
  try {
    return { fileName: row.fileName, mimeType: row.mimeType, contentBase64: readFileSync(attachmentPath(ctx, row.sha256)).toString('base64') };
  } catch {
    throw new AppError('NOT_FOUND', `文件“${row.fileName}”的内容缺失（可能尚未随数据包到达），请从备份恢复数据文件夹中的 attachments 目录。`);
  }
}

/** What must hold before a file goes to the city bureau: every item decided, no veto item failed, evidence complete. */
function checkReadyForCity(detail: AcceptanceDetail): void {
  const undecided = detail.areas.flatMap((a) => a.items).filter((i) => !i.result);
  if (undecided.length > 0) {
    throw new AppError('VALIDATION', `还有 ${undecided.length} 个检查项未填写结果（如 ${undecided[0]!.code} ${undecided[0]!.title}），请填写后再报市局验收。`);
  }
  const veto = detail.areas.flatMap((a) => a.items).filter((i) => i.veto && i.result === 'fail');
  if (veto.length > 0) throw new AppError('VALIDATION', `一票否决项“${veto[0]!.code} ${veto[0]!.title}”为不符合，整改后才能报市局验收。`);
  if (detail.missingEvidence.length > 0) {
    throw new AppError('VALIDATION', `还有 ${detail.missingEvidence.length} 个检查项缺少佐证材料（如 ${detail.missingEvidence[0]}），请补齐后再报市局验收。`);
  }
  // the data may have changed since the item was saved, or the item predates the rule
  const unexplained = detail.contradictions.filter((c) => !c.reason);
  if (unexplained.length > 0) {
    throw new AppError(
      'VALIDATION',
      `${unexplained.map((c) => `第 ${c.code} 项`).join('、')}的结果与系统核对结果不一致（如 ${unexplained[0]!.code}：${unexplained[0]!.finding}），请在该项写明理由或改为“不符合”后再报市局验收。`,
    );
  }
}

export function transition(ctx: CoreContext, input: ParsedInput<'acceptance.transition'>): AcceptanceDetail {
  const identity = requireIdentity(ctx);
  if (transitions[input.action].actor === 'bureau') {
    throw new AppError('VALIDATION', '市局的验收意见（通过、退回、撤销）请用“验收意见”办理。', { field: 'action' });
  }
  const w = beginWrite(ctx, identity, 'acceptance.transition');
  inTransaction(w, () => {
    const file = loadFileRow(ctx, input.id);
    if (actorFor(identity, file) !== 'office') throw new AppError('FORBIDDEN', '该档案由其他分局建立，只能由建档的分局办理。');
    if (file.version !== input.version) throw new AppError('CONFLICT', '该档案已被修改（可能在另一窗口），请刷新后再办理', { currentVersion: file.version });
    const from = stateOf(ctx, file);
    const next = nextState(from, input.action, 'office');
    if (!next.ok) throw new AppError('CONFLICT', next.reason);
    if (input.action === 'submit_city') checkReadyForCity(getDetail(ctx, file.id));
    const submitted = input.action === 'submit_city';
    const round = submitted ? file.round + 1 : file.round;
    const change = submitted ? { state: next.to, round, submittedAt: w.now } : { state: next.to, round };
    fileRows.update(w, fileRows.owned(w, file.id), change, {
      before: { state: from, round: file.round },
      after: { action: input.action, label: transitions[input.action].label, state: next.to, round, comment: input.comment },
    });
  });
  return getDetail(ctx, input.id);
}
