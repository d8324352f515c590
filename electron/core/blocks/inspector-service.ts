import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { Inspector } from '../../api/schemas/blocks.ts';
import { inspectors } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import { syncedRows } from '../data/synced-rows.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { getIdentity, requireDistrictIdentity } from '../node/node-service.ts';
import { normalizeText, toHalfWidth } from '../text.ts';
import { readDistrict } from './block-scope.ts';

// 监察人员 of the district: kept by the office, never deleted (a retired inspector is
// deactivated: active = false), so blocks' histories keep their names.

interface InspectorRow {
  id: string;
  originNode: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
  districtId: string;
  name: string;
  enforcementNo: string | null;
  phone: string | null;
  active: number;
}

const select = `SELECT i.id, i.origin_node AS originNode, i.created_at AS createdAt, i.updated_at AS updatedAt, i.version,
  i.deleted_at AS deletedAt, i.district_id AS districtId, i.name, i.enforcement_no AS enforcementNo, i.phone, i.active
FROM inspectors i`;

function toInspectors(ctx: CoreContext, rows: InspectorRow[]): Inspector[] {
  if (rows.length === 0) return [];
  const self = getIdentity(ctx)?.id ?? null;
  const assignments = ctx.database.sqlite
    .prepare(
      `SELECT bi.inspector_id AS inspectorId, b.name FROM block_inspectors bi JOIN blocks b ON b.id = bi.block_id
       WHERE bi.inspector_id IN (SELECT value FROM json_each(?)) AND bi.removed_at IS NULL AND bi.deleted_at IS NULL
         AND b.deleted_at IS NULL AND b.dissolved_at IS NULL
       ORDER BY b.name`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as { inspectorId: string; name: string }[];
  return rows.map((r) => ({
    ...r,
    active: r.active === 1,
    blockNames: assignments.filter((a) => a.inspectorId === r.id).map((a) => a.name),
    editable: r.originNode === self,
  }));
}

/** The district's inspectors (every district's on the bureau), active first, by name. */
export function listInspectors(ctx: CoreContext, input: { includeInactive: boolean }): Inspector[] {
  const district = readDistrict(ctx);
  const where = ['i.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (district) {
    where.push('i.district_id = ?');
    params.push(district);
  }
  if (!input.includeInactive) where.push('i.active = 1');
  const rows = ctx.database.sqlite.prepare(`${select} WHERE ${where.join(' AND ')}`).all(...params) as InspectorRow[];
  rows.sort((a, b) => b.active - a.active || a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1));
  return toInspectors(ctx, rows);
}

function getInspector(ctx: CoreContext, id: string): Inspector {
  const row = ctx.database.sqlite.prepare(`${select} WHERE i.id = ?`).get(id) as InspectorRow | undefined;
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', '该监察人员不存在或已被删除，请刷新');
  return toInspectors(ctx, [row])[0]!;
}

const inspectorRows = syncedRows(inspectors, {
  notFound: '该监察人员不存在或已被删除，请刷新',
  foreign: '该监察人员由其他节点登记，只能由登记的分局修改',
  conflict: '该监察人员已被修改（可能在另一窗口），请刷新后重新编辑',
});

/** Adds (no id) or edits an inspector at the version the user saw; deactivating is an edit with active = false. */
export function saveInspector(ctx: CoreContext, input: ParsedInput<'inspectors.save'>): Inspector {
  const identity = requireDistrictIdentity(ctx);
  const { sqlite } = ctx.database;
  const w = beginWrite(ctx, identity, 'inspectors.save');
  const id = inTransaction(w, () => {
    const fields = {
      name: normalizeText(input.name),
      enforcementNo: input.enforcementNo ? toHalfWidth(input.enforcementNo).replace(/\s+/g, '').toUpperCase() : null,
      phone: input.phone ? toHalfWidth(input.phone).trim() : null,
      active: input.active,
    };
    if (fields.enforcementNo) {
      const clash = sqlite
        .prepare('SELECT name FROM inspectors WHERE origin_node = ? AND enforcement_no = ? AND deleted_at IS NULL AND id IS NOT ?')
        .get(identity.id, fields.enforcementNo, input.id ?? null) as { name: string } | undefined;
      if (clash) throw new AppError('DUPLICATE', `执法证号 ${fields.enforcementNo} 已登记为“${clash.name}”，不能重复登记`, { field: 'enforcementNo' });
    }
    if (!input.id) return inspectorRows.insert(w, { districtId: identity.districtId, ...fields }).id;
    // an edit that does not say which version it saw is a conflict (versions start at 1)
    inspectorRows.update(w, inspectorRows.owned(w, input.id, input.version ?? 0), fields);
    return input.id;
  });
  return getInspector(ctx, id);
}
