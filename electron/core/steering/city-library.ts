import type { AcceptanceTemplate } from '../../api/schemas/acceptance.ts';
import { checklistItems, loadChecklist } from '../acceptance/checklist.ts';
import type { CoreContext } from '../context.ts';
import { bureauRows } from '../sync/authority.ts';
import { all, sql, sqlRaw } from '../data/query.ts';

// Reading the city library for the template pages: the bureau's city-wide rows (only
// rows the bureau made count), either as the city status of a template this node holds
// itself (the office that published it, the bureau) or, for another district's
// template, as a row of its own with the source district.

interface CityRow {
  id: string;
  version: number;
  sourceTemplateId: string;
  sourceFileId: string;
  districtId: string;
  districtName: string;
  sortOrder: number;
  unitName: string;
  checklistVersion: string;
  itemCode: string;
  attachmentId: string;
  fileName: string;
  size: number;
  title: string;
  publishedAt: string;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  withdrawnBy: string | null;
  local: number;
}

export type CityPublication = NonNullable<AcceptanceTemplate['city']>;

function itemTitle(checklistVersion: string, code: string): string {
  try {
    return checklistItems(loadChecklist(checklistVersion)).get(code)?.title ?? code;
  } catch {
    // a checklist version this program does not ship (a newer office): the code still says which item
    return code;
  }
}

export function cityLibrary(ctx: CoreContext, input: { districtId?: string; includeWithdrawn: boolean }): { bySource: Map<string, CityPublication>; others: Array<AcceptanceTemplate & { sortOrder: number }> } {
  const rows = all(
    ctx.database.sqlite,
    sql<CityRow>`SELECT c.id, c.version, c.source_template_id AS sourceTemplateId, c.source_file_id AS sourceFileId, c.district_id AS districtId, d.name AS districtName,
              d.sort_order AS sortOrder, c.unit_name AS unitName, c.checklist_version AS checklistVersion, c.item_code AS itemCode, c.attachment_id AS attachmentId,
              a.file_name AS fileName, a.size, c.title, c.published_at AS publishedAt, c.withdrawn_at AS withdrawnAt, c.withdrawn_reason AS withdrawnReason,
              c.withdrawn_by AS withdrawnBy,
              EXISTS (SELECT 1 FROM acceptance_templates t WHERE t.id = c.source_template_id AND t.deleted_at IS NULL) AS local
       FROM city_templates c JOIN districts d ON d.id = c.district_id JOIN attachments a ON a.id = c.attachment_id
       WHERE c.deleted_at IS NULL AND ${sqlRaw(bureauRows('c'))} AND (${input.districtId ?? null} IS NULL OR c.district_id = ${input.districtId ?? null})`,
  );
  const bySource = new Map<string, CityPublication>();
  const others: Array<AcceptanceTemplate & { sortOrder: number }> = [];
  for (const r of rows) {
    const publication = { id: r.id, publishedAt: r.publishedAt, withdrawnAt: r.withdrawnAt, withdrawnReason: r.withdrawnReason, withdrawnByBureau: r.withdrawnBy === 'bureau' };
    if (r.local) {
      bySource.set(r.sourceTemplateId, publication);
      continue;
    }
    if (r.withdrawnAt && !input.includeWithdrawn) continue;
    others.push({
      id: r.id,
      version: r.version,
      districtId: r.districtId,
      districtName: r.districtName,
      fileId: r.sourceFileId,
      unitName: r.unitName,
      itemCode: r.itemCode,
      itemTitle: itemTitle(r.checklistVersion, r.itemCode),
      attachmentId: r.attachmentId,
      fileName: r.fileName,
      size: r.size,
      title: r.title,
      publishedAt: r.publishedAt,
      withdrawnAt: r.withdrawnAt,
      mine: false,
      scope: 'city',
      city: publication,
      sortOrder: r.sortOrder,
    });
  }
  return { bySource, others };
}
