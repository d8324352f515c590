import { comparePinyin } from '../pinyin.ts';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { HazardDetail, HazardState, HazardSummary } from '../../api/schemas/hazards.ts';
import { calendarFor } from '../calendar/calendar.ts';
import { yearsBetween } from '../calendar/working-days.ts';
import type { CoreContext } from '../context.ts';
import { localDate } from '../registry/as-of.ts';
import { likePattern } from '../registry/status-sql.ts';
import { blockInspectors, blocks, hazardEvents, inspectors, units } from '../../../db/schema/index.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { allowedActions, rectificationStates } from './state.ts';

// Reading hazards: the list (overdue first), one hazard with its steps, and who an
// escalation alerts. Overdue is computed against today, never stored: it changes
// with the date, not with a write.

const SELECT = `SELECT h.id, h.origin_node AS originNode, h.version, h.district_id AS districtId, h.unit_id AS unitId, u.name AS unitName,
  h.equipment_id AS equipmentId, h.block_id AS blockId, b.name AS blockName, h.number, h.description, h.level, h.found_by AS foundBy, h.found_on AS foundOn,
  h.deadline, h.working_days AS workingDays, h.measures, h.state, h.fail_count AS failCount, h.closed_on AS closedOn, h.archived_on AS archivedOn,
  h.escalated, h.escalated_at AS escalatedAt, h.escalation_reason AS escalationReason, h.source_inspection_id AS sourceInspectionId,
  h.source_check_id AS sourceCheckId, sc.kind AS sourceCheckKind,
  (SELECT f.id FROM manager_feedback f WHERE f.hazard_id = h.id AND f.deleted_at IS NULL ORDER BY f.reported_on, f.id LIMIT 1) AS sourceFeedbackId,
  h.reporter_manager_id AS reporterManagerId, rm.name AS reporterManagerName
  FROM hazards h JOIN units u ON u.id = h.unit_id LEFT JOIN blocks b ON b.id = h.block_id
  LEFT JOIN block_checks sc ON sc.id = h.source_check_id LEFT JOIN safety_managers rm ON rm.id = h.reporter_manager_id`;

/** SQL for "past its deadline while the rectification is owed" (the one definition of overdue). */
export const OVERDUE_SQL = `(h.state IN (${rectificationStates.map((s) => `'${s}'`).join(', ')}) AND h.deadline IS NOT NULL AND h.deadline < @today)`;

type Row = Omit<HazardSummary, 'overdue' | 'daysOverdue' | 'escalated'> & { escalated: number };

export function today(ctx: CoreContext): string {
  return localDate(ctx.now());
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function toSummary(row: Row, day: string): HazardSummary {
  const overdue = rectificationStates.includes(row.state) && row.deadline !== null && row.deadline < day;
  return { ...row, escalated: row.escalated === 1, overdue, daysOverdue: overdue ? daysBetween(row.deadline!, day) : 0 };
}

export function listHazards(ctx: CoreContext, input: ParsedInput<'hazards.list'>): HazardSummary[] {
  const where = ['h.deleted_at IS NULL'];
  const params: Record<string, string> = { today: today(ctx) };
  const eq = (column: string, key: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = @${key}`);
    params[key] = value;
  };
  eq('h.district_id', 'districtId', input.districtId);
  eq('h.state', 'state', input.state);
  eq('h.level', 'level', input.level);
  eq('h.block_id', 'blockId', input.blockId);
  eq('h.unit_id', 'unitId', input.unitId);
  if (input.open !== undefined) where.push(`h.state ${input.open ? 'NOT IN' : 'IN'} ('closed', 'archived')`);
  if (input.overdue !== undefined) where.push(input.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
  const search = input.search?.trim();
  if (search) {
    // what people quote: the number (2026-0012, or just 12), the unit, words of the description
    where.push(`(h.number LIKE @like ESCAPE '\\' OR h.number LIKE @serial ESCAPE '\\' OR u.name LIKE @like ESCAPE '\\' OR u.name_initials LIKE @initials ESCAPE '\\' OR h.description LIKE @like ESCAPE '\\')`);
    params['like'] = likePattern(search);
    params['initials'] = likePattern(search.toLowerCase());
    params['serial'] = /^\d{1,4}$/.test(search) ? `%-${search.padStart(4, '0')}` : likePattern(search);
  }
  const limit = input.limit ? ` LIMIT ${input.limit}` : '';
  const filtered = sqlRaw(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${OVERDUE_SQL} DESC, h.deadline IS NULL, h.deadline, h.found_on, h.id${limit}`, [], params);
  const rows = all(ctx.database.sqlite, sql<Row>`${filtered}`);
  return rows.map((r) => toSummary(r, params.today!));
}

export function loadHazard(ctx: CoreContext, id: string): HazardSummary {
  const row = get(ctx.database.sqlite, sql<Row>`${sqlRaw(SELECT)} WHERE h.id = ${id} AND h.deleted_at IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '该隐患不存在或已被删除，请刷新列表。');
  return toSummary(row, today(ctx));
}

/** The block's lead unit and its current inspectors: whom an escalated hazard alerts. */
export function alertOf(ctx: CoreContext, blockId: string | null): HazardDetail['alert'] {
  if (!blockId) return null;
  const { sqlite } = ctx.database;
  const lead = get(sqlite, sql<{ id: string; name: string }>`SELECT u.${units.id}, u.${units.name} FROM ${blocks} b JOIN ${units} u ON u.${units.id} = b.${blocks.leadUnitId} WHERE b.${blocks.id} = ${blockId}`);
  const bi = blockInspectors;
  const people = all(
    sqlite,
    sql<{ id: string; name: string; phone: string | null }>`SELECT i.${inspectors.id}, i.${inspectors.name}, i.${inspectors.phone} FROM ${bi} bi JOIN ${inspectors} i ON i.${inspectors.id} = bi.${bi.inspectorId}
       WHERE bi.${bi.blockId} = ${blockId} AND bi.${bi.removedAt} IS NULL AND bi.${bi.deletedAt} IS NULL AND i.${inspectors.deletedAt} IS NULL ORDER BY i.${inspectors.name}, i.${inspectors.id}`,
  );
  return { leadUnit: lead ?? null, inspectors: people.sort((a, b) => comparePinyin(a.name, b.name, 'person')) };
}

interface EventRow {
  id: string;
  action: string;
  fromState: HazardState | null;
  toState: HazardState;
  at: string;
  by: string;
  comment: string | null;
  evidence: string;
}

export function getHazard(ctx: CoreContext, id: string, nodeId: string | null): HazardDetail {
  const hazard = loadHazard(ctx, id);
  const { sqlite } = ctx.database;
  const e = hazardEvents;
  const events = all(
    sqlite,
    sql<EventRow>`SELECT ${e.id}, ${e.action}, ${e.fromState} AS fromState, ${e.toState} AS toState, ${e.at}, ${e.by}, ${e.comment}, ${e.evidence}
      FROM ${e} WHERE ${e.hazardId} = ${id} AND ${e.deletedAt} IS NULL ORDER BY ${e.at}, ${e.id}`,
  );
  // prepared once, run per evidence file of every step
  const attachment = sqlite.prepare<[string], HazardDetail['events'][number]['evidence'][number]>(
    'SELECT id AS attachmentId, file_name AS fileName, mime_type AS mimeType, size, sha256 FROM attachments WHERE id = ?',
  );
  const mine = nodeId === hazard.originNode;
  return {
    ...hazard,
    events: events.map((e) => ({
      ...e,
      evidence: (JSON.parse(e.evidence) as string[]).flatMap((aid) => {
        const file = attachment.get(aid);
        return file ? [file] : [];
      }),
    })),
    actions: mine ? allowedActions(hazard.state) : [],
    alert: hazard.escalated ? alertOf(ctx, hazard.blockId) : null,
    warnings: hazard.deadline ? calendarFor(ctx).warnings(yearsBetween(hazard.foundOn, hazard.deadline)) : [],
  };
}
