import { AppError } from '../../api/errors.ts';
import type { AcceptanceTemplate } from '../../api/schemas/acceptance.ts';
import type { CoreContext } from '../context.ts';
import { get, all as rowsOf, sql, sqlRaw } from '../data/query.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { getIdentity, requireIdentity } from '../node/node-service.ts';
import { cityLibrary, type CityPublication } from '../steering/city-library.ts';
import { decisionsOf, loadFileRow } from './acceptance-read.ts';
import { templateRows } from './acceptance-rows.ts';
import { checklistItems, loadChecklist } from './checklist.ts';
import { effectiveState } from './state.ts';

// 制度文件标准化样本: an accepted unit's system documents, published by its office as
// the district's templates for other units to download or print. Rows are the
// office's; they travel to the bureau, which sees every district's library.

interface TemplateRow {
  id: string;
  version: number;
  originNode: string;
  districtId: string;
  districtName: string;
  fileId: string;
  unitName: string;
  checklistVersion: string;
  itemCode: string;
  attachmentId: string;
  fileName: string;
  size: number;
  title: string;
  publishedAt: string;
  withdrawnAt: string | null;
  sortOrder: number;
}

const select = sqlRaw(`SELECT t.id, t.version, t.origin_node AS originNode, t.district_id AS districtId, d.name AS districtName, d.sort_order AS sortOrder, t.file_id AS fileId, u.name AS unitName,
  f.checklist_version AS checklistVersion, t.item_code AS itemCode, t.attachment_id AS attachmentId, a.file_name AS fileName, a.size, t.title,
  t.published_at AS publishedAt, t.withdrawn_at AS withdrawnAt
FROM acceptance_templates t JOIN districts d ON d.id = t.district_id JOIN acceptance_files f ON f.id = t.file_id JOIN units u ON u.id = f.unit_id
JOIN attachments a ON a.id = t.attachment_id`);

function templateById(ctx: CoreContext, id: string): TemplateRow {
  const row = get(ctx.database.sqlite, sql<TemplateRow>`${select} WHERE t.id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', '该标准化样本不存在，请刷新');
  return row;
}

function toTemplate(ctx: CoreContext, row: TemplateRow, city: CityPublication | null = null): AcceptanceTemplate {
  const self = getIdentity(ctx)?.id;
  const { checklistVersion, originNode, sortOrder: _sortOrder, ...rest } = row;
  return { ...rest, itemTitle: checklistItems(loadChecklist(checklistVersion)).get(row.itemCode)?.title ?? row.itemCode, mine: originNode === self, scope: 'district', city };
}

/**
 * The template library: the offices' templates this node holds (its own district's; every
 * district's at the bureau), each with its city-wide publication, and the other districts'
 * templates the bureau published city-wide, with their source district.
 */
export function listTemplates(ctx: CoreContext, input: { districtId?: string; includeWithdrawn: boolean }): AcceptanceTemplate[] {
  const district = input.districtId ?? null;
  const rows = rowsOf(
    ctx.database.sqlite,
    sql<TemplateRow>`${select} WHERE t.deleted_at IS NULL AND (${district} IS NULL OR t.district_id = ${district}) AND (${input.includeWithdrawn} OR t.withdrawn_at IS NULL) ORDER BY d.sort_order, t.item_code, t.published_at`,
  );
  const city = cityLibrary(ctx, input);
  const all = [...rows.map((r) => ({ sortOrder: r.sortOrder, template: toTemplate(ctx, r, city.bySource.get(r.id) ?? null) })), ...city.others.map(({ sortOrder, ...template }) => ({ sortOrder, template }))];
  all.sort((a, b) => a.sortOrder - b.sortOrder || a.template.itemCode.localeCompare(b.template.itemCode, 'en', { numeric: true }) || a.template.publishedAt.localeCompare(b.template.publishedAt));
  return all.map((t) => t.template);
}

export function publishTemplate(ctx: CoreContext, input: { evidenceId: string; title: string | null }): AcceptanceTemplate {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  const w = beginWrite(ctx, identity, 'acceptance.publishTemplate');
  const id = inTransaction(w, () => {
    const evidence = get(
      sqlite,
      sql<{ id: string; fileId: string; attachmentId: string; originNode: string; code: string; fileName: string }>`
         SELECT e.id, e.file_id AS fileId, e.attachment_id AS attachmentId, e.origin_node AS originNode, i.code, a.file_name AS fileName
         FROM acceptance_evidence e JOIN acceptance_items i ON i.id = e.item_id JOIN attachments a ON a.id = e.attachment_id
         WHERE e.id = ${input.evidenceId} AND e.deleted_at IS NULL`,
    );
    if (!evidence) throw new AppError('NOT_FOUND', '该佐证材料不存在或已被移除，请刷新');
    if (evidence.originNode !== identity.id) throw new AppError('FORBIDDEN', '只能由建档的分局发布本辖区的标准化样本。');
    const file = loadFileRow(ctx, evidence.fileId);
    const state = effectiveState(file.state, file.round, decisionsOf(ctx, [file.id]).get(file.id) ?? []);
    if (state !== 'passed') throw new AppError('CONFLICT', '只有验收通过的示范单位的制度文件才能发布为标准化样本。');
    const item = checklistItems(loadChecklist(file.checklistVersion)).get(evidence.code);
    if (!item?.systemDocument) throw new AppError('VALIDATION', `第 ${evidence.code} 项不是制度或规程文件，不能发布为标准化样本。`);
    const clash = sqlite
      .prepare('SELECT id FROM acceptance_templates WHERE origin_node = ? AND item_code = ? AND attachment_id = ? AND withdrawn_at IS NULL AND deleted_at IS NULL')
      .get(identity.id, evidence.code, evidence.attachmentId);
    if (clash) throw new AppError('DUPLICATE', `“${evidence.fileName}”已发布为样本。`);
    const title = input.title ?? `${item.title}（${file.unitName}）`;
    const row = templateRows.insert(
      w,
      { districtId: file.districtId, fileId: file.id, itemCode: evidence.code, attachmentId: evidence.attachmentId, title, publishedAt: w.now },
      { audit: { after: { fileId: file.id, code: evidence.code, title } } },
    );
    return row.id;
  });
  return toTemplate(ctx, templateById(ctx, id));
}

export function withdrawTemplate(ctx: CoreContext, input: { id: string }): AcceptanceTemplate {
  const w = beginWrite(ctx, requireIdentity(ctx), 'acceptance.withdrawTemplate');
  inTransaction(w, () => {
    const row = templateRows.owned(w, input.id);
    if (row.withdrawnAt) return;
    templateRows.update(w, row, { withdrawnAt: w.now }, { after: { fileId: row.fileId, withdrawnAt: w.now } });
  });
  return toTemplate(ctx, templateById(ctx, input.id));
}
