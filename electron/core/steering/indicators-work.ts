import { EVIDENCE_LIMIT, type EvidenceRow } from '../../api/schemas/steering.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import type { CoreContext } from '../context.ts';
import { localDate, localMinute } from '../registry/as-of.ts';
import { inspectionSql } from '../registry/status-sql.ts';
import { daysBetween, dueDate, monthLabel } from '../summaries/month.ts';
import { reviewsOf, rowsWhere } from '../summaries/summary-read.ts';
import { getSummarySettings } from '../summaries/summary-settings.ts';
import { judgedAt, statusOf, timelinessOf } from '../summaries/summary-status.ts';
import { notApplicable, pct, type Measure, type MonthScope } from './indicator-types.ts';
import { all, get, sql, sqlFragment } from '../data/query.ts';

// The indicators of an office's own work, from the rows its bundles brought: the monthly
// summary (on time by the bureau's clock), inspection dates of the equipment in use,
// hazards whose deadline fell in the month.

const dateText = (date: string) => date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);

/** 月度工作小结按时报送: the office's summary of the month, judged as the bureau's summary view judges it. */
export function summaryOnTime(ctx: CoreContext, scope: MonthScope): Measure {
  const nodes = JSON.stringify(scope.office.nodes.map((n) => n.nodeId));
  const rows = rowsWhere(ctx, 'month = ? AND origin_node IN (SELECT value FROM json_each(?))', scope.month, nodes);
  const reviews = reviewsOf(ctx, rows.map((r) => r.id));
  const judged = rows.map((row) => {
    const status = statusOf(row, reviews.get(row.id) ?? []);
    return { row, status, timeliness: timelinessOf(status, judgedAt(row), row.dueOn, scope.today) };
  });
  // an office replaced by a new installation may have two rows: the better one counts
  const rank = { on_time: 0, late: 1, pending: 2, missing: 3 } as const;
  const best = judged.sort((a, b) => rank[a.timeliness] - rank[b.timeliness])[0];
  const dueOn = best?.row.dueOn ?? dueDate(scope.month, getSummarySettings(ctx).dueDay);
  const timeliness = best?.timeliness ?? (scope.today > dueOn ? 'missing' : 'pending');
  const columns = ['月份', '报送截止日', '分局报送时间', '市局收到时间', '状态'];
  const statusText = { on_time: '按时报送', late: '逾期报送', missing: best?.status === 'returned' ? '已退回，未重新报送' : '未报', pending: '未到截止日' }[timeliness];
  const evidence: EvidenceRow = {
    cells: [monthLabel(scope.month), dateText(dueOn), best?.row.submittedAt ? localMinute(best.row.submittedAt) : '', best?.row.receivedAt ? localMinute(best.row.receivedAt) : '', statusText],
    tone: timeliness === 'on_time' ? 'ok' : timeliness === 'pending' ? null : 'bad',
    // the summaries page opens an office's month
    ref: best ? { kind: 'summary', id: best.row.originNode, month: scope.month } : null,
  };
  if (timeliness === 'pending') return { ...notApplicable(`截止日（${dateText(dueOn)}）未到`, columns), rows: [evidence], total: 1 };
  const late = (scope.rule.param ?? 0) / 100;
  const received = best?.row.receivedAt ? `，市局${dateText(localDate(new Date(best.row.receivedAt)))}收到` : '';
  const value =
    timeliness === 'on_time' ? `按时报送${received}` : timeliness === 'late' ? `逾期报送${received}（截止${dateText(dueOn)}）` : `${statusText}（截止${dateText(dueOn)}）`;
  return { applicable: true, noData: false, ratio: timeliness === 'on_time' ? 1 : timeliness === 'late' ? late : 0, value, columns, rows: [evidence], total: 1 };
}

/** 设备检验超期率: pieces in use with a next inspection date before the month's end (today while it runs). */
export function inspectionOverdue(ctx: CoreContext, scope: MonthScope, detail: boolean): Measure {
  const { sqlite } = ctx.database;
  const overdue = inspectionSql('overdue', scope.asOf, scope.asOf);
  const base = sqlFragment`FROM equipment e JOIN units u ON u.id = e.unit_id
    WHERE e.deleted_at IS NULL AND u.deleted_at IS NULL AND e.status = 'in_use' AND u.district_id = ${scope.districtId} AND e.next_inspection_date > ''`;
  const counts = get(sqlite, sql<{ inUse: number; overdue: number }>`SELECT count(*) AS inUse, ifnull(sum(${overdue}), 0) AS overdue ${base}`) ?? { inUse: 0, overdue: 0 };
  const columns = ['设备代码', '注册代码', '设备种类', '使用单位', '下次检验日期', '超期天数'];
  if (counts.inUse === 0) return notApplicable('无在用设备（有检验日期的）', columns);
  const rate = counts.overdue / counts.inUse;
  const zeroAt = (scope.rule.param ?? 10) / 100;
  const ratio = Math.max(0, 1 - rate / zeroAt);
  const rows: EvidenceRow[] = [];
  if (detail) {
    const catalogue = loadCatalogue();
    const pieces = all(
      sqlite,
      sql<{ code: string | null; reg: string | null; kind: string | null; unitId: string; unit: string; next: string }>`
        SELECT e.equipment_code AS code, e.registration_no AS reg, e.kind_code AS kind, u.id AS unitId, u.name AS unit, e.next_inspection_date AS next
        ${base} AND ${overdue} ORDER BY e.next_inspection_date, u.name LIMIT ${EVIDENCE_LIMIT}`,
    );
    for (const p of pieces) {
      rows.push({
        cells: [p.code ?? '', p.reg ?? '', (p.kind && catalogue.get(p.kind)?.name) || (p.kind ?? ''), p.unit, p.next, String(daysBetween(p.next, scope.asOf))],
        tone: 'bad',
        ref: { kind: 'unit', id: p.unitId },
      });
    }
  }
  return { applicable: true, noData: false, ratio, value: `超期 ${counts.overdue} 台，在用 ${counts.inUse} 台（${pct(rate)}）`, columns, rows, total: counts.overdue };
}

const levelText = { general: '一般', major: '重大' } as const;

/** 隐患按期整改率: hazards whose deadline fell in the month (up to today while it runs), closed on or before it. */
export function hazardsOnTime(ctx: CoreContext, scope: MonthScope, detail: boolean): Measure {
  const until = scope.asOf < scope.to ? scope.asOf : scope.to;
  const hazards = all(ctx.database.sqlite, sql<{ id: string; description: string; level: 'general' | 'major'; deadline: string; closedOn: string | null; unit: string }>`SELECT h.id, h.description, h.level, h.deadline, h.closed_on AS closedOn, u.name AS unit
       FROM hazards h JOIN units u ON u.id = h.unit_id
       WHERE h.deleted_at IS NULL AND h.district_id = ${scope.districtId} AND h.deadline BETWEEN ${scope.from} AND ${until} ORDER BY h.deadline, h.found_on, h.id`);
  const columns = ['隐患', '使用单位', '等级', '整改期限', '闭环日期', '结果'];
  if (hazards.length === 0) return notApplicable('本月无到期隐患', columns);
  const onTime = hazards.filter((h) => h.closedOn !== null && h.closedOn <= h.deadline);
  const rows: EvidenceRow[] = detail
    ? hazards.slice(0, EVIDENCE_LIMIT).map((h) => {
        const ok = h.closedOn !== null && h.closedOn <= h.deadline;
        const result = ok ? '按期闭环' : h.closedOn ? '逾期闭环' : '逾期未闭环';
        return { cells: [h.description, h.unit, levelText[h.level], h.deadline, h.closedOn ?? '', result], tone: ok ? 'ok' : 'bad', ref: { kind: 'hazard', id: h.id } };
      })
    : [];
  const ratio = onTime.length / hazards.length;
  return { applicable: true, noData: false, ratio, value: `按期闭环 ${onTime.length} 项，到期 ${hazards.length} 项（${pct(ratio)}）`, columns, rows, total: hazards.length };
}
