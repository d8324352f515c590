import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { Inspector } from '../../api/schemas/blocks.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
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

/** Adds (no id) or edits an inspector at the version the user saw; deactivating is an edit with active = false. */
export function saveInspector(ctx: CoreContext, input: ParsedInput<'inspectors.save'>): Inspector {
  const identity = requireDistrictIdentity(ctx);
  const { sqlite } = ctx.database;
  const id = sqlite.transaction(() => {
    const fields = {
      name: normalizeText(input.name),
      enforcement_no: input.enforcementNo ? toHalfWidth(input.enforcementNo).replace(/\s+/g, '').toUpperCase() : null,
      phone: input.phone ? toHalfWidth(input.phone).trim() : null,
      active: input.active ? 1 : 0,
    };
    if (fields.enforcement_no) {
      const clash = sqlite
        .prepare('SELECT name FROM inspectors WHERE origin_node = ? AND enforcement_no = ? AND deleted_at IS NULL AND id IS NOT ?')
        .get(identity.id, fields.enforcement_no, input.id ?? null) as { name: string } | undefined;
      if (clash) throw new AppError('DUPLICATE', `执法证号 ${fields.enforcement_no} 已登记为“${clash.name}”，不能重复登记`, { field: 'enforcementNo' });
    }
    const now = ctx.now().toISOString();
    if (!input.id) {
      const row = { id: newId(), origin_node: identity.id, created_at: now, updated_at: now, version: 1, district_id: identity.districtId, ...fields };
      sqlite
        .prepare(
          `INSERT INTO inspectors (id, origin_node, created_at, updated_at, version, district_id, name, enforcement_no, phone, active)
           VALUES (@id, @origin_node, @created_at, @updated_at, @version, @district_id, @name, @enforcement_no, @phone, @active)`,
        )
        .run(row);
      appendAudit(ctx, { nodeId: identity.id, call: 'inspectors.save', table: 'inspectors', rowIds: [row.id], after: row });
      return row.id;
    }
    const before = sqlite.prepare('SELECT * FROM inspectors WHERE id = ?').get(input.id) as { origin_node: string; version: number; deleted_at: string | null } | undefined;
    if (!before || before.deleted_at) throw new AppError('NOT_FOUND', '该监察人员不存在或已被删除，请刷新');
    if (before.origin_node !== identity.id) throw new AppError('FORBIDDEN', '该监察人员由其他节点登记，只能由登记的分局修改');
    if (before.version !== input.version) {
      throw new AppError('CONFLICT', '该监察人员已被修改（可能在另一窗口），请刷新后重新编辑', { currentVersion: before.version });
    }
    const after = { ...fields, updated_at: now, version: before.version + 1 };
    sqlite
      .prepare('UPDATE inspectors SET name = @name, enforcement_no = @enforcement_no, phone = @phone, active = @active, updated_at = @updated_at, version = @version WHERE id = @id')
      .run({ ...after, id: input.id });
    appendAudit(ctx, { nodeId: identity.id, call: 'inspectors.save', table: 'inspectors', rowIds: [input.id], before, after });
    return input.id;
  })();
  return getInspector(ctx, id);
}
