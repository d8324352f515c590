import { and, count, eq, isNull, ne } from 'drizzle-orm';
import { managerFeedback } from '../../../db/schema/index.ts';
import type { Dashboard, DashboardOffice } from '../../api/schemas/dashboard.ts';
import { board } from '../acceptance/acceptance-read.ts';
import { listBlocks } from '../blocks/block-read.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import type { CoreContext } from '../context.ts';
import { all, sql } from '../data/query.ts';
import { complaintStats } from '../complaints/complaint-stats.ts';
import { hazardStats } from '../hazards/hazard-stats.ts';
import { inspectionStats } from '../inspections/inspection-stats.ts';
import { listScope, scopeCondition } from '../lists/list-scope.ts';
import { addDays, resolveAsOf } from '../registry/as-of.ts';
import { inspectionSql } from '../registry/status-sql.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { getIdentity } from '../node/node-service.ts';
import { riskDistribution } from '../risk/risk-read.ts';

// The home page's figures, gathered from each area's own reads (hazard, inspection and
// complaint stats, the blocks board, the acceptance board) so the numbers here are the
// numbers on those pages; only the per-kind inspection counts and the exam pass rates
// are counted here.

const EXAMS_SHOWN = 6;

function inspectionByKind(ctx: CoreContext, asOf: string): Dashboard['inspectionByKind'] {
  const settings = getRegistrySettings(ctx);
  const overdue = inspectionSql('overdue', asOf, addDays(asOf, settings.dueSoonDays));
  const due = inspectionSql('due', asOf, addDays(asOf, settings.dueSoonDays));
  const scope = scopeCondition(ctx, listScope(ctx));
  const rows = all(
    ctx.database.sqlite,
    sql<{ kindCode: string | null; overdue: number; due: number }>`
      SELECT e.kind_code AS kindCode, ifnull(sum(${overdue}), 0) AS overdue, ifnull(sum(${due}), 0) AS due
       FROM equipment e WHERE e.deleted_at IS NULL AND e.status = 'in_use' ${scope}
       GROUP BY e.kind_code HAVING overdue + due > 0 ORDER BY overdue DESC, due DESC, e.kind_code`,
  );
  const catalogue = loadCatalogue();
  return rows.map((r) => ({ ...r, kindName: (r.kindCode && catalogue.get(r.kindCode)?.name) || '未分类' }));
}

function examPassRates(ctx: CoreContext, districtId: string | null): Dashboard['exams'] {
  const rows = all(
    ctx.database.sqlite,
    sql<Omit<Dashboard['exams'][number], 'passRate'>>`
      SELECT x.id AS examId, x.title, x.exam_date AS examDate, count(r.id) AS candidates, ifnull(sum(r.passed), 0) AS passed
       FROM exams x JOIN exam_results r ON r.exam_id = x.id AND r.deleted_at IS NULL AND r.state = 'published'
       JOIN exam_candidates c ON c.id = r.candidate_id AND c.deleted_at IS NULL
       WHERE x.deleted_at IS NULL AND (${districtId} IS NULL OR c.district_id = ${districtId})
       GROUP BY x.id ORDER BY ifnull(x.exam_date, x.created_at) DESC, x.id DESC LIMIT ${EXAMS_SHOWN}`,
  );
  return rows.map((r) => ({ ...r, passRate: r.candidates ? Math.round((r.passed / r.candidates) * 1000) / 1000 : null }));
}

/** One row per district office with data here: the ledger, hazards, blocks and accepted demonstration units. */
function offices(
  ctx: CoreContext,
  asOf: string,
  districtId: string | null,
  byDistrict: ReturnType<typeof hazardStats>['byDistrict'],
  blocks: ReturnType<typeof listBlocks>['blocks'],
  accepted: Map<string, number>,
): DashboardOffice[] {
  const settings = getRegistrySettings(ctx);
  const overdue = inspectionSql('overdue', asOf, addDays(asOf, settings.dueSoonDays));
  const ledger = all(
    ctx.database.sqlite,
    sql<Pick<DashboardOffice, 'districtId' | 'districtName' | 'units' | 'equipmentInUse' | 'inspectionOverdue'>>`
      SELECT d.id AS districtId, d.name AS districtName,
         (SELECT count(*) FROM units u WHERE u.district_id = d.id AND u.deleted_at IS NULL) AS units,
         (SELECT count(*) FROM equipment e JOIN units u ON u.id = e.unit_id WHERE u.district_id = d.id AND e.deleted_at IS NULL AND e.status = 'in_use') AS equipmentInUse,
         (SELECT ifnull(sum(${overdue}), 0) FROM equipment e JOIN units u ON u.id = e.unit_id WHERE u.district_id = d.id AND e.deleted_at IS NULL AND e.status = 'in_use') AS inspectionOverdue
       FROM districts d WHERE d.deleted_at IS NULL AND (${districtId} IS NULL OR d.id = ${districtId}) ORDER BY d.sort_order, d.name`,
  );
  const hazards = new Map(byDistrict.map((h) => [h.districtId, h]));
  return ledger
    .map((row) => {
      const own = blocks.filter((b) => b.districtId === row.districtId);
      return {
        ...row,
        hazardsOpen: hazards.get(row.districtId)?.open ?? 0,
        hazardsOverdue: hazards.get(row.districtId)?.overdue ?? 0,
        blocks: own.length,
        blocksWithProblems: own.filter((b) => b.problems.some((p) => p.severity === 'error')).length,
        demoAccepted: accepted.get(row.districtId) ?? 0,
      };
    })
    .filter((o) => districtId !== null || o.units + o.hazardsOpen + o.blocks + o.demoAccepted > 0);
}

export function getDashboard(ctx: CoreContext): Dashboard {
  const asOf = resolveAsOf(ctx, undefined);
  const districtId = listScope(ctx).districtId;
  const inScope = { districtId: districtId ?? undefined };
  const hazards = hazardStats(ctx, inScope);
  const blockList = listBlocks(ctx, { includeDissolved: false, asOf });
  const withProblems = blockList.blocks.filter((b) => b.problems.some((p) => p.severity === 'error'));
  const acceptanceBoard = board(ctx);
  const acceptance = { candidates: 0, inReview: 0, accepted: 0, returned: 0, revoked: 0 };
  const accepted = new Map<string, number>();
  for (const row of acceptanceBoard.rows) {
    if (districtId && row.districtId !== districtId) continue;
    for (const key of Object.keys(acceptance) as Array<keyof typeof acceptance>) acceptance[key] += row[key];
    accepted.set(row.districtId, (accepted.get(row.districtId) ?? 0) + row.accepted);
  }
  const inspections = inspectionStats(ctx, inScope);
  const complaints = complaintStats(ctx, inScope);
  return {
    asOf,
    inspectionByKind: inspectionByKind(ctx, asOf),
    hazards: { open: hazards.open, overdue: hazards.overdue, escalated: hazards.escalated, byState: hazards.byState },
    blocks: {
      active: blockList.blocks.length,
      withProblems: withProblems.length,
      problems: withProblems.map((b) => ({ blockId: b.id, name: b.name, districtName: b.districtName, problems: b.problems.filter((p) => p.severity === 'error').map((p) => p.message) })),
    },
    inspections: { plansActive: inspections.plansActive, recordsThisMonth: inspections.recordsThisMonth, ordersOpen: inspections.ordersOpen, ordersOverdue: inspections.ordersOverdue },
    complaints: { open: complaints.all.open, overdue: complaints.all.overdue, rewardsProposed: complaints.rewards.proposed.count },
    acceptance,
    exams: examPassRates(ctx, districtId),
    routine: {
      activitiesOverdue: blockList.blocks.reduce((n, b) => n + b.activitiesOverdue, 0),
      feedbackOpen:
        ctx.database.db
          .select({ n: count() })
          .from(managerFeedback)
          .where(and(isNull(managerFeedback.deletedAt), ne(managerFeedback.state, 'closed'), districtId === null ? undefined : eq(managerFeedback.districtId, districtId)))
          .get()?.n ?? 0,
    },
    offices: offices(ctx, asOf, districtId, hazards.byDistrict, blockList.blocks, accepted),
    risk: getIdentity(ctx)?.role === 'training' ? null : riskDistribution(ctx, {}),
  };
}
