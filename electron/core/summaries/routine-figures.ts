import { and, eq, gte, isNull, lt, or } from 'drizzle-orm';
import { blocks } from '../../../db/schema/index.ts';
import type { SummaryFigures } from '../../api/schemas/summaries.ts';
import type { CoreContext } from '../context.ts';
import { calendarsOf } from '../routine/calendar-read.ts';
import { firstDay, lastDay, monthInstants } from './month.ts';

// The month's figures of 块的日常 and 链's 问题反馈 (issue 19), counted as the other
// figures are: events by their China date in the month, the overdue activities as a
// snapshot on asOf (the month's last day, or today while it runs) over the blocks that
// existed at the month's end.

type Db = CoreContext['database']['sqlite'];

function count(sqlite: Db, sql: string, params: Record<string, string>): number {
  return sqlite.prepare<[Record<string, string>], { n: number | null }>(sql).get(params)?.n ?? 0;
}

export function routineFigures(ctx: CoreContext, districtId: string, month: string, asOf: string): NonNullable<SummaryFigures['routine']> {
  const { sqlite } = ctx.database;
  const inMonth = { d: districtId, from: firstDay(month), to: lastDay(month) };
  const checks = (kind: 'self' | 'mutual') =>
    count(sqlite, `SELECT count(*) AS n FROM block_checks WHERE district_id = @d AND kind = '${kind}' AND state = 'final' AND deleted_at IS NULL AND checked_on BETWEEN @from AND @to`, inMonth);
  const { end } = monthInstants(month);
  const blockIds = ctx.database.db
    .select({ id: blocks.id })
    .from(blocks)
    .where(and(eq(blocks.districtId, districtId), isNull(blocks.deletedAt), lt(blocks.createdAt, end), or(isNull(blocks.dissolvedAt), gte(blocks.dissolvedAt, end))))
    .all()
    .map((b) => b.id);
  let activitiesOverdue = 0;
  for (const calendar of calendarsOf(ctx, blockIds, asOf).values()) activitiesOverdue += calendar.overdue;
  return {
    selfChecks: checks('self'),
    mutualChecks: checks('mutual'),
    meetings: count(sqlite, 'SELECT count(*) AS n FROM block_meetings WHERE district_id = @d AND deleted_at IS NULL AND held_on BETWEEN @from AND @to', inMonth),
    activitiesOverdue,
  };
}

export function feedbackFigures(ctx: CoreContext, districtId: string, month: string): NonNullable<SummaryFigures['feedback']> {
  const { sqlite } = ctx.database;
  const inMonth = { d: districtId, from: firstDay(month), to: lastDay(month) };
  const by = (column: string) => count(sqlite, `SELECT count(*) AS n FROM manager_feedback WHERE district_id = @d AND deleted_at IS NULL AND ${column} BETWEEN @from AND @to`, inMonth);
  return { received: by('reported_on'), answered: by('answered_on'), toHazard: by('hazard_on'), closed: by('closed_on') };
}
