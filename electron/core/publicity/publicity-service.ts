import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { PublicityActivity } from '../../api/schemas/publicity.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { attachmentIds, storeStaged } from '../attachments/store.ts';
import { newId } from '../ids.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { localDate } from '../registry/as-of.ts';
import { getActivity, loadActivity } from './publicity-read.ts';

// Changes to the publicity log. An office logs its own district's activities; each
// change is one transaction with its audit entry. Photos go to the shared attachments
// store first (content-addressed: a refused change leaves at most an unused file).

function checkUnit(ctx: CoreContext, identity: DistrictIdentity, unitId: string | null): void {
  if (!unitId) return;
  const unit = ctx.database.sqlite.prepare('SELECT name, district_id AS districtId FROM units WHERE id = ? AND deleted_at IS NULL').get(unitId) as { name: string; districtId: string } | undefined;
  if (!unit) throw new AppError('NOT_FOUND', '所选企业（使用单位）不存在，请刷新后重选。', { field: 'unitId' });
  if (unit.districtId !== identity.districtId) throw new AppError('FORBIDDEN', `“${unit.name}”不在本辖区，只能选择本辖区的使用单位。`, { field: 'unitId' });
}

function parseIds(text: string): string[] {
  try {
    const ids: unknown = JSON.parse(text);
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

type SaveInput = ParsedInput<'publicity.save'>;

export function saveActivity(ctx: CoreContext, input: SaveInput): PublicityActivity {
  const identity = requireDistrictIdentity(ctx);
  if (input.heldOn > localDate(ctx.now())) throw new AppError('VALIDATION', '活动日期不能晚于今天：请登记已经开展的活动。', { field: 'heldOn' });
  const stored = storeStaged(ctx, input.addPhotos);
  const notPhoto = stored.find((f) => !f.mime.startsWith('image/'));
  if (notPhoto) throw new AppError('VALIDATION', `“${notPhoto.name}”不是照片：活动照片请上传 JPG 或 PNG 图片。`, { field: 'addPhotos' });
  const { sqlite } = ctx.database;
  const id = sqlite.transaction(() => {
    checkUnit(ctx, identity, input.unitId);
    const now = ctx.now().toISOString();
    const added = attachmentIds(sqlite, identity.id, now, stored);
    const fields = { kind: input.kind, title: input.title, heldOn: input.heldOn, place: input.place, audience: input.audience, participants: input.participants, unitId: input.unitId, organizer: input.organizer, content: input.content };
    if (!input.id) {
      if (input.removePhotos.length > 0) throw new AppError('VALIDATION', '新登记的活动还没有照片可移除。', { field: 'removePhotos' });
      const id = newId();
      sqlite
        .prepare(
          `INSERT INTO publicity_activities (id, origin_node, created_at, updated_at, version, district_id, kind, title, held_on, place, audience, participants, unit_id, organizer, content, photos)
           VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, identity.id, now, now, identity.districtId, fields.kind, fields.title, fields.heldOn, fields.place, fields.audience, fields.participants, fields.unitId, fields.organizer, fields.content, JSON.stringify(added));
      appendAudit(ctx, { nodeId: identity.id, call: 'publicity.save', table: 'publicity_activities', rowIds: [id], after: { ...fields, photos: added } });
      return id;
    }
    const before = loadActivity(ctx, input.id);
    if (before.originNode !== identity.id) throw new AppError('FORBIDDEN', '该活动由其他节点登记，只能由登记它的分局修改。');
    if (input.version === undefined || before.version !== input.version) {
      throw new AppError('CONFLICT', '该活动记录已被修改（可能在另一窗口），请刷新后再修改。', { currentVersion: before.version });
    }
    const kept = parseIds(before.photos);
    const unknown = input.removePhotos.find((p) => !kept.includes(p));
    if (unknown) throw new AppError('VALIDATION', '要移除的照片不在该活动中，请刷新后重试。', { field: 'removePhotos' });
    const photos = [...new Set([...kept.filter((p) => !input.removePhotos.includes(p)), ...added])];
    sqlite
      .prepare(
        `UPDATE publicity_activities SET kind = ?, title = ?, held_on = ?, place = ?, audience = ?, participants = ?, unit_id = ?, organizer = ?, content = ?, photos = ?,
           updated_at = ?, version = version + 1 WHERE id = ?`,
      )
      .run(fields.kind, fields.title, fields.heldOn, fields.place, fields.audience, fields.participants, fields.unitId, fields.organizer, fields.content, JSON.stringify(photos), now, before.id);
    const { kind, title, heldOn, place, audience, participants, unitId, organizer, content } = before;
    appendAudit(ctx, {
      nodeId: identity.id,
      call: 'publicity.save',
      table: 'publicity_activities',
      rowIds: [before.id],
      before: { kind, title, heldOn, place, audience, participants, unitId, organizer, content, photos: kept },
      after: { ...fields, photos },
    });
    return before.id;
  })();
  return getActivity(ctx, id);
}

/** A tombstone, so the deletion travels to the bureau. */
export function deleteActivity(ctx: CoreContext, input: ParsedInput<'publicity.delete'>): { id: string; deletedAt: string } {
  const identity = requireDistrictIdentity(ctx);
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    const before = loadActivity(ctx, input.id);
    if (before.originNode !== identity.id) throw new AppError('FORBIDDEN', '该活动由其他节点登记，只能由登记它的分局删除。');
    if (before.version !== input.version) throw new AppError('CONFLICT', '该活动记录已被修改（可能在另一窗口），请刷新后再删除。', { currentVersion: before.version });
    const now = ctx.now().toISOString();
    sqlite.prepare('UPDATE publicity_activities SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(now, now, before.id);
    appendAudit(ctx, { nodeId: identity.id, call: 'publicity.delete', table: 'publicity_activities', rowIds: [before.id], before: { title: before.title, heldOn: before.heldOn, kind: before.kind } });
    return { id: before.id, deletedAt: now };
  })();
}
