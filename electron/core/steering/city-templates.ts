import { existsSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { cityTemplates } from '../../../db/schema/index.ts';
import { decisionsOf } from '../acceptance/acceptance-read.ts';
import { appendAudit } from '../audit.ts';
import { attachmentIds, attachmentPath } from '../attachments/store.ts';
import type { CoreContext } from '../context.ts';
import type { Row } from '../data/synced-rows.ts';
import { beginWrite, inTransaction, type Write } from '../data/write.ts';
import { newId } from '../ids.ts';
import { getIdentity, requireIdentity } from '../node/node-service.ts';
import { cityTemplateRows } from './city-template-rows.ts';
import { all, sql as rowsSql } from '../data/query.ts';

// 标准化样本 city-wide. An office publishes an accepted unit's system documents as its
// district's templates (acceptance_templates, the office's rows). The bureau republishes
// every such template of a unit holding its plaque as a row of its own (city_templates),
// with its own attachment row for the same file, so its bundles carry both — and the
// file — to every office. The set is brought up to date whenever an office's bundle
// comes in, a decision is made and a bundle goes out; a template the office withdraws
// or of a unit whose plaque is revoked leaves the city library, and one the bureau takes
// out by hand (with its reason) stays out until the bureau puts it back.

interface SourceTemplate {
  id: string;
  originNode: string;
  fileId: string;
  districtId: string;
  unitName: string;
  checklistVersion: string;
  itemCode: string;
  title: string;
  sha256: string;
  size: number;
  fileName: string;
  mimeType: string;
}

interface CityRow {
  id: string;
  sourceTemplateId: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

/** The offices' live templates of units holding a plaque (passed, never revoked), with their files. */
function publishable(ctx: CoreContext, self: string): Map<string, SourceTemplate> {
  const rows = all(ctx.database.sqlite, rowsSql<SourceTemplate>`SELECT t.id, t.origin_node AS originNode, t.file_id AS fileId, t.district_id AS districtId, u.name AS unitName, f.checklist_version AS checklistVersion,
              t.item_code AS itemCode, t.title, a.sha256, a.size, a.file_name AS fileName, a.mime_type AS mimeType
       FROM acceptance_templates t JOIN acceptance_files f ON f.id = t.file_id JOIN units u ON u.id = f.unit_id JOIN attachments a ON a.id = t.attachment_id
       WHERE t.deleted_at IS NULL AND t.withdrawn_at IS NULL AND f.deleted_at IS NULL AND t.origin_node <> ${self} AND f.origin_node = t.origin_node
       ORDER BY t.published_at, t.id`);
  const decisions = decisionsOf(ctx, [...new Set(rows.map((r) => r.fileId))]);
  const accepted = (fileId: string) => {
    const own = decisions.get(fileId) ?? [];
    return own.some((d) => d.outcome === 'pass') && !own.some((d) => d.outcome === 'revoke');
  };
  return new Map(rows.filter((r) => accepted(r.fileId)).map((r) => [r.id, r]));
}

/**
 * Brings the city library up to date at the bureau (a no-op elsewhere). Call inside a
 * transaction or on its own; returns what changed.
 */
export function refreshCityTemplates(ctx: CoreContext): { published: string[]; withdrawn: string[] } {
  const identity = getIdentity(ctx);
  if (identity?.role !== 'bureau') return { published: [], withdrawn: [] };
  const { sqlite, db } = ctx.database;
  return sqlite.transaction(() => {
    const self = identity.id;
    const wanted = publishable(ctx, self);
    const existing = all(sqlite, rowsSql<CityRow>`SELECT id, source_template_id AS sourceTemplateId, withdrawn_at AS withdrawnAt, withdrawn_by AS withdrawnBy FROM city_templates WHERE origin_node = ${self} AND deleted_at IS NULL`);
    const bySource = new Map(existing.map((r) => [r.sourceTemplateId, r]));
    const now = ctx.now().toISOString();
    // beside the write layer on purpose: a refresh is audited as one entry naming every row it touched
    const bump = { updatedAt: now, version: sql`${cityTemplates.version} + 1` };
    const published: string[] = [];
    const withdrawn: string[] = [];
    for (const source of wanted.values()) {
      const row = bySource.get(source.id);
      // a file missing from the store would make every bundle fail: it waits for the office's next bundle
      if (!existsSync(attachmentPath(ctx, source.sha256))) continue;
      if (!row) {
        const id = newId();
        const [attachmentId] = attachmentIds(ctx.database, self, now, [{ sha256: source.sha256, name: source.fileName, size: source.size, mime: source.mimeType }]);
        if (!attachmentId) throw new Error('city template: the attachment was not stored');
        db.insert(cityTemplates)
          .values({
            id,
            originNode: self,
            createdAt: now,
            updatedAt: now,
            version: 1,
            sourceTemplateId: source.id,
            sourceNode: source.originNode,
            sourceFileId: source.fileId,
            districtId: source.districtId,
            unitName: source.unitName,
            checklistVersion: source.checklistVersion,
            itemCode: source.itemCode,
            attachmentId,
            title: source.title,
            publishedAt: now,
          })
          .run();
        published.push(id);
      } else if (row.withdrawnAt && row.withdrawnBy !== 'bureau') {
        db.update(cityTemplates).set({ ...back, publishedAt: now, ...bump }).where(eq(cityTemplates.id, row.id)).run();
        published.push(row.id);
      }
    }
    // run once per published row
    const stillThere = sqlite.prepare<[string], { withdrawnAt: string | null; deletedAt: string | null }>('SELECT withdrawn_at AS withdrawnAt, deleted_at AS deletedAt FROM acceptance_templates WHERE id = ?');
    for (const row of existing) {
      if (row.withdrawnAt || wanted.has(row.sourceTemplateId)) continue;
      const source = stillThere.get(row.sourceTemplateId);
      const reason = !source || source.withdrawnAt || source.deletedAt ? '分局已撤下该样本' : '该单位的示范单位资格已撤销';
      db.update(cityTemplates).set({ withdrawnAt: now, withdrawnReason: reason, withdrawnBy: 'auto', ...bump }).where(eq(cityTemplates.id, row.id)).run();
      withdrawn.push(row.id);
    }
    if (published.length + withdrawn.length > 0) {
      appendAudit(ctx, { nodeId: self, call: 'steering.refreshCityTemplates', table: 'city_templates', rowIds: [...published, ...withdrawn], after: { published: published.length, withdrawn: withdrawn.length } });
    }
    return { published, withdrawn };
  })();
}

/** Back in the city library: no longer withdrawn, by anyone. */
const back = { withdrawnAt: null, withdrawnReason: null, withdrawnBy: null };

/** A live row of this bureau's library (another node's row is not in it). */
function loadOwn(w: Write, id: string): Row<typeof cityTemplates> {
  const row = cityTemplateRows.find(w, id);
  if (!row || row.deletedAt || row.originNode !== w.node.id) throw new AppError('NOT_FOUND', cityTemplateRows.texts.notFound);
  return row;
}

/** The bureau takes a template out of the city library, with its reason; it stays out until put back. */
export function withdrawCityTemplate(ctx: CoreContext, input: ParsedInput<'steering.withdrawCityTemplate'>): { id: string; withdrawnAt: string } {
  const w = beginWrite(ctx, requireIdentity(ctx), 'steering.withdrawCityTemplate');
  return inTransaction(w, () => {
    const row = loadOwn(w, input.id);
    if (row.withdrawnAt) throw new AppError('CONFLICT', '该样本已从全市样本库撤下。');
    cityTemplateRows.update(w, row, { withdrawnAt: w.now, withdrawnReason: input.reason, withdrawnBy: 'bureau' }, { before: { withdrawnAt: null }, after: { withdrawnAt: w.now, reason: input.reason } });
    return { id: row.id, withdrawnAt: w.now };
  });
}

/** Puts a template the bureau took out back into the city library, if its unit still holds the plaque and the office still publishes it. */
export function restoreCityTemplate(ctx: CoreContext, input: { id: string }): { id: string; publishedAt: string } {
  const w = beginWrite(ctx, requireIdentity(ctx), 'steering.restoreCityTemplate');
  return inTransaction(w, () => {
    const row = loadOwn(w, input.id);
    if (!row.withdrawnAt) throw new AppError('CONFLICT', '该样本仍在全市样本库中。');
    if (!publishable(ctx, w.node.id).has(row.sourceTemplateId)) throw new AppError('CONFLICT', '分局已撤下该样本，或该单位已不是示范单位，不能重新发布到全市。');
    const { withdrawnAt, withdrawnReason, withdrawnBy } = row;
    cityTemplateRows.update(w, row, { ...back, publishedAt: w.now }, { before: { withdrawnAt, withdrawnReason, withdrawnBy }, after: { publishedAt: w.now } });
    return { id: row.id, publishedAt: w.now };
  });
}
