import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { TeamMember } from '../../api/schemas/inspections.ts';
import type { OrderDetail, OrderState, OrderSummary } from '../../api/schemas/supervision-orders.ts';
import { calendarFor } from '../calendar/calendar.ts';
import { yearsBetween } from '../calendar/working-days.ts';
import type { CoreContext } from '../context.ts';
import { hazards as hazardsTable, supervisionOrders } from '../../../db/schema/index.ts';
import { all, get, sql, sqlRaw, value } from '../data/query.ts';
import { getIdentity } from '../node/node-service.ts';
import { parseJson, today } from './office.ts';
import { teamWarnings, withEnforcementNumbers } from './team.ts';

// Reading supervision orders. Overdue (still owed, past the deadline) is computed
// against today, never stored: it changes with the date, not with a write.

/** 张市监特令〔2026〕第12号 */
export function formatOrderNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕第${seq}号`;
}

/**
 * The next number of this office for a prefix and year: one past the highest ever
 * given, cancelled and deleted orders included, so a number is never given twice.
 * Read inside the issuing transaction (SQLite has one writer), so two issues cannot
 * take the same number, and a refused issue leaves nothing taken. Deleted rows count,
 * so the live-rows unique index cannot answer it: an office's orders are a few hundred
 * a year, a scan is cheap.
 */
export function nextOrderSeq(sqlite: Database.Database, nodeId: string, prefix: string, year: number): number {
  const o = supervisionOrders;
  const seq = value(sqlite, sql<number | null>`SELECT max(${o.seq}) AS seq FROM ${o} WHERE ${o.originNode} = ${nodeId} AND ${o.prefix} = ${prefix} AND ${o.year} = ${year}`);
  return (seq ?? 0) + 1;
}

export const ORDER_OVERDUE_SQL = "(o.state = 'issued' AND o.deadline < @today)";

interface Row {
  id: string;
  originNode: string;
  version: number;
  districtId: string;
  districtName: string;
  recordId: string | null;
  inspectedOn: string | null;
  unitId: string;
  unitName: string;
  unitAddress: string | null;
  unitUscc: string;
  number: string;
  prefix: string;
  year: number;
  seq: number;
  issuedOn: string;
  deadline: string;
  content: string;
  hazardIds: string;
  state: OrderState;
  recheckedOn: string | null;
  recheckResult: string | null;
  /** the visit's team (JSON); null for an order without a visit */
  team: string | null;
  overdue: number;
}

const SELECT = `SELECT o.id, o.origin_node AS originNode, o.version, o.district_id AS districtId, d.name AS districtName, o.record_id AS recordId,
  r.inspected_on AS inspectedOn, r.team AS team, o.unit_id AS unitId, u.name AS unitName, u.address AS unitAddress, u.uscc AS unitUscc, o.number, o.prefix, o.year, o.seq,
  o.issued_on AS issuedOn, o.deadline, o.content, o.hazard_ids AS hazardIds, o.state, o.rechecked_on AS recheckedOn, o.recheck_result AS recheckResult,
  ${ORDER_OVERDUE_SQL} AS overdue
  FROM supervision_orders o JOIN districts d ON d.id = o.district_id JOIN units u ON u.id = o.unit_id LEFT JOIN inspection_records r ON r.id = o.record_id`;

function toSummary(row: Row, self: string | null): OrderSummary {
  const result = parseJson<{ outcome?: 'passed' | 'failed' | null; note?: string | null }>(row.recheckResult, {});
  return {
    id: row.id,
    originNode: row.originNode,
    version: row.version,
    districtId: row.districtId,
    recordId: row.recordId,
    unitId: row.unitId,
    unitName: row.unitName,
    number: row.number,
    prefix: row.prefix,
    year: row.year,
    seq: row.seq,
    issuedOn: row.issuedOn,
    deadline: row.deadline,
    content: row.content,
    hazardIds: parseJson<string[]>(row.hazardIds, []),
    state: row.state,
    recheckedOn: row.recheckedOn,
    recheckOutcome: result.outcome ?? null,
    recheckNote: result.note ?? null,
    overdue: row.overdue === 1,
    mine: row.originNode === self,
  };
}

export function listOrders(ctx: CoreContext, input: ParsedInput<'inspections.listOrders'>): OrderSummary[] {
  const self = getIdentity(ctx)?.id ?? null;
  const where = ['o.deleted_at IS NULL', '(@district IS NULL OR o.district_id = @district)', '(@record IS NULL OR o.record_id = @record)', '(@state IS NULL OR o.state = @state)'];
  if (input.overdue !== undefined) where.push(input.overdue ? ORDER_OVERDUE_SQL : `NOT ${ORDER_OVERDUE_SQL}`);
  const filtered = sqlRaw(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${ORDER_OVERDUE_SQL} DESC, o.year DESC, o.seq DESC, o.id`, [], {
    today: today(ctx),
    district: input.districtId ?? null,
    record: input.recordId ?? null,
    state: input.state ?? null,
  });
  const rows = all(ctx.database.sqlite, sql<Row>`${filtered}`);
  return rows.map((r) => toSummary(r, self));
}

/** One live order, with overdue as of today. */
function orderRow(ctx: CoreContext, id: string): Row | undefined {
  return get(ctx.database.sqlite, sql<Row>`${sqlRaw(SELECT, [], { today: today(ctx) })} WHERE o.id = ${id} AND o.deleted_at IS NULL`);
}

export function loadOrder(ctx: CoreContext, id: string): OrderSummary {
  const row = orderRow(ctx, id);
  if (!row) throw new AppError('NOT_FOUND', '该安全监察指令书不存在或已被删除，请刷新列表。');
  return toSummary(row, getIdentity(ctx)?.id ?? null);
}

export function getOrder(ctx: CoreContext, id: string): OrderDetail {
  const row = orderRow(ctx, id);
  if (!row) throw new AppError('NOT_FOUND', '该安全监察指令书不存在或已被删除，请刷新列表。');
  const summary = toSummary(row, getIdentity(ctx)?.id ?? null);
  const team = withEnforcementNumbers(ctx.database.sqlite, parseJson<TeamMember[]>(row.team, []));
  const h = hazardsTable;
  const hazards = all(
    ctx.database.sqlite,
    sql<OrderDetail['hazards'][number]>`SELECT ${h.id}, ${h.description}, ${h.level}, ${h.state} FROM ${h}
      WHERE ${h.id} IN (SELECT value FROM json_each(${row.hazardIds})) AND ${h.deletedAt} IS NULL ORDER BY ${h.foundOn}, ${h.id}`,
  );
  return {
    ...summary,
    districtName: row.districtName,
    unitAddress: row.unitAddress,
    unitUscc: row.unitUscc,
    inspectedOn: row.inspectedOn,
    hazards,
    team,
    warnings: [...calendarFor(ctx).warnings(yearsBetween(row.issuedOn, row.deadline)), ...teamWarnings(ctx.database.sqlite, team).map((w) => w.message)],
    actions: summary.mine && row.state === 'issued' ? ['recheck', 'cancel'] : [],
  };
}
