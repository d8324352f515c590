import { comparePinyin } from '../pinyin.ts';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { HazardDetail, HazardState, HazardSummary } from '../../api/schemas/hazards.ts';
import { calendarFor } from '../calendar/calendar.ts';
import { yearsBetween } from '../calendar/working-days.ts';
import type { CoreContext } from '../context.ts';
import { localDate } from '../registry/as-of.ts';
import { likePattern } from '../registry/status-sql.ts';
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
  const rows = ctx.database.sqlite
    .prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${OVERDUE_SQL} DESC, h.deadline IS NULL, h.deadline, h.found_on, h.id${limit}`)
    .all(params) as Row[];
  return rows.map((r) => toSummary(r, params.today!));
}

export function loadHazard(ctx: CoreContext, id: string): HazardSummary {
  const row = ctx.database.sqlite.prepare(`${SELECT} WHERE h.id = ? AND h.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该隐患不存在或已被删除，请刷新列表。');
  return toSummary(row, today(ctx));
}

/** The block's lead unit and its current inspectors: whom an escalated hazard alerts. */
export function alertOf(ctx: CoreContext, blockId: string | null): HazardDetail['alert'] {
  if (!blockId) return null;
  const { sqlite } = ctx.database;
  const lead = sqlite.prepare('SELECT u.id, u.name FROM blocks b JOIN units u ON u.id = b.lead_unit_id WHERE b.id = ?').get(blockId) as { id: string; name: string } | undefined;
  const inspectors = sqlite
    .prepare(
      `SELECT i.id, i.name, i.phone FROM block_inspectors bi JOIN inspectors i ON i.id = bi.inspector_id
       WHERE bi.block_id = ? AND bi.removed_at IS NULL AND bi.deleted_at IS NULL AND i.deleted_at IS NULL ORDER BY i.name, i.id`,
    )
    .all(blockId) as Array<{ id: string; name: string; phone: string | null }>;
  return { leadUnit: lead ?? null, inspectors: inspectors.sort((a, b) => comparePinyin(a.name, b.name, 'person')) };
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
  const events = sqlite
    .prepare('SELECT id, action, from_state AS fromState, to_state AS toState, at, by, comment, evidence FROM hazard_events WHERE hazard_id = ? AND deleted_at IS NULL ORDER BY at, id')
    .all(id) as EventRow[];
  const attachment = sqlite.prepare('SELECT id AS attachmentId, file_name AS fileName, mime_type AS mimeType, size, sha256 FROM attachments WHERE id = ?');
  const mine = nodeId === hazard.originNode;
  return {
    ...hazard,
    events: events.map((e) => ({
      ...e,
      evidence: (JSON.parse(e.evidence) as string[]).flatMap((aid) => {
        const a = attachment.get(aid) as HazardDetail['events'][number]['evidence'][number] | undefined;
        return a ? [a] : [];
      }),
    })),
    actions: mine ? allowedActions(hazard.state) : [],
    alert: hazard.escalated ? alertOf(ctx, hazard.blockId) : null,
    warnings: hazard.deadline ? calendarFor(ctx).warnings(yearsBetween(hazard.foundOn, hazard.deadline)) : [],
  };
}
