import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { BlockCheckDetail, BlockCheckSummary } from '../../api/schemas/routine.ts';
import type { RecordItem } from '../../api/schemas/inspections.ts';
import { readDistrict } from '../blocks/block-scope.ts';
import type { CoreContext } from '../context.ts';
import { hazards } from '../../../db/schema/index.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { resolveChecklist } from '../inspections/checklists.ts';
import { getIdentity } from '../node/node-service.ts';
import { parseJson } from './routine-scope.ts';

// Reading a block's 自查 and 互查: the items as copied from the pinned checklist, the
// hazards found on it (hazards.source_check_id), its photos and files.

export interface CheckRow extends Omit<BlockCheckSummary, 'problems' | 'mine'> {
  checklistKey: string;
  checklistVersion: number;
  items: string;
  findings: string | null;
  checkedSigner: string | null;
  attachments: string;
}

const SELECT = `SELECT c.id, c.origin_node AS originNode, c.version, c.district_id AS districtId, c.block_id AS blockId, b.name AS blockName, c.kind,
  c.checked_unit_id AS checkedUnitId, cu.name AS checkedUnitName, c.checker_unit_id AS checkerUnitId, ku.name AS checkerUnitName,
  c.checker_manager_id AS checkerManagerId, m.name AS checkerManagerName, c.checked_on AS checkedOn, c.state,
  c.checklist_key AS checklistKey, c.checklist_version AS checklistVersion, c.items, c.findings, c.checked_signer AS checkedSigner, c.attachments,
  (SELECT count(*) FROM hazards h WHERE h.source_check_id = c.id AND h.deleted_at IS NULL) AS hazards
  FROM block_checks c JOIN blocks b ON b.id = c.block_id JOIN units cu ON cu.id = c.checked_unit_id JOIN units ku ON ku.id = c.checker_unit_id
  JOIN safety_managers m ON m.id = c.checker_manager_id`;

function toSummary(row: CheckRow, self: string | null): BlockCheckSummary {
  const { checklistKey: _k, checklistVersion: _v, items, findings: _f, checkedSigner: _s, attachments: _a, ...rest } = row;
  return { ...rest, problems: parseJson<RecordItem[]>(items, []).filter((i) => i.result === 'problem').length, mine: row.originNode === self };
}

export function loadCheckRow(ctx: CoreContext, id: string): CheckRow {
  const row = get(ctx.database.sqlite, sql<CheckRow>`${sqlRaw(SELECT)} WHERE c.id = ${id} AND c.deleted_at IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '该自查（互查）记录不存在或已被删除，请刷新列表。');
  return row;
}

/** Checks of the node's district (every district's on the bureau), newest first. */
export function listChecks(ctx: CoreContext, input: ParsedInput<'blocks.checks'>): BlockCheckSummary[] {
  const self = getIdentity(ctx)?.id ?? null;
  const filters = sqlRaw(
    `(@district IS NULL OR c.district_id = @district) AND (@block IS NULL OR c.block_id = @block)
       AND (@kind IS NULL OR c.kind = @kind) AND (@manager IS NULL OR c.checker_manager_id = @manager)`,
    [],
    { district: readDistrict(ctx), block: input.blockId ?? null, kind: input.kind ?? null, manager: input.managerId ?? null },
  );
  const rows = all(ctx.database.sqlite, sql<CheckRow>`${sqlRaw(SELECT)} WHERE c.deleted_at IS NULL AND ${filters} ORDER BY c.checked_on DESC, c.created_at DESC, c.id`);
  return rows.map((r) => toSummary(r, self));
}

export function filesOf(ctx: CoreContext, json: string): BlockCheckDetail['files'] {
  // prepared once, run per file of the record
  const fileById = ctx.database.sqlite.prepare<[string], BlockCheckDetail['files'][number]>(
    'SELECT id AS attachmentId, file_name AS fileName, mime_type AS mimeType, size FROM attachments WHERE id = ? AND deleted_at IS NULL',
  );
  return parseJson<string[]>(json, []).flatMap((id) => {
    const file = fileById.get(id);
    return file ? [file] : [];
  });
}

export function getCheck(ctx: CoreContext, id: string): BlockCheckDetail {
  const row = loadCheckRow(ctx, id);
  const self = getIdentity(ctx)?.id ?? null;
  const summary = toSummary(row, self);
  let checklistName = `${row.checklistKey} 第 ${row.checklistVersion} 版`;
  try {
    checklistName = resolveChecklist(ctx, row.originNode, row.checklistKey, row.checklistVersion).name;
  } catch {
    // an office's own list that has not reached this node: its key and version say which it was
  }
  const h = hazards;
  const foundHazards = all(
    ctx.database.sqlite,
    sql<BlockCheckDetail['foundHazards'][number]>`SELECT ${h.id}, ${h.description}, ${h.level}, ${h.state} FROM ${h}
      WHERE ${h.sourceCheckId} = ${id} AND ${h.deletedAt} IS NULL ORDER BY ${h.foundOn}, ${h.createdAt}, ${h.id}`,
  );
  const actions: BlockCheckDetail['actions'] = !summary.mine ? [] : row.state === 'draft' ? ['edit', 'finalize'] : ['finding'];
  return {
    ...summary,
    checklistKey: row.checklistKey,
    checklistVersion: row.checklistVersion,
    checklistName,
    items: parseJson<RecordItem[]>(row.items, []),
    findings: row.findings,
    checkedSigner: row.checkedSigner,
    files: filesOf(ctx, row.attachments),
    foundHazards,
    actions,
  };
}
