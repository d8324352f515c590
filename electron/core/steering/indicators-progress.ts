import { EVIDENCE_LIMIT, type EvidenceRow } from '../../api/schemas/steering.ts';
import { stateLabels } from '../acceptance/state.ts';
import type { CoreContext } from '../context.ts';
import { chinaMidnight, addMonths, firstDay } from '../summaries/month.ts';
import { demoFiles, plaqueOn, supervisorsOn } from './facts.ts';
import { notApplicable, pct, type Measure, type MonthScope } from './indicator-types.ts';
import { all, sql, sqlRaw } from '../data/query.ts';

// The indicators of the rollout: demonstration units holding a plaque against the
// district's target, supervisors certified against theirs, and the blocks' 互查.

const phaseText = { pilot: '试点', rollout: '推广' } as const;

/** 示范单位验收: units holding a plaque at the month's end against 1 pilot unit + the rollout target. */
export function demoUnits(ctx: CoreContext, scope: MonthScope, detail: boolean): Measure {
  const columns = ['使用单位', '阶段', '当前状态', '牌匾编号', '验收通过日期', '月末持牌'];
  const target = scope.target;
  const pilot = target && (target.pilotDistrict || target.pilotUnitId) ? 1 : 0;
  const goal = pilot + (target?.rolloutTarget ?? 0);
  const files = demoFiles(ctx, scope.districtId);
  const held = new Set(files.filter((f) => plaqueOn(f, scope.asOf)).map((f) => f.unitId));
  const rows: EvidenceRow[] = detail
    ? files.slice(0, EVIDENCE_LIMIT).map((f) => {
        const plaque = plaqueOn(f, scope.asOf);
        const latestPass = f.decisions.filter((d) => d.outcome === 'pass').pop();
        return {
          cells: [f.unitName, phaseText[f.phase], stateLabels[f.state], plaque?.plaqueNo ?? latestPass?.plaqueNo ?? '', plaque?.decidedOn ?? latestPass?.decidedOn ?? '', plaque ? '是' : '否'],
          tone: plaque ? 'ok' : null,
          ref: { kind: 'acceptance', id: f.id },
        };
      })
    : [];
  if (goal === 0) return { ...notApplicable(`未设目标（已持牌 ${held.size} 家）`, columns), rows, total: files.length };
  const ratio = Math.min(1, held.size / goal);
  return { applicable: true, noData: false, ratio, value: `持牌 ${held.size} 家，目标 ${goal} 家（${pct(held.size / goal)}）`, columns, rows, total: files.length };
}

/** 安全监督员培训: people holding a valid 安全监督员证 at the month's end against the supervisors target. */
export function supervisorsTrained(ctx: CoreContext, scope: MonthScope, detail: boolean): Measure {
  const columns = ['证书编号', '持证人', '单位', '发证日期', '有效期至'];
  const people = supervisorsOn(ctx, scope.districtId, scope.asOf);
  const rows: EvidenceRow[] = detail
    ? people.slice(0, EVIDENCE_LIMIT).map((c) => ({ cells: [c.certificateNo, c.holderName, c.unitName ?? '', c.issueDate, c.validUntil], tone: 'ok', ref: null }))
    : [];
  const goal = scope.target?.supervisorsTarget ?? 0;
  if (goal === 0) return { ...notApplicable(`未设目标（持证 ${people.length} 人）`, columns), rows, total: people.length };
  const ratio = Math.min(1, people.length / goal);
  return { applicable: true, noData: false, ratio, value: `持证 ${people.length} 人，目标 ${goal} 人（${pct(people.length / goal)}）`, columns, rows, total: people.length };
}

/**
 * 块内互查开展: the district's blocks standing at the month's end that held a finished
 * 互查 in the month. The checks are the block routine's rows (block_checks); a district
 * without blocks is not assessed on it (不计) and it stays out of its full score.
 */
export function mutualChecks(ctx: CoreContext, scope: MonthScope, detail: boolean): Measure {
  const columns = ['安全管理小组', '本月互查次数', '最近一次互查'];
  const end = chinaMidnight(firstDay(addMonths(scope.month, 1)));
  const blocks = all(
    ctx.database.sqlite,
    sql<{ id: string; name: string; held: number; latest: string | null }>`${sqlRaw(
      `SELECT b.id, b.name,
              (SELECT count(*) FROM block_checks c WHERE c.block_id = b.id AND c.kind = 'mutual' AND c.state = 'final' AND c.deleted_at IS NULL
                 AND c.checked_on BETWEEN @from AND @to) AS held,
              (SELECT max(c.checked_on) FROM block_checks c WHERE c.block_id = b.id AND c.kind = 'mutual' AND c.state = 'final' AND c.deleted_at IS NULL
                 AND c.checked_on <= @to) AS latest
       FROM blocks b WHERE b.deleted_at IS NULL AND b.district_id = @districtId AND b.created_at < @end AND (b.dissolved_at IS NULL OR b.dissolved_at >= @end)
       ORDER BY b.name`,
      [],
      { districtId: scope.districtId, from: scope.from, to: scope.to, end },
    )}`,
  );
  if (blocks.length === 0) return notApplicable('无安全管理小组', columns);
  const held = blocks.filter((b) => b.held > 0).length;
  const rows: EvidenceRow[] = detail ? blocks.slice(0, EVIDENCE_LIMIT).map((b) => ({ cells: [b.name, String(b.held), b.latest ?? ''], tone: b.held > 0 ? 'ok' : 'bad', ref: null })) : [];
  const ratio = held / blocks.length;
  return { applicable: true, noData: false, ratio, value: `开展互查 ${held} 个，在册小组 ${blocks.length} 个（${pct(ratio)}）`, columns, rows, total: blocks.length };
}
