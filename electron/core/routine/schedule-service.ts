import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { ScheduleRule } from '../../api/schemas/routine.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { activityWords, ruleLabel } from './calendar.ts';
import { scheduleRows } from './routine-rows.ts';
import { loadOwnBlock, parseJson, requireVersion } from './routine-scope.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// A block's 活动安排 as rules. Rules are edited in place or ended (ended_on), never deleted,
// so the calendar of months gone by keeps what was due then. Two rules of one kind may
// not be in force on the same day: the same activity would be due twice.

interface RuleRow {
  id: string;
  originNode: string;
  version: number;
  blockId: string;
  kind: ScheduleRule['kind'];
  frequency: ScheduleRule['frequency'];
  dueDay: number | null;
  dates: string;
  startsOn: string;
  endedOn: string | null;
  notes: string | null;
}

const SELECT = `SELECT id, origin_node AS originNode, version, block_id AS blockId, kind, frequency, due_day AS dueDay, dates,
  starts_on AS startsOn, ended_on AS endedOn, notes FROM block_schedules WHERE deleted_at IS NULL`;

export function toRule(row: RuleRow): ScheduleRule {
  const dates = parseJson<string[]>(row.dates, []);
  return { ...row, dates, label: ruleLabel({ ...row, dates }) };
}

/** The rules of these blocks (every rule, ended ones too), by block, kind and start. */
export function rulesOf(ctx: CoreContext, blockIds: readonly string[]): ScheduleRule[] {
  const rows = all(ctx.database.sqlite, sql<RuleRow>`${sqlRaw(SELECT)} AND block_id IN (SELECT value FROM json_each(${JSON.stringify(blockIds)})) ORDER BY block_id, kind, starts_on, id`);
  return rows.map(toRule);
}

type Input = ParsedInput<'blocks.saveScheduleRule'>;

function checkShape(input: Input): void {
  if (input.frequency === 'custom') {
    if (input.dates.length === 0) throw new AppError('VALIDATION', '“指定日期”的安排请至少填写一个日期。', { field: 'dates' });
    if (input.dueDay !== null) throw new AppError('VALIDATION', '“指定日期”的安排不用填写每期截止日。', { field: 'dueDay' });
  } else if (input.dates.length > 0) {
    throw new AppError('VALIDATION', '每月、每季度的安排不用填写指定日期；如需按日期安排，请把频次改为“指定日期”。', { field: 'dates' });
  }
  if (input.endedOn !== null && input.endedOn < input.startsOn) throw new AppError('VALIDATION', '结束日期不能早于开始日期。', { field: 'endedOn' });
}

function checkOverlap(ctx: CoreContext, input: Input, selfId: string | null): void {
  const others = all(ctx.database.sqlite, sql<RuleRow>`${sqlRaw(SELECT)} AND block_id = ${input.blockId} AND kind = ${input.kind} AND id IS NOT ${selfId}`).filter(
    (o) => (o.endedOn === null || o.endedOn >= input.startsOn) && (input.endedOn === null || input.endedOn >= o.startsOn),
  );
  const other = others[0];
  if (other) {
    throw new AppError(
      'CONFLICT',
      `本小组已有“${toRule(other).label}”的安排（自 ${other.startsOn} 起${other.endedOn ? `至 ${other.endedOn}` : ''}），同一类活动（${activityWords[input.kind]}）的安排不能在时间上重叠。请先为原安排填写结束日期，或修改原安排。`,
      { field: 'startsOn' },
    );
  }
}

export function saveScheduleRule(ctx: CoreContext, input: Input): ScheduleRule {
  const identity = requireDistrictIdentity(ctx);
  checkShape(input);
  const { sqlite } = ctx.database;
  const dates = [...new Set(input.dates)].sort();
  const w = beginWrite(ctx, identity, 'blocks.saveScheduleRule');
  const id = inTransaction(w, () => {
    loadOwnBlock(ctx, identity, input.blockId);
    // the rule's fields as the audit log has always named them
    const fields = { kind: input.kind, frequency: input.frequency, due_day: input.dueDay, dates: JSON.stringify(dates), starts_on: input.startsOn, ended_on: input.endedOn, notes: input.notes };
    const rule = { kind: input.kind, frequency: input.frequency, dueDay: input.dueDay, dates: fields.dates, startsOn: input.startsOn, endedOn: input.endedOn, notes: input.notes };
    if (!input.id) {
      checkOverlap(ctx, input, null);
      return scheduleRows.insert(w, { blockId: input.blockId, districtId: identity.districtId, ...rule }, { audit: { after: { blockId: input.blockId, ...fields, dates } } }).id;
    }
    const stored = scheduleRows.owned(w, input.id, input.version);
    requireVersion(input.version, '活动安排');
    if (stored.blockId !== input.blockId) throw new AppError('VALIDATION', '活动安排所属的小组不能更改。', { field: 'blockId' });
    checkOverlap(ctx, input, stored.id);
    // the rule before, as the audit log has always named it
    const { id, originNode, version, blockId, kind, frequency, dueDay, dates: datesBefore, startsOn, endedOn, notes } = stored;
    const before: RuleRow = { id, originNode, version, blockId, kind, frequency, dueDay, dates: datesBefore, startsOn, endedOn, notes };
    scheduleRows.update(w, stored, rule, { before, after: { ...fields, dates } });
    return stored.id;
  });
  const saved = get(sqlite, sql<RuleRow>`${sqlRaw(SELECT)} AND id = ${id}`);
  if (!saved) throw new AppError('NOT_FOUND', '该活动安排不存在或已被删除，请刷新。');
  return toRule(saved);
}
