import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { PublicityActivity } from '../../api/schemas/publicity.ts';
import type { CoreContext } from '../context.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { units } from '../../../db/schema/index.ts';
import { attachmentIds, storeStaged } from '../attachments/store.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { localDate } from '../registry/as-of.ts';
import { getActivity } from './publicity-read.ts';
import { activityRemovals, activityRows } from './publicity-rows.ts';

// Changes to the publicity log. An office logs its own district's activities; each
// change is one transaction with its audit entry. Photos go to the shared attachments
// store first (content-addressed: a refused change leaves at most an unused file).

function checkUnit(ctx: CoreContext, identity: DistrictIdentity, unitId: string | null): void {
  if (!unitId) return;
  const unit = ctx.database.db
    .select({ name: units.name, districtId: units.districtId })
    .from(units)
    .where(and(eq(units.id, unitId), isNull(units.deletedAt)))
    .get();
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
  const w = beginWrite(ctx, identity, 'publicity.save');
  const id = inTransaction(w, () => {
    checkUnit(ctx, identity, input.unitId);
    const added = attachmentIds(ctx.database, identity.id, w.now, stored);
    const fields = { kind: input.kind, title: input.title, heldOn: input.heldOn, place: input.place, audience: input.audience, participants: input.participants, unitId: input.unitId, organizer: input.organizer, content: input.content };
    if (!input.id) {
      if (input.removePhotos.length > 0) throw new AppError('VALIDATION', '新登记的活动还没有照片可移除。', { field: 'removePhotos' });
      const row = activityRows.insert(w, { districtId: identity.districtId, ...fields, photos: JSON.stringify(added) }, { audit: { after: { ...fields, photos: added } } });
      return row.id;
    }
    const before = activityRows.owned(w, input.id, input.version);
    // a change names the version the user saw
    if (input.version === undefined) throw new AppError('CONFLICT', '该活动记录已被修改（可能在另一窗口），请刷新后再修改。', { currentVersion: before.version });
    const kept = parseIds(before.photos);
    const unknown = input.removePhotos.find((p) => !kept.includes(p));
    if (unknown) throw new AppError('VALIDATION', '要移除的照片不在该活动中，请刷新后重试。', { field: 'removePhotos' });
    const photos = [...new Set([...kept.filter((p) => !input.removePhotos.includes(p)), ...added])];
    const { kind, title, heldOn, place, audience, participants, unitId, organizer, content } = before;
    activityRows.update(w, before, { ...fields, photos: JSON.stringify(photos) }, {
      before: { kind, title, heldOn, place, audience, participants, unitId, organizer, content, photos: kept },
      after: { ...fields, photos },
    });
    return before.id;
  });
  return getActivity(ctx, id);
}

/** A tombstone, so the deletion travels to the bureau. */
export function deleteActivity(ctx: CoreContext, input: ParsedInput<'publicity.delete'>): { id: string; deletedAt: string } {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'publicity.delete');
  return inTransaction(w, () => {
    const before = activityRemovals.owned(w, input.id, input.version);
    return activityRemovals.remove(w, before, { before: { title: before.title, heldOn: before.heldOn, kind: before.kind } });
  });
}
