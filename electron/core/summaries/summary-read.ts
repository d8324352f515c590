import { eq } from 'drizzle-orm';
import { districts } from '../../../db/schema/index.ts';
import { AppError } from '../../api/errors.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import { SummaryFigures, type SummaryDetail, type SummaryReview, type SummaryStoredState } from '../../api/schemas/summaries.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { authorityName } from '../lists/list-titles.ts';
import { requireIdentity } from '../node/node-service.ts';
import { figureRows } from './figure-rows.ts';
import { computeFigures } from './figures.ts';
import { currentMonth, dueDate, monthLabel, today } from './month.ts';
import { getSummarySettings } from './summary-settings.ts';
import { answerOf, judgedAt, statusOf, timelinessOf } from './summary-status.ts';
import { bureauRows } from '../sync/authority.ts';

// Reading summaries: one month of an office, as the office edits it or as the bureau
// reads what was submitted. Status and timeliness are computed on reading, against
// today, never stored: they change with the date and the bureau's answers.

export interface SummaryRow {
  id: string;
  originNode: string;
  version: number;
  districtId: string;
  month: string;
  dueOn: string;
  figures: string;
  experience: string | null;
  problems: string | null;
  proposals: string | null;
  narrative: string | null;
  attachments: string;
  state: SummaryStoredState;
  submittedAt: string | null;
  submittedBy: string | null;
  /** at the bureau: when this submission arrived here (summary_receipts); null at the office */
  receivedAt: string | null;
  createdAt: string;
}

const SELECT = sqlRaw(`SELECT id, origin_node AS originNode, version, district_id AS districtId, month, due_on AS dueOn, figures, experience, problems, proposals,
  narrative, attachments, state, submitted_at AS submittedAt, submitted_by AS submittedBy, created_at AS createdAt,
  (SELECT received_at FROM summary_receipts r WHERE r.summary_id = monthly_summaries.id AND r.submitted_at = monthly_summaries.submitted_at) AS receivedAt
  FROM monthly_summaries`);

export function loadRow(ctx: CoreContext, originNode: string, month: string): SummaryRow | undefined {
  return get(ctx.database.sqlite, sql<SummaryRow>`${SELECT} WHERE origin_node = ${originNode} AND month = ${month} AND deleted_at IS NULL`);
}

export function loadRowById(ctx: CoreContext, id: string): SummaryRow {
  const row = get(ctx.database.sqlite, sql<SummaryRow>`${SELECT} WHERE id = ${id} AND deleted_at IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '该工作小结不存在，请刷新后重试。');
  return row;
}

/** Rows of many offices or months at once (the city view, the office's list). */
export function rowsWhere(ctx: CoreContext, where: string, ...params: unknown[]): SummaryRow[] {
  return all(ctx.database.sqlite, sql<SummaryRow>`${SELECT} WHERE deleted_at IS NULL AND ${sqlRaw(where, params)}`);
}

export function reviewsOf(ctx: CoreContext, summaryIds: readonly string[]): Map<string, SummaryReview[]> {
  const out = new Map<string, SummaryReview[]>();
  if (summaryIds.length === 0) return out;
  const rows = all(
    ctx.database.sqlite,
    sql<SummaryReview & { summaryId: string }>`
      SELECT id, summary_id AS summaryId, action, comment, submitted_at AS submittedAt, reviewed_on AS reviewedOn, reviewed_by AS reviewedBy, created_at AS createdAt
      FROM summary_reviews WHERE summary_id IN (SELECT value FROM json_each(${JSON.stringify(summaryIds)})) AND deleted_at IS NULL AND ${sqlRaw(bureauRows())} ORDER BY created_at, id`,
  );
  for (const { summaryId, ...r } of rows) out.set(summaryId, [...(out.get(summaryId) ?? []), r]);
  return out;
}

export function districtName(ctx: CoreContext, districtId: string): string {
  const row = ctx.database.db.select({ name: districts.name }).from(districts).where(eq(districts.id, districtId)).get();
  return row?.name ?? districtId;
}

/** 塘桥分局2026年12月特种设备“区、块、链”监管工作小结 */
export function summaryTitle(district: string, month: string): string {
  return `${district}分局${monthLabel(month)}特种设备“区、块、链”监管工作小结`;
}

/** A month an office may write: this month or an earlier one. */
export function checkMonth(ctx: CoreContext, month: string): void {
  if (month > currentMonth(ctx)) throw new AppError('VALIDATION', `${monthLabel(month)}尚未开始，只能填写本月或以前月份的工作小结。`, { field: 'month' });
}

function parseFigures(json: string): SummaryFigures | null {
  try {
    const parsed = SummaryFigures.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function attachmentsOf(ctx: CoreContext, json: string): SummaryDetail['attachments'] {
  const ids = JSON.parse(json) as string[];
  // run once per attached file: kept prepared
  const attachment = ctx.database.sqlite.prepare<[string], SummaryDetail['attachments'][number]>(
    'SELECT id AS attachmentId, file_name AS fileName, mime_type AS mimeType, size, sha256 FROM attachments WHERE id = ? AND deleted_at IS NULL',
  );
  return ids.flatMap((id) => {
    const a = attachment.get(id);
    return a ? [a] : [];
  });
}

/** The detail of a stored summary (or of a new one: row null) as this node sees it. */
export function detailOf(ctx: CoreContext, identity: NodeIdentity, office: { node: string; districtId: string }, month: string, row: SummaryRow | null): SummaryDetail {
  const reviews = row ? (reviewsOf(ctx, [row.id]).get(row.id) ?? []) : [];
  const status = statusOf(row, reviews);
  const dueOn = row?.dueOn ?? dueDate(month, getSummarySettings(ctx).dueDay);
  const figures = row ? parseFigures(row.figures) : computeFigures(ctx, office.districtId, month);
  const own = identity.id === office.node && identity.role === 'district';
  const district = districtName(ctx, office.districtId);
  return {
    id: row?.id ?? null,
    version: row?.version ?? null,
    month,
    officeNode: office.node,
    districtId: office.districtId,
    districtName: district,
    title: summaryTitle(district, month),
    authority: authorityName(district),
    dueOn,
    storedState: row?.state ?? null,
    status,
    timeliness: timelinessOf(status, judgedAt(row), dueOn, today(ctx)),
    figures,
    rows: figures ? figureRows(figures) : [],
    figuresFrozen: status === 'submitted' || status === 'received',
    experience: row?.experience ?? null,
    problems: row?.problems ?? null,
    proposals: row?.proposals ?? null,
    narrative: row?.narrative ?? null,
    attachments: row ? attachmentsOf(ctx, row.attachments) : [],
    submittedAt: row?.submittedAt ?? null,
    submittedBy: row?.submittedBy ?? null,
    receivedAt: row?.receivedAt ?? null,
    reviews,
    latestReview: answerOf(row, reviews),
    editable: own && (status === 'not_started' || status === 'draft' || status === 'returned'),
    reviewable: identity.role === 'bureau' && (status === 'submitted' || status === 'received'),
  };
}

/** summaries.get: an office reads its own month (new ones pre-filled); the bureau reads what an office submitted. */
export function getSummary(ctx: CoreContext, input: { month: string; officeNode?: string | undefined }): SummaryDetail {
  const identity = requireIdentity(ctx);
  if (identity.role === 'district') {
    if (!identity.districtId) throw new AppError('FORBIDDEN', '本机未设置所属分局，不能填写工作小结。请在“设置”中确认本机身份。');
    if (input.officeNode && input.officeNode !== identity.id) throw new AppError('FORBIDDEN', '只能查看本分局的工作小结。');
    checkMonth(ctx, input.month);
    const row = loadRow(ctx, identity.id, input.month) ?? null;
    return detailOf(ctx, identity, { node: identity.id, districtId: row?.districtId ?? identity.districtId }, input.month, row);
  }
  if (!input.officeNode) throw new AppError('VALIDATION', '请选择要查看的分局。', { field: 'officeNode' });
  const row = loadRow(ctx, input.officeNode, input.month);
  // a draft is the office's work in progress: the bureau reads what was sent to it
  if (!row || row.state === 'draft') throw new AppError('NOT_FOUND', `该分局尚未报送${monthLabel(input.month)}的工作小结。`);
  return detailOf(ctx, identity, { node: row.originNode, districtId: row.districtId }, input.month, row);
}
