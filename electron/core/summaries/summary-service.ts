import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { SummaryDetail, SummaryStoredState } from '../../api/schemas/summaries.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { attachmentIds, storeStaged } from '../attachments/store.ts';
import { newId } from '../ids.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { computeFigures } from './figures.ts';
import { dueDate, monthLabel } from './month.ts';
import { checkMonth, getSummary, loadRow, reviewsOf, type SummaryRow } from './summary-read.ts';
import { getSummarySettings } from './summary-settings.ts';
import { statusOf } from './summary-status.ts';
import { Problems } from '../validation/problems.ts';

// Changes to an office's summary. Each call is one transaction: the checks, the row
// and the audit entry commit together or not at all (attachment bytes are stored
// first, content-addressed, as hazard evidence is). Submitting is final: the row
// then changes only after the bureau returns it. The change log (triggers of 0009)
// puts every change of the row in the office's next bundle.

const narrativeFields = [
  ['experience', '工作经验'],
  ['problems', '存在问题'],
  ['proposals', '意见建议'],
] as const;

/** The office's row at the version the user saw, still open to change. */
function loadEditable(ctx: CoreContext, identity: DistrictIdentity, month: string, version: number): { row: SummaryRow; returned: boolean } {
  const row = loadRow(ctx, identity.id, month);
  if (!row) throw new AppError('NOT_FOUND', `${monthLabel(month)}的工作小结尚未保存，请先保存草稿。`);
  if (row.version !== version) throw new AppError('CONFLICT', '该工作小结已被修改（可能在另一窗口），请刷新后再操作。', { currentVersion: row.version });
  const status = statusOf(row, reviewsOf(ctx, [row.id]).get(row.id) ?? []);
  if (status === 'submitted' || status === 'received') {
    throw new AppError('CONFLICT', `${monthLabel(month)}的工作小结已报送市局，不能再修改；如需更正，请联系市局退回。`);
  }
  return { row, returned: status === 'returned' };
}

export function saveSummary(ctx: CoreContext, input: ParsedInput<'summaries.save'>): SummaryDetail {
  const identity = requireDistrictIdentity(ctx);
  checkMonth(ctx, input.month);
  const files = storeStaged(ctx, input.stagedIds);
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    const now = ctx.now().toISOString();
    const existing = loadRow(ctx, identity.id, input.month);
    let row: SummaryRow;
    let state: SummaryStoredState = 'draft';
    if (!existing) {
      if (input.version !== null) throw new AppError('CONFLICT', '该工作小结已不存在，请刷新后再保存。');
      const id = newId();
      const figures = computeFigures(ctx, identity.districtId, input.month);
      sqlite
        .prepare(
          `INSERT INTO monthly_summaries (id, origin_node, created_at, updated_at, version, district_id, month, due_on, figures, attachments, state)
           VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, '[]', 'draft')`,
        )
        .run(id, identity.id, now, now, identity.districtId, input.month, dueDate(input.month, getSummarySettings(ctx).dueDay), JSON.stringify(figures));
      row = loadRow(ctx, identity.id, input.month)!;
    } else {
      if (input.version === null) throw new AppError('CONFLICT', `${monthLabel(input.month)}的工作小结已由他人保存，请刷新后再修改。`, { currentVersion: existing.version });
      const editable = loadEditable(ctx, identity, input.month, input.version);
      row = editable.row;
      // revising after the bureau's return: the row says so, in this bundle and the next
      if (editable.returned) state = 'returned';
    }
    const current = JSON.parse(row.attachments) as string[];
    const keep = input.keepAttachmentIds ?? current;
    const stranger = keep.find((id) => !current.includes(id));
    if (stranger) throw new AppError('VALIDATION', '要保留的附件不属于该工作小结，请刷新后重试。', { field: 'attachments' });
    const attachments = [...new Set([...keep, ...attachmentIds(sqlite, identity.id, now, files)])];
    sqlite
      .prepare('UPDATE monthly_summaries SET experience = ?, problems = ?, proposals = ?, narrative = ?, attachments = ?, state = ?, updated_at = ?, version = version + 1 WHERE id = ?')
      .run(input.experience, input.problems, input.proposals, input.narrative, JSON.stringify(attachments), state, now, row.id);
    appendAudit(ctx, {
      nodeId: identity.id,
      call: 'summaries.save',
      table: 'monthly_summaries',
      rowIds: [row.id],
      before: existing ? { experience: row.experience, problems: row.problems, proposals: row.proposals, narrative: row.narrative, attachments: current, state: row.state } : undefined,
      after: { month: input.month, experience: input.experience, problems: input.problems, proposals: input.proposals, narrative: input.narrative, attachments, state },
    });
  })();
  return getSummary(ctx, { month: input.month });
}

export function refreshFigures(ctx: CoreContext, input: ParsedInput<'summaries.refreshFigures'>): SummaryDetail {
  const identity = requireDistrictIdentity(ctx);
  checkMonth(ctx, input.month);
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    const { row } = loadEditable(ctx, identity, input.month, input.version);
    const figures = computeFigures(ctx, identity.districtId, input.month);
    const now = ctx.now().toISOString();
    sqlite.prepare('UPDATE monthly_summaries SET figures = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(JSON.stringify(figures), now, row.id);
    appendAudit(ctx, { nodeId: identity.id, call: 'summaries.refreshFigures', table: 'monthly_summaries', rowIds: [row.id], after: { month: input.month, computedAt: figures.computedAt } });
  })();
  return getSummary(ctx, { month: input.month });
}

/** 报送: the narrative must be written; the figures are made afresh and frozen with the submission. */
export function submitSummary(ctx: CoreContext, input: ParsedInput<'summaries.submit'>): SummaryDetail {
  const identity = requireDistrictIdentity(ctx);
  checkMonth(ctx, input.month);
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    const { row, returned } = loadEditable(ctx, identity, input.month, input.version);
    // every missing text at once
    const problems = new Problems();
    for (const [field, label] of narrativeFields) {
      if (!row[field]?.trim()) problems.add(field, `请填写“${label}”后再报送（工作小结须写明工作经验、存在问题和意见建议）。`);
    }
    problems.throwIfAny();
    const figures = computeFigures(ctx, identity.districtId, input.month);
    const now = ctx.now().toISOString();
    sqlite
      .prepare("UPDATE monthly_summaries SET figures = ?, state = 'submitted', submitted_at = ?, submitted_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")
      .run(JSON.stringify(figures), now, ctx.actor, now, row.id);
    appendAudit(ctx, {
      nodeId: identity.id,
      call: 'summaries.submit',
      table: 'monthly_summaries',
      rowIds: [row.id],
      before: { state: row.state, submittedAt: row.submittedAt },
      after: { month: input.month, state: 'submitted', submittedAt: now, resubmission: returned, dueOn: row.dueOn, figures },
    });
  })();
  return getSummary(ctx, { month: input.month });
}
