import { AppError } from '../../api/errors.ts';
import type { BlockCalendar, CalendarOutput, DueActivity, ScheduleRule } from '../../api/schemas/routine.ts';
import { readDistrict } from '../blocks/block-scope.ts';
import type { CoreContext } from '../context.ts';
import { all, sql, sqlRaw } from '../data/query.ts';
import { localDate, resolveAsOf } from '../registry/as-of.ts';
import { periodsOf } from './calendar.ts';
import { rulesOf } from './schedule-service.ts';

// The calendar of due activities, matched against the records: final 自查 / 互查 and
// meetings of the block dated inside each period. Overdue is computed against asOf,
// never stored. A 自查 is done when every unit that was a member on the due date (or
// today, for a period still running) has a final self-check in the period.

interface CheckRow {
  id: string;
  blockId: string;
  kind: 'self' | 'mutual';
  unitId: string;
  on: string;
}
interface MeetingRow {
  id: string;
  blockId: string;
  on: string;
}
interface MemberRow {
  blockId: string;
  unitId: string;
  name: string;
  joinedAt: string;
  leftAt: string | null;
}

export interface Calendar {
  rules: ScheduleRule[];
  activities: DueActivity[];
  overdue: number;
}

const inWindow = (on: string, a: { periodStart: string; periodEnd: string }) => on >= a.periodStart && on <= a.periodEnd;

/** The calendars of these blocks on asOf, by block id (a block without rules has none due). */
export function calendarsOf(ctx: CoreContext, blockIds: readonly string[], asOf: string): Map<string, Calendar> {
  const out = new Map<string, Calendar>();
  if (blockIds.length === 0) return out;
  const { sqlite } = ctx.database;
  const ids = JSON.stringify(blockIds);
  const rules = rulesOf(ctx, blockIds);
  const checks = all(
    sqlite,
    sql<CheckRow>`SELECT id, block_id AS blockId, kind, checked_unit_id AS unitId, checked_on AS "on" FROM block_checks
       WHERE block_id IN (SELECT value FROM json_each(${ids})) AND state = 'final' AND deleted_at IS NULL ORDER BY checked_on, id`,
  );
  const meetings = all(
    sqlite,
    sql<MeetingRow>`SELECT id, block_id AS blockId, held_on AS "on" FROM block_meetings WHERE block_id IN (SELECT value FROM json_each(${ids})) AND deleted_at IS NULL ORDER BY held_on, id`,
  );
  const members = all(
    sqlite,
    sql<MemberRow>`SELECT m.block_id AS blockId, m.unit_id AS unitId, u.name, m.joined_at AS joinedAt, m.left_at AS leftAt
         FROM block_members m JOIN units u ON u.id = m.unit_id WHERE m.block_id IN (SELECT value FROM json_each(${ids})) AND m.deleted_at IS NULL ORDER BY u.name, u.id`,
  ).map((m) => ({ ...m, joinedOn: localDate(new Date(m.joinedAt)), leftOn: m.leftAt ? localDate(new Date(m.leftAt)) : null }));

  for (const blockId of blockIds) {
    const own = rules.filter((r) => r.blockId === blockId);
    const activities: DueActivity[] = [];
    for (const rule of own) {
      for (const p of periodsOf(rule, asOf)) {
        const base = { ruleId: rule.id, kind: rule.kind, ...p };
        const status = (done: boolean): DueActivity['status'] => (done ? 'done' : p.dueOn < asOf ? 'overdue' : 'open');
        if (rule.kind === 'meeting') {
          const found = meetings.filter((m) => m.blockId === blockId && inWindow(m.on, p)).map((m) => m.id);
          activities.push({ ...base, status: status(found.length > 0), recordIds: found, unitsDue: null, unitsMissing: [] });
          continue;
        }
        const kind = rule.kind === 'self_check' ? 'self' : 'mutual';
        const found = checks.filter((c) => c.blockId === blockId && c.kind === kind && inWindow(c.on, p));
        if (kind === 'mutual') {
          activities.push({ ...base, status: status(found.length > 0), recordIds: found.map((c) => c.id), unitsDue: null, unitsMissing: [] });
          continue;
        }
        const day = p.dueOn < asOf ? p.dueOn : asOf;
        const due = members.filter((m) => m.blockId === blockId && m.joinedOn <= day && (m.leftOn === null || m.leftOn > day));
        const checked = new Set(found.map((c) => c.unitId));
        const missing = due.filter((m) => !checked.has(m.unitId)).map((m) => ({ unitId: m.unitId, name: m.name }));
        activities.push({ ...base, status: status(due.length > 0 && missing.length === 0), recordIds: found.map((c) => c.id), unitsDue: due.length, unitsMissing: missing });
      }
    }
    activities.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.kind.localeCompare(b.kind)));
    out.set(blockId, { rules: own, activities, overdue: activities.filter((a) => a.status === 'overdue').length });
  }
  return out;
}

/** The calendar page: one block, or every live block of the node's district (every district's on the bureau). */
export function blockCalendar(ctx: CoreContext, input: { blockId?: string | undefined; asOf?: string | undefined }): CalendarOutput {
  const asOf = resolveAsOf(ctx, input.asOf);
  const district = readDistrict(ctx);
  const scope = sqlRaw('(@block IS NULL OR b.id = @block) AND (@block IS NOT NULL OR b.dissolved_at IS NULL) AND (@district IS NULL OR b.district_id = @district)', [], {
    block: input.blockId ?? null,
    district,
  });
  const rows = all(
    ctx.database.sqlite,
    sql<{ id: string; name: string; districtName: string }>`SELECT b.id, b.name, d.name AS districtName FROM blocks b JOIN districts d ON d.id = b.district_id
       WHERE b.deleted_at IS NULL AND ${scope}
       ORDER BY d.sort_order, b.name, b.id`,
  );
  if (input.blockId && rows.length === 0) throw new AppError('NOT_FOUND', '该安全管理小组不存在或已被删除，请刷新。', { field: 'blockId' });
  const calendars = calendarsOf(ctx, rows.map((r) => r.id), asOf);
  const blocks: BlockCalendar[] = rows.map((r) => ({ blockId: r.id, blockName: r.name, districtName: r.districtName, ...calendars.get(r.id)! }));
  return { asOf, blocks };
}
