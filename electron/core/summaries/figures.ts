import { and, eq, isNull, lt } from 'drizzle-orm';
import { acceptanceFiles } from '../../../db/schema/index.ts';
import type { AcceptanceState } from '../../api/schemas/acceptance.ts';
import type { SummaryFigures } from '../../api/schemas/summaries.ts';
import { unitAcceptanceStates } from '../acceptance/accepted-units.ts';
import { listBlocks } from '../blocks/block-read.ts';
import type { CoreContext } from '../context.ts';
import { OVERDUE_SQL } from '../hazards/hazard-read.ts';
import { registrySummary } from '../registry/summary.ts';
import { BUREAU_POOL_ROWS } from '../training/pool.ts';
import { get, sql } from '../data/query.ts';
import { firstDay, lastDay, monthInstants, today } from './month.ts';
import { bureauRows } from '../sync/authority.ts';
import { routineFigures, feedbackFigures } from './routine-figures.ts';
import { publicityFigures } from '../publicity/publicity-read.ts';

// The figures of a month's summary, from this office's own database. Events are
// counted by their date in the month (found_on, inspected_on, received_on …, China
// dates); snapshots (the two lists, blocks, demonstration units, overdue hazards) are
// taken on the month's last day, or today while the month runs. Structures such as a
// block's members are read as they are now: the figures are frozen when submitted,
// which is what makes a past month's report stay what it was.
//
// Training is the training centre's work: an office holds only the sessions it ran
// itself and the certificates the bureau's pool names. Where this database holds no
// training rows at all, the count is null (无数据), never a misleading 0.

type Db = CoreContext['database']['sqlite'];

const inProgressStates: readonly AcceptanceState[] = ['created', 'self_check', 'district_review', 'city_review', 'recheck'];

function count(sqlite: Db, sql: string, ...params: unknown[]): number {
  return sqlite.prepare<unknown[], { n: number | null }>(sql).get(...params)?.n ?? 0;
}

function hasRows(sqlite: Db, table: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM ${table} WHERE deleted_at IS NULL LIMIT 1`).get() !== undefined;
}

function blockFigures(ctx: CoreContext, month: string, asOf: string): SummaryFigures['blocks'] {
  const { start, end } = monthInstants(month);
  const blocks = listBlocks(ctx, { includeDissolved: true, asOf }).blocks;
  const existing = blocks.filter((b) => b.createdAt < end && (b.dissolvedAt === null || b.dissolvedAt >= end));
  const problems = new Map<string, number>();
  for (const b of existing) for (const p of b.problems) problems.set(p.code, (problems.get(p.code) ?? 0) + 1);
  return {
    active: existing.length,
    formed: blocks.filter((b) => b.createdAt >= start && b.createdAt < end).length,
    withProblems: existing.filter((b) => b.problems.length > 0).length,
    problems: [...problems].map(([code, n]) => ({ code, count: n })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

function demoFigures(ctx: CoreContext, districtId: string, month: string): SummaryFigures['demo'] {
  const { sqlite } = ctx.database;
  const { end } = monthInstants(month);
  const unitIds = ctx.database.db
    .selectDistinct({ unitId: acceptanceFiles.unitId })
    .from(acceptanceFiles)
    .where(and(eq(acceptanceFiles.districtId, districtId), isNull(acceptanceFiles.deletedAt), lt(acceptanceFiles.createdAt, end)))
    .all()
    .map((r) => r.unitId);
  const states = [...unitAcceptanceStates(ctx, unitIds).values()];
  const passedInMonth = count(
    sqlite,
    `SELECT count(DISTINCT f.unit_id) AS n FROM acceptance_decisions d JOIN acceptance_files f ON f.id = d.file_id
     WHERE f.district_id = ? AND d.outcome = 'pass' AND d.deleted_at IS NULL AND ${bureauRows('d')} AND d.decided_on BETWEEN ? AND ?`,
    districtId,
    firstDay(month),
    lastDay(month),
  );
  return {
    passed: states.filter((s) => s === 'passed').length,
    inProgress: states.filter((s) => inProgressStates.includes(s)).length,
    returned: states.filter((s) => s === 'returned').length,
    revoked: states.filter((s) => s === 'revoked').length,
    passedInMonth,
  };
}

function trainingFigures(ctx: CoreContext, districtId: string, from: string, to: string): SummaryFigures['training'] {
  const { sqlite } = ctx.database;
  const sessions = hasRows(sqlite, 'training_sessions')
    ? count(
        sqlite,
        `SELECT count(*) AS n FROM training_sessions s WHERE s.deleted_at IS NULL AND s.start_date BETWEEN ? AND ?
         AND EXISTS (SELECT 1 FROM json_each(s.district_ids) WHERE value = ?)`,
        from,
        to,
        districtId,
      )
    : null;
  let candidates: number | null = null;
  let passed: number | null = null;
  if (hasRows(sqlite, 'exam_results')) {
    // published results only: a draft grade may still change
    const row = get(
      sqlite,
      sql<{ candidates: number; passed: number }>`
        SELECT count(*) AS candidates, coalesce(sum(r.passed), 0) AS passed FROM exam_results r
        JOIN exam_candidates c ON c.id = r.candidate_id JOIN exams e ON e.id = r.exam_id
        WHERE r.deleted_at IS NULL AND r.state <> 'draft' AND c.district_id = ${districtId} AND e.exam_date BETWEEN ${from} AND ${to}`,
    );
    candidates = row?.candidates ?? 0;
    passed = row?.passed ?? 0;
  }
  const holdsCertificates = hasRows(sqlite, 'supervisor_certificates') || sqlite.prepare(`SELECT 1 FROM supervisor_pool WHERE deleted_at IS NULL AND ${BUREAU_POOL_ROWS} LIMIT 1`).get() !== undefined;
  // a certificate counts once, whether this node issued it or the bureau's pool names it
  const supervisorsCertified = holdsCertificates
    ? count(
        sqlite,
        `SELECT count(*) AS n FROM (
           SELECT id FROM supervisor_certificates WHERE deleted_at IS NULL AND issuing_node = origin_node AND revoked_at IS NULL AND district_id = @d AND issue_date BETWEEN @from AND @to
           UNION
           SELECT certificate_id FROM supervisor_pool WHERE deleted_at IS NULL AND ${BUREAU_POOL_ROWS} AND revoked_at IS NULL AND district_id = @d AND issue_date BETWEEN @from AND @to
         )`,
        { d: districtId, from, to },
      )
    : null;
  return { sessions, candidates, passed, passRate: candidates ? Math.round((passed! / candidates) * 1000) / 1000 : null, supervisorsCertified };
}

/** The figures of one month of one district, read now. */
export function computeFigures(ctx: CoreContext, districtId: string, month: string): SummaryFigures {
  const { sqlite } = ctx.database;
  const from = firstDay(month);
  const to = lastDay(month);
  const day = today(ctx);
  const asOf = day < to ? (day < from ? from : day) : to;
  const registry = registrySummary(ctx, { asOf });
  const inMonth = { d: districtId, from, to };
  return {
    version: 1,
    computedAt: ctx.now().toISOString(),
    from,
    to,
    asOf,
    registry: { units: registry.units, list1Units: registry.list1Units, list2Managers: registry.list2Managers },
    blocks: blockFigures(ctx, month, asOf),
    demo: demoFigures(ctx, districtId, month),
    training: trainingFigures(ctx, districtId, from, to),
    inspections: {
      done: count(sqlite, "SELECT count(*) AS n FROM inspection_records WHERE district_id = @d AND state = 'final' AND deleted_at IS NULL AND inspected_on BETWEEN @from AND @to", inMonth),
      ordersIssued: count(sqlite, "SELECT count(*) AS n FROM supervision_orders WHERE district_id = @d AND state <> 'cancelled' AND deleted_at IS NULL AND issued_on BETWEEN @from AND @to", inMonth),
    },
    hazards: {
      found: count(sqlite, 'SELECT count(*) AS n FROM hazards h WHERE h.district_id = @d AND h.deleted_at IS NULL AND h.found_on BETWEEN @from AND @to', inMonth),
      closed: count(sqlite, 'SELECT count(*) AS n FROM hazards h WHERE h.district_id = @d AND h.deleted_at IS NULL AND h.closed_on BETWEEN @from AND @to', inMonth),
      overdue: count(sqlite, `SELECT count(*) AS n FROM hazards h WHERE h.district_id = @d AND h.deleted_at IS NULL AND ${OVERDUE_SQL}`, { d: districtId, today: asOf }),
    },
    complaints: {
      received: count(sqlite, 'SELECT count(*) AS n FROM complaints WHERE district_id = @d AND deleted_at IS NULL AND received_on BETWEEN @from AND @to', inMonth),
      handled: count(sqlite, "SELECT count(*) AS n FROM complaints WHERE district_id = @d AND deleted_at IS NULL AND state = 'handled' AND handled_on BETWEEN @from AND @to", inMonth),
      rewardsApproved: count(sqlite, "SELECT count(*) AS n FROM complaint_rewards WHERE district_id = @d AND deleted_at IS NULL AND state IN ('approved', 'paid') AND approved_on BETWEEN @from AND @to", inMonth),
      rewardsApprovedFen: count(
        sqlite,
        "SELECT sum(approved_fen) AS n FROM complaint_rewards WHERE district_id = @d AND deleted_at IS NULL AND state IN ('approved', 'paid') AND approved_on BETWEEN @from AND @to",
        inMonth,
      ),
    },
    routine: routineFigures(ctx, districtId, month, asOf),
    feedback: feedbackFigures(ctx, districtId, month),
    // 宣传与进企业培训 (issue 19)
    publicity: publicityFigures(ctx, districtId, from, to),
  };
}
