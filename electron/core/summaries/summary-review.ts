import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { CityCell, CityView, SummaryDetail } from '../../api/schemas/summaries.ts';
import type { CoreContext } from '../context.ts';
import { all, sql } from '../data/query.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { requireIdentity } from '../node/node-service.ts';
import { localDate } from '../registry/as-of.ts';
import { currentMonth, dueDate, monthsUpTo, today } from './month.ts';
import { districtName, getSummary, loadRowById, reviewsOf, rowsWhere } from './summary-read.ts';
import { reviewRows } from './summary-rows.ts';
import { getSummarySettings } from './summary-settings.ts';
import { answerOf, judgedAt, statusOf, timelinessOf } from './summary-status.ts';

// The city bureau's side: every enrolled office × month, and its answer to a
// submission. The answer is a row the bureau owns (summary_reviews) naming the owning
// office (office_node), so the next bureau bundle to that office carries it and no
// other office ever receives it (bureauTargetColumns in bundle/sync-tables.ts).

export function reviewSummary(ctx: CoreContext, input: ParsedInput<'summaries.review'>): SummaryDetail {
  const w = beginWrite(ctx, requireIdentity(ctx), 'summaries.review');
  const month = inTransaction(w, () => {
    const row = loadRowById(ctx, input.summaryId);
    const answers = reviewsOf(ctx, [row.id]).get(row.id) ?? [];
    const status = statusOf(row, answers);
    if (status !== 'submitted' && status !== 'received') {
      throw new AppError('CONFLICT', status === 'returned' ? '该工作小结已退回，等待分局重新报送。' : '该分局尚未报送这份工作小结。');
    }
    if (row.submittedAt !== input.submittedAt) throw new AppError('CONFLICT', '该分局已重新报送了工作小结，请刷新后查看新的一份再审阅。');
    if (input.action === 'return' && !input.comment) throw new AppError('VALIDATION', '退回请写明意见（需要补充或更正的内容）。', { field: 'comment' });
    if (input.action === 'receive' && answerOf(row, answers)?.action === 'receive') throw new AppError('CONFLICT', '这份工作小结已标记为已收。');
    const answer = { summaryId: row.id, officeNode: row.originNode, submittedAt: input.submittedAt, action: input.action, comment: input.comment };
    const after = { summaryId: row.id, officeNode: row.originNode, month: row.month, submittedAt: row.submittedAt, action: input.action, comment: input.comment };
    reviewRows.insert(w, { ...answer, reviewedOn: today(ctx), reviewedBy: ctx.actor }, { audit: { after } });
    return { month: row.month, officeNode: row.originNode };
  });
  return getSummary(ctx, month);
}

interface Office {
  nodeId: string;
  nodeName: string;
  districtId: string | null;
  trustedAt: string;
}

/** Per enrolled office and month: 按时 / 逾期 / 未报 / 已退回 (or 待报送 while not yet due), with the bureau's latest answer. */
export function cityView(ctx: CoreContext, input: ParsedInput<'summaries.cityView'>): CityView {
  const to = input.to ?? currentMonth(ctx);
  const months = monthsUpTo(to, input.count);
  const day = today(ctx);
  const dueDay = getSummarySettings(ctx).dueDay;
  const offices = all(
    ctx.database.sqlite,
    sql<Office>`
      SELECT node_id AS nodeId, node_name AS nodeName, max(district_id) AS districtId, min(trusted_at) AS trustedAt
      FROM trusted_keys WHERE role = 'district' GROUP BY node_id ORDER BY node_name, node_id`,
  );
  const rows = rowsWhere(ctx, 'month BETWEEN ? AND ?', months[0]!, months[months.length - 1]!);
  const reviews = reviewsOf(ctx, rows.map((r) => r.id));
  const byKey = new Map(rows.map((r) => [`${r.originNode}|${r.month}`, r]));
  return {
    months,
    today: day,
    offices: offices.map((o) => {
      const enrolledMonth = localDate(new Date(o.trustedAt)).slice(0, 7);
      const cells = months.map((month): CityCell => {
        const row = byKey.get(`${o.nodeId}|${month}`) ?? null;
        const answers = row ? (reviews.get(row.id) ?? []) : [];
        const dueOn = row?.dueOn ?? dueDate(month, dueDay);
        // a month before the office was enrolled here could not have reached the bureau
        if (!row && month < enrolledMonth) return { month, summaryId: null, dueOn, status: 'not_expected', timeliness: null, submittedAt: null, receivedAt: null, latestReview: null };
        const status = statusOf(row, answers);
        return {
          month,
          summaryId: row?.id ?? null,
          dueOn,
          status,
          timeliness: timelinessOf(status, judgedAt(row), dueOn, day),
          submittedAt: row?.submittedAt ?? null,
          receivedAt: row?.receivedAt ?? null,
          latestReview: answerOf(row, answers),
        };
      });
      return { nodeId: o.nodeId, nodeName: o.nodeName, districtId: o.districtId, districtName: o.districtId ? districtName(ctx, o.districtId) : null, cells };
    }),
  };
}
