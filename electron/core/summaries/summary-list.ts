import type { SummaryListItem, SummaryStatusOutput } from '../../api/schemas/summaries.ts';
import type { CoreContext } from '../context.ts';
import { getIdentity, requireDistrictIdentity } from '../node/node-service.ts';
import { localDate } from '../registry/as-of.ts';
import { addMonths, currentMonth, daysBetween, dueDate, today } from './month.ts';
import { loadRow, reviewsOf, rowsWhere } from './summary-read.ts';
import { getSummarySettings } from './summary-settings.ts';
import { answerOf, judgedAt, statusOf, timelinessOf } from './summary-status.ts';

// The office's months (its list) and this month's standing (the home page's countdown).

/** At most two years back: older months are in the audit log and the bureau's archive. */
const MAX_MONTHS = 24;

/** This office's months, newest first: from the month the node was set up (or its first summary) to this month. */
export function listSummaries(ctx: CoreContext): SummaryListItem[] {
  const identity = requireDistrictIdentity(ctx);
  const rows = rowsWhere(ctx, 'origin_node = ?', identity.id);
  const reviews = reviewsOf(ctx, rows.map((r) => r.id));
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const now = currentMonth(ctx);
  const first = localDate(new Date(identity.createdAt)).slice(0, 7);
  const earliest = [first, ...byMonth.keys()].sort()[0]!;
  const dueDay = getSummarySettings(ctx).dueDay;
  const day = today(ctx);
  const out: SummaryListItem[] = [];
  for (let month = now, i = 0; month >= earliest && i < MAX_MONTHS; month = addMonths(month, -1), i++) {
    const row = byMonth.get(month) ?? null;
    const answers = row ? (reviews.get(row.id) ?? []) : [];
    const status = statusOf(row, answers);
    const dueOn = row?.dueOn ?? dueDate(month, dueDay);
    out.push({ month, id: row?.id ?? null, dueOn, status, timeliness: timelinessOf(status, judgedAt(row), dueOn, day), submittedAt: row?.submittedAt ?? null, latestReview: answerOf(row, answers) });
  }
  return out;
}

/** This month's due date, days left and state; not applicable on the bureau and the training centre. */
export function summaryStatus(ctx: CoreContext): SummaryStatusOutput {
  const identity = getIdentity(ctx);
  const settings = getSummarySettings(ctx);
  const month = currentMonth(ctx);
  const day = today(ctx);
  const row = identity?.role === 'district' ? (loadRow(ctx, identity.id, month) ?? null) : null;
  const answers = row ? (reviewsOf(ctx, [row.id]).get(row.id) ?? []) : [];
  const status = statusOf(row, answers);
  const dueOn = row?.dueOn ?? dueDate(month, settings.dueDay);
  const done = status === 'submitted' || status === 'received';
  const applicable = identity?.role === 'district' && identity.districtId !== null;
  return {
    applicable,
    month,
    dueOn,
    daysLeft: daysBetween(day, dueOn),
    showCountdown: applicable && !done && Number(day.slice(8, 10)) >= settings.countdownFromDay,
    status,
    timeliness: timelinessOf(status, judgedAt(row), dueOn, day),
  };
}
