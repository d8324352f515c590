import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { PlanState, PlanType, RecordDetail, RecordItem, RecordSummary, TeamMember } from '../../api/schemas/inspections.ts';
import type { CoreContext } from '../context.ts';
import { attachments, hazards, supervisionOrders } from '../../../db/schema/index.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { getIdentity } from '../node/node-service.ts';
import { resolveChecklist } from './checklists.ts';
import { parseJson } from './office.ts';
import { teamWarnings, withEnforcementNumbers, type Warning } from './team.ts';

// Reading the record of a visit: its items as copied from the checklist, the hazards
// found on it (hazards.source_inspection_id), the orders that followed, its files.

export interface RecordRow {
  id: string;
  originNode: string;
  version: number;
  planId: string;
  planTitle: string;
  planType: PlanType;
  planState: PlanState;
  periodStart: string;
  periodEnd: string;
  checklistKey: string;
  checklistVersion: number;
  districtId: string;
  districtName: string;
  unitId: string;
  unitName: string;
  unitAddress: string | null;
  unitUscc: string;
  inspectedOn: string;
  team: string;
  items: string;
  findings: string | null;
  unitSigner: string | null;
  attachments: string;
  state: 'draft' | 'final';
}

const SELECT = `SELECT r.id, r.origin_node AS originNode, r.version, r.plan_id AS planId, p.title AS planTitle, p.type AS planType, p.state AS planState,
  p.period_start AS periodStart, p.period_end AS periodEnd, p.checklist_key AS checklistKey, p.checklist_version AS checklistVersion,
  r.district_id AS districtId, d.name AS districtName, r.unit_id AS unitId, u.name AS unitName, u.address AS unitAddress, u.uscc AS unitUscc,
  r.inspected_on AS inspectedOn, r.team, r.items, r.findings, r.unit_signer AS unitSigner, r.attachments, r.state
  FROM inspection_records r JOIN inspection_plans p ON p.id = r.plan_id JOIN districts d ON d.id = r.district_id JOIN units u ON u.id = r.unit_id`;

export function recordWarnings(sqlite: Database.Database, row: { team: TeamMember[]; inspectedOn: string; periodStart: string; periodEnd: string }): Warning[] {
  const warnings = teamWarnings(sqlite, row.team);
  if (row.inspectedOn < row.periodStart || row.inspectedOn > row.periodEnd) {
    warnings.push({ code: 'outside-period', message: `检查日期 ${row.inspectedOn} 不在计划的检查期间（${row.periodStart} 至 ${row.periodEnd}）内。` });
  }
  return warnings;
}

function toSummary(sqlite: Database.Database, row: RecordRow, self: string | null, hazards: number): RecordSummary {
  const team = withEnforcementNumbers(sqlite, parseJson<TeamMember[]>(row.team, []));
  const items = parseJson<RecordItem[]>(row.items, []);
  return {
    id: row.id,
    originNode: row.originNode,
    version: row.version,
    planId: row.planId,
    planTitle: row.planTitle,
    planType: row.planType,
    districtId: row.districtId,
    unitId: row.unitId,
    unitName: row.unitName,
    inspectedOn: row.inspectedOn,
    team,
    state: row.state,
    problems: items.filter((i) => i.result === 'problem').length,
    hazards,
    warnings: recordWarnings(sqlite, { ...row, team }),
    mine: row.originNode === self,
  };
}

export function loadRecordRow(ctx: CoreContext, id: string): RecordRow {
  const row = get(ctx.database.sqlite, sql<RecordRow>`${sqlRaw(SELECT)} WHERE r.id = ${id} AND r.deleted_at IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '该检查记录不存在或已被删除，请刷新列表。');
  return row;
}

export function listRecords(ctx: CoreContext, input: ParsedInput<'inspections.listRecords'>): RecordSummary[] {
  const self = getIdentity(ctx)?.id ?? null;
  const filters = sqlRaw(
    `(@district IS NULL OR r.district_id = @district) AND (@plan IS NULL OR r.plan_id = @plan)
         AND (@unit IS NULL OR r.unit_id = @unit) AND (@state IS NULL OR r.state = @state)`,
    [],
    { district: input.districtId ?? null, plan: input.planId ?? null, unit: input.unitId ?? null, state: input.state ?? null },
  );
  const rows = all(ctx.database.sqlite, sql<RecordRow>`${sqlRaw(SELECT)} WHERE r.deleted_at IS NULL AND ${filters} ORDER BY r.inspected_on DESC, r.id DESC`);
  // hazards.source_inspection_id has no index: one grouped pass rather than a lookup per record
  const h = hazards;
  const counts = new Map(
    all(
      ctx.database.sqlite,
      sql<{ id: string; n: number }>`SELECT ${h.sourceInspectionId} AS id, count(*) AS n FROM ${h} WHERE ${h.sourceInspectionId} IS NOT NULL AND ${h.deletedAt} IS NULL GROUP BY ${h.sourceInspectionId}`,
    ).map((c) => [c.id, c.n]),
  );
  return rows.map((r) => toSummary(ctx.database.sqlite, r, self, counts.get(r.id) ?? 0));
}

function actionsOf(row: RecordRow, mine: boolean): RecordDetail['actions'] {
  if (!mine || row.planState === 'cancelled') return [];
  const editable = row.state === 'draft' && row.planState === 'active';
  return [...(editable ? (['edit', 'finalize'] as const) : []), 'finding', 'order'];
}

export function getRecord(ctx: CoreContext, id: string): RecordDetail {
  const self = getIdentity(ctx)?.id ?? null;
  const row = loadRecordRow(ctx, id);
  const { sqlite } = ctx.database;
  const a = attachments;
  const files = all(
    sqlite,
    sql<RecordDetail['files'][number]>`SELECT ${a.id} AS attachmentId, ${a.fileName} AS fileName, ${a.mimeType} AS mimeType, ${a.size} FROM ${a}
      WHERE ${a.id} IN (SELECT value FROM json_each(${row.attachments})) AND ${a.deletedAt} IS NULL`,
  );
  const order = parseJson<string[]>(row.attachments, []);
  files.sort((a, b) => order.indexOf(a.attachmentId) - order.indexOf(b.attachmentId));
  const h = hazards;
  const foundHazards = all(
    sqlite,
    sql<RecordDetail['foundHazards'][number]>`SELECT ${h.id}, ${h.description}, ${h.level}, ${h.state}, ${h.deadline} FROM ${h}
      WHERE ${h.sourceInspectionId} = ${id} AND ${h.deletedAt} IS NULL ORDER BY ${h.createdAt}, ${h.id}`,
  );
  const summary = toSummary(sqlite, row, self, foundHazards.length);
  const o = supervisionOrders;
  const orders = all(
    sqlite,
    sql<RecordDetail['orders'][number]>`SELECT ${o.id}, ${o.number}, ${o.deadline}, ${o.state} FROM ${o} WHERE ${o.recordId} = ${id} AND ${o.deletedAt} IS NULL ORDER BY ${o.year}, ${o.seq}`,
  );
  let checklistName: string;
  try {
    checklistName = resolveChecklist(ctx, row.originNode, row.checklistKey, row.checklistVersion).name;
  } catch {
    checklistName = `${row.checklistKey} v${row.checklistVersion}`;
  }
  return {
    ...summary,
    districtName: row.districtName,
    unitAddress: row.unitAddress,
    unitUscc: row.unitUscc,
    checklistKey: row.checklistKey,
    checklistVersion: row.checklistVersion,
    checklistName,
    items: parseJson<RecordItem[]>(row.items, []),
    findings: row.findings,
    unitSigner: row.unitSigner,
    files,
    foundHazards,
    orders,
    actions: actionsOf(row, summary.mine),
  };
}
