import { AppError } from '../../api/errors.ts';
import type {
  AcceptanceBoard,
  AcceptanceDecision,
  AcceptanceDetail,
  AcceptanceItem,
  AcceptanceState,
  AcceptanceSummary,
  Completeness,
  Contradiction,
  Evidence,
} from '../../api/schemas/acceptance.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { getIdentity } from '../node/node-service.ts';
import { resolveAsOf } from '../registry/as-of.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { historyOf } from './acceptance-history.ts';
import { checklistItems, loadChecklist } from './checklist.ts';
import { contradictionOf, contradictionsOf } from './contradictions.ts';
import { prefillAll, unitFacts } from './prefill.ts';
import { allowedActions, editableStates, effectiveState, type Actor } from './state.ts';
import { bureauRows } from '../sync/authority.ts';

export interface FileRow {
  id: string;
  originNode: string;
  version: number;
  deletedAt: string | null;
  districtId: string;
  districtName: string;
  unitId: string;
  unitName: string;
  uscc: string;
  unitAddress: string | null;
  unitContact: string | null;
  phase: 'pilot' | 'rollout';
  checklistVersion: string;
  inspectorId: string | null;
  inspectorName: string | null;
  state: AcceptanceState;
  round: number;
  startedOn: string | null;
  targetDate: string | null;
  submittedAt: string | null;
  notes: string | null;
  updatedAt: string;
}

const selectFiles = sqlRaw(`SELECT f.id, f.origin_node AS originNode, f.version, f.deleted_at AS deletedAt, f.district_id AS districtId, d.name AS districtName,
  f.unit_id AS unitId, u.name AS unitName, u.uscc, u.address AS unitAddress,
  trim(coalesce(u.contact_person, '') || ' ' || coalesce(u.contact_phone, '')) AS unitContact,
  f.phase, f.checklist_version AS checklistVersion, f.inspector_id AS inspectorId, f.inspector_name AS inspectorName, f.state, f.round,
  f.started_on AS startedOn, f.target_date AS targetDate, f.submitted_at AS submittedAt, f.notes, f.updated_at AS updatedAt
FROM acceptance_files f JOIN districts d ON d.id = f.district_id JOIN units u ON u.id = f.unit_id`);

interface ItemRow {
  id: string;
  version: number;
  code: string;
  result: 'pass' | 'fail' | 'na' | null;
  reason: string | null;
  comment: string | null;
  resultSource: string | null;
  checkedAt: string | null;
  systemFinding: string | null;
  contradictionReason: string | null;
}

interface DecisionRow {
  id: string;
  fileId: string;
  round: number;
  outcome: 'pass' | 'return' | 'revoke';
  comments: string | null;
  returnedItems: string | null;
  plaqueNo: string | null;
  acknowledgedItems: string | null;
  decidedOn: string;
  decidedBy: string;
  createdAt: string;
}

/** A JSON column written by this program, read defensively (it may come from another node's bundle). */
function parseList<T>(text: string | null, keep: (x: unknown) => x is T): T[] {
  try {
    const parsed: unknown = text ? JSON.parse(text) : [];
    return Array.isArray(parsed) ? parsed.filter(keep) : [];
  } catch {
    return [];
  }
}

const isReturned = (x: unknown): x is { code: string; comment: string } =>
  typeof (x as { code?: unknown })?.code === 'string' && typeof (x as { comment?: unknown })?.comment === 'string';
const isContradiction = (x: unknown): x is Contradiction => {
  const c = x as Partial<Contradiction> | null;
  return typeof c?.code === 'string' && typeof c.title === 'string' && typeof c.finding === 'string' && ['pass', 'fail', 'na'].includes(c.result as string);
};

export function loadFileRow(ctx: CoreContext, id: string): FileRow {
  const row = get(ctx.database.sqlite, sql<FileRow>`${selectFiles} WHERE f.id = ${id}`);
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', '该验收档案不存在或已被删除，请刷新');
  return row;
}

export function decisionsOf(ctx: CoreContext, fileIds: readonly string[]): Map<string, AcceptanceDecision[]> {
  const rows = all(
    ctx.database.sqlite,
    // a decision counts only when the bureau made it (sync/authority.ts): no office decides a file, its own or another's
    sql<DecisionRow>`SELECT d.id, d.file_id AS fileId, d.round, d.outcome, d.comments, d.returned_items AS returnedItems, d.plaque_no AS plaqueNo,
              d.acknowledged_items AS acknowledgedItems, d.decided_on AS decidedOn,
              d.decided_by AS decidedBy, d.created_at AS createdAt
       FROM acceptance_decisions d JOIN acceptance_files f ON f.id = d.file_id
       WHERE d.file_id IN (SELECT value FROM json_each(${JSON.stringify(fileIds)})) AND d.deleted_at IS NULL AND ${sqlRaw(bureauRows('d'))} ORDER BY d.created_at, d.id`,
  );
  const byFile = new Map<string, AcceptanceDecision[]>();
  for (const r of rows) {
    const { acknowledgedItems, ...rest } = r;
    const acknowledged = parseList(acknowledgedItems, isContradiction).map((c) => ({ ...c, veto: c.veto !== false, reason: c.reason ?? null }));
    const list = byFile.get(r.fileId) ?? [];
    list.push({ ...rest, returnedItems: parseList(r.returnedItems, isReturned), acknowledged });
    byFile.set(r.fileId, list);
  }
  return byFile;
}

/** Who this node is to a file: the office that owns it, the bureau, or a reader. */
export function actorFor(identity: NodeIdentity | null, file: { originNode: string }): Actor | null {
  if (!identity) return null;
  if (identity.id === file.originNode) return 'office';
  if (identity.role === 'bureau') return 'bureau';
  return null;
}

interface ItemStats {
  fileId: string;
  total: number;
  decided: number;
  failedVeto: number;
}

/** Completeness per file from the items and their live evidence (one query for many files). */
function completenessOf(ctx: CoreContext, files: readonly FileRow[]): Map<string, { completeness: Completeness; missing: string[]; failedVeto: number }> {
  const out = new Map<string, { completeness: Completeness; missing: string[]; failedVeto: number }>();
  if (files.length === 0) return out;
  const rows = all(
    ctx.database.sqlite,
    sql<{ fileId: string; code: string; result: string | null; evidence: number }>`SELECT i.file_id AS fileId, i.code, i.result,
              (SELECT count(*) FROM acceptance_evidence e WHERE e.item_id = i.id AND e.deleted_at IS NULL) AS evidence
       FROM acceptance_items i WHERE i.file_id IN (SELECT value FROM json_each(${JSON.stringify(files.map((f) => f.id))})) AND i.deleted_at IS NULL`,
  );
  const byFile = new Map<string, typeof rows>();
  for (const r of rows) byFile.set(r.fileId, [...(byFile.get(r.fileId) ?? []), r]);
  for (const file of files) {
    const items = checklistItems(loadChecklist(file.checklistVersion));
    const stats: ItemStats = { fileId: file.id, total: 0, decided: 0, failedVeto: 0 };
    let required = 0;
    let complete = 0;
    const missing: string[] = [];
    for (const r of byFile.get(file.id) ?? []) {
      const template = items.get(r.code);
      stats.total++;
      if (r.result) stats.decided++;
      if (template?.veto && r.result === 'fail') stats.failedVeto++;
      if (template?.evidenceRequired !== false && r.result !== 'na') {
        required++;
        if (r.evidence > 0) complete++;
        else missing.push(`${r.code} ${template?.title ?? ''}`.trim());
      }
    }
    out.set(file.id, { completeness: { required, complete, decided: stats.decided, total: stats.total }, missing, failedVeto: stats.failedVeto });
  }
  return out;
}

function summarize(ctx: CoreContext, files: FileRow[]): AcceptanceSummary[] {
  const decisions = decisionsOf(ctx, files.map((f) => f.id));
  const stats = completenessOf(ctx, files);
  return files.map((f) => {
    const ds = decisions.get(f.id) ?? [];
    const state = effectiveState(f.state, f.round, ds);
    const pass = [...ds].reverse().find((d) => d.outcome === 'pass');
    const s = stats.get(f.id)!;
    return {
      id: f.id,
      version: f.version,
      originNode: f.originNode,
      districtId: f.districtId,
      districtName: f.districtName,
      unitId: f.unitId,
      unitName: f.unitName,
      uscc: f.uscc,
      phase: f.phase,
      state,
      round: f.round,
      checklistVersion: f.checklistVersion,
      inspectorId: f.inspectorId,
      inspectorName: f.inspectorName,
      startedOn: f.startedOn,
      targetDate: f.targetDate,
      submittedAt: f.submittedAt,
      notes: f.notes,
      completeness: s.completeness,
      missingEvidence: s.missing,
      failedVeto: s.failedVeto,
      plaqueNo: state === 'revoked' ? null : (pass?.plaqueNo ?? null),
      passedOn: state === 'revoked' ? null : (pass?.decidedOn ?? null),
      updatedAt: f.updatedAt,
    };
  });
}

/** Files this node may see: its own district's (an office) or all (bureau, training centre). */
export function listFiles(ctx: CoreContext, input: { districtId?: string; phase?: 'pilot' | 'rollout'; state?: AcceptanceState }): AcceptanceSummary[] {
  const identity = getIdentity(ctx);
  const district = identity?.role === 'district' ? identity.districtId : (input.districtId ?? null);
  const phase = input.phase ?? null;
  const rows = all(
    ctx.database.sqlite,
    sql<FileRow>`${selectFiles} WHERE f.deleted_at IS NULL AND (${district} IS NULL OR f.district_id = ${district}) AND (${phase} IS NULL OR f.phase = ${phase}) ORDER BY d.sort_order, u.name_sort`,
  );
  const summaries = summarize(ctx, rows);
  return input.state ? summaries.filter((s) => s.state === input.state) : summaries;
}

const boardColumn: Record<AcceptanceState, 'candidates' | 'inReview' | 'accepted' | 'returned' | 'revoked'> = {
  created: 'candidates',
  self_check: 'candidates',
  district_review: 'inReview',
  city_review: 'inReview',
  recheck: 'inReview',
  passed: 'accepted',
  returned: 'returned',
  revoked: 'revoked',
};

export function boardColumnOf(state: AcceptanceState) {
  return boardColumn[state];
}

export function board(ctx: CoreContext): AcceptanceBoard {
  const files = listFiles(ctx, {});
  const rows = new Map<string, AcceptanceBoard['rows'][number]>();
  for (const f of files) {
    const key = `${f.districtId}|${f.phase}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { districtId: f.districtId, districtName: f.districtName, phase: f.phase, candidates: 0, inReview: 0, accepted: 0, returned: 0, revoked: 0 }));
    row[boardColumn[f.state]]++;
  }
  return { rows: [...rows.values()], files };
}

function evidenceOf(ctx: CoreContext, fileId: string): Map<string, Evidence[]> {
  const rows = all(
    ctx.database.sqlite,
    sql<Evidence>`SELECT e.id, e.item_id AS itemId, e.attachment_id AS attachmentId, a.file_name AS fileName, a.mime_type AS mimeType, a.size, a.sha256, e.note,
              e.created_at AS createdAt
       FROM acceptance_evidence e JOIN attachments a ON a.id = e.attachment_id
       WHERE e.file_id = ${fileId} AND e.deleted_at IS NULL ORDER BY e.created_at, e.id`,
  );
  const byItem = new Map<string, Evidence[]>();
  for (const r of rows) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  return byItem;
}

export function getDetail(ctx: CoreContext, id: string): AcceptanceDetail {
  const file = loadFileRow(ctx, id);
  const [summary] = summarize(ctx, [file]);
  const template = loadChecklist(file.checklistVersion);
  const decisions = decisionsOf(ctx, [id]).get(id) ?? [];
  const lastDecision = decisions[decisions.length - 1];
  const returned = summary!.state === 'returned' && lastDecision?.outcome === 'return' ? lastDecision : null;
  const returnedByCode = new Map((returned?.returnedItems ?? []).map((r) => [r.code, r.comment]));
  const itemRows = all(
    ctx.database.sqlite,
    sql<ItemRow>`SELECT id, version, code, result, reason, comment, result_source AS resultSource, checked_at AS checkedAt,
              system_finding AS systemFinding, contradiction_reason AS contradictionReason
       FROM acceptance_items WHERE file_id = ${id} AND deleted_at IS NULL`,
  );
  const byCode = new Map(itemRows.map((r) => [r.code, r]));
  const evidence = evidenceOf(ctx, id);
  const prefill = prefillAll(unitFacts(ctx, file.unitId), getRegistrySettings(ctx), resolveAsOf(ctx, undefined));
  const identity = getIdentity(ctx);
  const actor = actorFor(identity, file);
  const state = summary!.state;

  const areas = template.areas.map((area) => {
    const items: AcceptanceItem[] = [];
    for (const t of area.items) {
      const row = byCode.get(t.code);
      if (!row) continue;
      const live = t.prefill ? prefill[t.prefill] : null;
      items.push({
        id: row.id,
        version: row.version,
        code: t.code,
        title: t.title,
        evidenceExpected: t.evidence,
        veto: t.veto,
        check: t.check,
        evidenceRequired: t.evidenceRequired,
        systemDocument: t.systemDocument,
        result: row.result,
        reason: row.reason,
        comment: row.comment,
        resultSource: row.resultSource,
        checkedAt: row.checkedAt,
        prefill: live,
        contradiction: contradictionOf(row.result, live, row),
        returnedComment: returnedByCode.get(t.code) ?? null,
        evidence: evidence.get(row.id) ?? [],
      });
    }
    const required = items.filter((i) => i.evidenceRequired && i.result !== 'na');
    return {
      code: area.code,
      title: area.title,
      requirement: area.requirement,
      items,
      completeness: {
        required: required.length,
        complete: required.filter((i) => i.evidence.length > 0).length,
        decided: items.filter((i) => i.result).length,
        total: items.length,
      },
    };
  });

  return {
    ...summary!,
    checklistTitle: `${template.title}（${template.version}）`,
    unitAddress: file.unitAddress,
    unitContact: file.unitContact || null,
    areas,
    contradictions: contradictionsOf(areas.flatMap((a) => a.items)),
    decisions,
    returnComments: returned?.comments ?? null,
    actions: allowedActions(state, actor),
    locked: actor !== 'office' || !editableStates.includes(state),
    history: historyOf(ctx, id),
  };
}
