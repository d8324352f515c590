import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { Inspector } from '../../api/schemas/blocks.ts';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { blockInspectors as bi, blocks, inspectors } from '../../../db/schema/index.ts';
import { all, get, sql, sqlFragment, sqlJoin, sqlRaw } from '../data/query.ts';
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

const i = inspectors;
const select = sqlFragment`SELECT i.${i.id}, i.${i.originNode} AS originNode, i.${i.createdAt} AS createdAt, i.${i.updatedAt} AS updatedAt, i.${i.version},
  i.${i.deletedAt} AS deletedAt, i.${i.districtId} AS districtId, i.${i.name}, i.${i.enforcementNo} AS enforcementNo, i.${i.phone}, i.${i.active}
FROM ${i} i`;

function toInspectors(ctx: CoreContext, rows: InspectorRow[]): Inspector[] {
  if (rows.length === 0) return [];
  const self = getIdentity(ctx)?.id ?? null;
  const assignments = all(
    ctx.database.sqlite,
    sql<{ inspectorId: string; name: string }>`
       SELECT bi.${bi.inspectorId} AS inspectorId, b.${blocks.name} FROM ${bi} bi JOIN ${blocks} b ON b.${blocks.id} = bi.${bi.blockId}
       WHERE bi.${bi.inspectorId} IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))})) AND bi.${bi.removedAt} IS NULL AND bi.${bi.deletedAt} IS NULL
         AND b.${blocks.deletedAt} IS NULL AND b.${blocks.dissolvedAt} IS NULL
       ORDER BY b.${blocks.name}`,
  );
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
  const where = [sqlFragment`i.${i.deletedAt} IS NULL`];
  if (district) where.push(sqlFragment`i.${i.districtId} = ${district}`);
  if (!input.includeInactive) where.push(sqlFragment`i.${i.active} = 1`);
  const rows = all(ctx.database.sqlite, sql<InspectorRow>`${select} WHERE ${sqlJoin(where, sqlRaw(' AND '))}`);
  rows.sort((a, b) => b.active - a.active || a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1));
  return toInspectors(ctx, rows);
}

function getInspector(ctx: CoreContext, id: string): Inspector {
  const row = get(ctx.database.sqlite, sql<InspectorRow>`${select} WHERE i.${i.id} = ${id}`);
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
  const { db } = ctx.database;
  const w = beginWrite(ctx, identity, 'inspectors.save');
  const id = inTransaction(w, () => {
    const fields = {
      name: normalizeText(input.name),
      enforcementNo: input.enforcementNo ? toHalfWidth(input.enforcementNo).replace(/\s+/g, '').toUpperCase() : null,
      phone: input.phone ? toHalfWidth(input.phone).trim() : null,
      active: input.active,
    };
    if (fields.enforcementNo) {
      const clash = db
        .select({ name: i.name })
        .from(i)
        .where(and(eq(i.originNode, identity.id), eq(i.enforcementNo, fields.enforcementNo), isNull(i.deletedAt), input.id ? ne(i.id, input.id) : undefined))
        .get();
      if (clash) throw new AppError('DUPLICATE', `执法证号 ${fields.enforcementNo} 已登记为“${clash.name}”，不能重复登记`, { field: 'enforcementNo' });
    }
    if (!input.id) return inspectorRows.insert(w, { districtId: identity.districtId, ...fields }).id;
    // an edit that does not say which version it saw is a conflict (versions start at 1)
    inspectorRows.update(w, inspectorRows.owned(w, input.id, input.version ?? 0), fields);
    return input.id;
  });
  return getInspector(ctx, id);
}
