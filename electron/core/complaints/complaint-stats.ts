import type { ComplaintStats } from '../../api/schemas/complaints.ts';
import { complaintChannels, ComplaintOutcome } from '../../api/schemas/complaints.ts';
import type { CoreContext } from '../context.ts';
import { get, all as rows, sql, sqlRaw, type Query } from '../data/query.ts';
import { localDate } from '../registry/as-of.ts';
import { OVERDUE_SQL, today } from './complaint-read.ts';

// The register in numbers, for the home dashboard and the monthly summary: this month
// (received in it; handled = 办结 in it) and in all, by channel and outcome, and the
// rewards with their sums in fen.

export function complaintStats(ctx: CoreContext, input: { districtId?: string | undefined; month?: string | undefined }): ComplaintStats {
  const { sqlite } = ctx.database;
  const month = input.month ?? localDate(ctx.now()).slice(0, 7);
  const params = { today: today(ctx), districtId: input.districtId ?? null, month };
  const scope = 'c.deleted_at IS NULL AND (@districtId IS NULL OR c.district_id = @districtId)';
  const inMonth = (column: string) => `substr(${column}, 1, 7) = @month`;
  // every statement here binds the same named parameters (@today in OVERDUE_SQL, @districtId, @month)
  const named = <Row>(text: string): Query<Row> => sql<Row>`${sqlRaw(text, [], params)}`;
  const counts = (where: string, handled: string) =>
    get(
      sqlite,
      named<ComplaintStats['all']>(
        `SELECT count(*) AS received, coalesce(sum(${handled}), 0) AS handled, coalesce(sum(c.state <> 'handled'), 0) AS open, coalesce(sum(${OVERDUE_SQL}), 0) AS overdue
         FROM complaints c WHERE ${scope} AND ${where}`,
      ),
    )!;
  const all = counts('1', "c.state = 'handled'");
  const thisMonth = counts(inMonth('c.received_on'), '0');
  thisMonth.handled = get(sqlite, named<{ n: number }>(`SELECT count(*) AS n FROM complaints c WHERE ${scope} AND c.state = 'handled' AND ${inMonth('c.handled_on')}`))!.n;
  const channels = new Map(
    rows(sqlite, named<ComplaintStats['byChannel'][number]>(`SELECT c.channel, count(*) AS received, coalesce(sum(${inMonth('c.received_on')}), 0) AS thisMonth FROM complaints c WHERE ${scope} GROUP BY c.channel`)).map((r) => [r.channel, r]),
  );
  const outcomes = new Map(rows(sqlite, named<ComplaintStats['byOutcome'][number]>(`SELECT c.outcome, count(*) AS count FROM complaints c WHERE ${scope} AND c.outcome IS NOT NULL GROUP BY c.outcome`)).map((r) => [r.outcome, r.count]));
  const rewardScope = 'r.deleted_at IS NULL AND (@districtId IS NULL OR r.district_id = @districtId)';
  const r = get(
    sqlite,
    named<Record<'proposedCount' | 'proposedFen' | 'approvedCount' | 'approvedFen' | 'paidCount' | 'paidFen' | 'rejected' | 'monthCount' | 'monthFen', number>>(
      `SELECT coalesce(sum(r.state = 'proposed'), 0) AS proposedCount, coalesce(sum(CASE WHEN r.state = 'proposed' THEN r.proposed_fen END), 0) AS proposedFen,
         coalesce(sum(r.state IN ('approved', 'paid')), 0) AS approvedCount, coalesce(sum(CASE WHEN r.state IN ('approved', 'paid') THEN r.approved_fen END), 0) AS approvedFen,
         coalesce(sum(r.state = 'paid'), 0) AS paidCount, coalesce(sum(CASE WHEN r.state = 'paid' THEN r.approved_fen END), 0) AS paidFen,
         coalesce(sum(r.state = 'rejected'), 0) AS rejected,
         coalesce(sum(r.state IN ('approved', 'paid') AND ${inMonth('r.approved_on')}), 0) AS monthCount,
         coalesce(sum(CASE WHEN r.state IN ('approved', 'paid') AND ${inMonth('r.approved_on')} THEN r.approved_fen END), 0) AS monthFen
       FROM complaint_rewards r WHERE ${rewardScope}`,
    ),
  )!;
  return {
    month,
    thisMonth,
    all,
    byChannel: complaintChannels.map((channel) => channels.get(channel) ?? { channel, received: 0, thisMonth: 0 }),
    byOutcome: ComplaintOutcome.options.map((outcome) => ({ outcome, count: outcomes.get(outcome) ?? 0 })),
    rewards: {
      proposed: { count: r.proposedCount, sumFen: r.proposedFen },
      approved: { count: r.approvedCount, sumFen: r.approvedFen },
      paid: { count: r.paidCount, sumFen: r.paidFen },
      rejected: r.rejected,
      approvedThisMonth: { count: r.monthCount, sumFen: r.monthFen },
    },
  };
}
