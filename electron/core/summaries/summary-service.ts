import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { SummaryDetail, SummaryStoredState } from '../../api/schemas/summaries.ts';
import type { monthlySummaries } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import { attachmentIds, storeStaged } from '../attachments/store.ts';
import type { Row } from '../data/synced-rows.ts';
import { beginWrite, inTransaction, type Write } from '../data/write.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { computeFigures } from './figures.ts';
import { dueDate, monthLabel } from './month.ts';
import { checkMonth, getSummary, loadRow, reviewsOf, type SummaryRow } from './summary-read.ts';
import { getSummarySettings } from './summary-settings.ts';
import { summaryRows } from './summary-rows.ts';
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

type Stored = Row<typeof monthlySummaries>;

/** The office's row at the version the user saw, still open to change: as the page reads it and as stored. */
function loadEditable(w: Write, identity: DistrictIdentity, month: string, version: number): { row: SummaryRow; stored: Stored; returned: boolean } {
  const { ctx } = w;
  const row = loadRow(ctx, identity.id, month);
  if (!row) throw new AppError('NOT_FOUND', `${monthLabel(month)}的工作小结尚未保存，请先保存草稿。`);
  const stored = summaryRows.owned(w, row.id, version);
  const status = statusOf(row, reviewsOf(ctx, [row.id]).get(row.id) ?? []);
  if (status === 'submitted' || status === 'received') {
    throw new AppError('CONFLICT', `${monthLabel(month)}的工作小结已报送市局，不能再修改；如需更正，请联系市局退回。`);
  }
  return { row, stored, returned: status === 'returned' };
}

export function saveSummary(ctx: CoreContext, input: ParsedInput<'summaries.save'>): SummaryDetail {
  const identity = requireDistrictIdentity(ctx);
  checkMonth(ctx, input.month);
  const files = storeStaged(ctx, input.stagedIds);
  const w = beginWrite(ctx, identity, 'summaries.save');
  inTransaction(w, () => {
    const existing = loadRow(ctx, identity.id, input.month);
    if (!existing && input.version !== null) throw new AppError('CONFLICT', '该工作小结已不存在，请刷新后再保存。');
    if (existing && input.version === null) throw new AppError('CONFLICT', `${monthLabel(input.month)}的工作小结已由他人保存，请刷新后再修改。`, { currentVersion: existing.version });
    const editable = existing ? loadEditable(w, identity, input.month, input.version!) : null;
    // revising after the bureau's return: the row says so, in this bundle and the next
    const state: SummaryStoredState = editable?.returned ? 'returned' : 'draft';
    const current = editable ? (JSON.parse(editable.row.attachments) as string[]) : [];
    const keep = input.keepAttachmentIds ?? current;
    const stranger = keep.find((id) => !current.includes(id));
    if (stranger) throw new AppError('VALIDATION', '要保留的附件不属于该工作小结，请刷新后重试。', { field: 'attachments' });
    const attachments = [...new Set([...keep, ...attachmentIds(ctx.database, identity.id, w.now, files)])];
    const text = { experience: input.experience, problems: input.problems, proposals: input.proposals, narrative: input.narrative };
    const change = { ...text, attachments: JSON.stringify(attachments), state };
    const after = { month: input.month, ...text, attachments, state };
    if (!editable) {
      // a first save is one new row and one audit entry, its figures made now
      const figures = computeFigures(ctx, identity.districtId, input.month);
      const dueOn = dueDate(input.month, getSummarySettings(ctx).dueDay);
      summaryRows.insert(w, { districtId: identity.districtId, month: input.month, dueOn, figures: JSON.stringify(figures), ...change }, { audit: { after } });
      return;
    }
    const { row, stored } = editable;
    summaryRows.update(w, stored, change, {
      before: { experience: row.experience, problems: row.problems, proposals: row.proposals, narrative: row.narrative, attachments: current, state: row.state },
      after,
    });
  });
  return getSummary(ctx, { month: input.month });
}

export function refreshFigures(ctx: CoreContext, input: ParsedInput<'summaries.refreshFigures'>): SummaryDetail {
  const identity = requireDistrictIdentity(ctx);
  checkMonth(ctx, input.month);
  const w = beginWrite(ctx, identity, 'summaries.refreshFigures');
  inTransaction(w, () => {
    const { stored } = loadEditable(w, identity, input.month, input.version);
    const figures = computeFigures(ctx, identity.districtId, input.month);
    summaryRows.update(w, stored, { figures: JSON.stringify(figures) }, { before: { figures: stored.figures }, after: { month: input.month, computedAt: figures.computedAt } });
  });
  return getSummary(ctx, { month: input.month });
}

/** 报送: the narrative must be written; the figures are made afresh and frozen with the submission. */
export function submitSummary(ctx: CoreContext, input: ParsedInput<'summaries.submit'>): SummaryDetail {
  const identity = requireDistrictIdentity(ctx);
  checkMonth(ctx, input.month);
  const w = beginWrite(ctx, identity, 'summaries.submit');
  inTransaction(w, () => {
    const { row, stored, returned } = loadEditable(w, identity, input.month, input.version);
    // every missing text at once
    const problems = new Problems();
    for (const [field, label] of narrativeFields) {
      if (!row[field]?.trim()) problems.add(field, `请填写“${label}”后再报送（工作小结须写明工作经验、存在问题和意见建议）。`);
    }
    problems.throwIfAny();
    const figures = computeFigures(ctx, identity.districtId, input.month);
    summaryRows.update(
      w,
      stored,
      { figures: JSON.stringify(figures), state: 'submitted', submittedAt: w.now, submittedBy: ctx.actor },
      {
        before: { state: row.state, submittedAt: row.submittedAt },
        after: { month: input.month, state: 'submitted', submittedAt: w.now, resubmission: returned, dueOn: row.dueOn, figures },
      },
    );
  });
  return getSummary(ctx, { month: input.month });
}
