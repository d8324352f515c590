import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { ComplaintDetail, ComplaintSummary, Reporter, Reward, RewardDetail } from '../../api/schemas/complaints.ts';
import { calendarFor } from '../calendar/calendar.ts';
import { yearsBetween } from '../calendar/working-days.ts';
import type { CoreContext } from '../context.ts';
import { eq as equals } from 'drizzle-orm';
import { complaintReporters, complaintRewards as r, hazards, units } from '../../../db/schema/index.ts';
import { all, get, sql, sqlFragment, sqlRaw } from '../data/query.ts';
import { localDate } from '../registry/as-of.ts';
import { likePattern } from '../registry/status-sql.ts';
import { complaintActions, rewardRefusal } from './eligibility.ts';
import { readNotes } from './reward-notes.ts';

// Reading the register. Every row shows the reporter masked; the full reporter is read
// only by getComplaint (the detail view), from complaint_reporters, which only the
// office that registered the complaint has. Overdue is computed against today.

const SELECT = `SELECT c.id, c.origin_node AS originNode, c.version, c.district_id AS districtId, d.name AS districtName,
  c.received_on AS receivedOn, c.channel, c.anonymous, c.reporter_masked AS reporterMasked, c.content,
  c.unit_id AS unitId, coalesce(u.name, c.unit_name) AS unitName, c.equipment_id AS equipmentId,
  coalesce(e.registration_no, e.equipment_code, e.registration_code) AS equipmentLabel,
  c.handling_deadline AS handlingDeadline, c.handling_result AS handlingResult, c.handled_on AS handledOn, c.outcome,
  c.linked_inspection_id AS linkedInspectionId, c.linked_hazard_id AS linkedHazardId, c.state,
  (c.state <> 'handled' AND c.handling_deadline < @today) AS overdue,
  (SELECT json_object('id', r.id, 'state', r.state, 'proposedFen', r.proposed_fen, 'approvedFen', r.approved_fen)
     FROM complaint_rewards r WHERE r.complaint_id = c.id AND r.deleted_at IS NULL
     ORDER BY r.state = 'rejected', r.created_at DESC, r.id DESC LIMIT 1) AS reward
  FROM complaints c JOIN districts d ON d.id = c.district_id LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN equipment e ON e.id = c.equipment_id`;

/** SQL for "not handled and past its handling deadline" (the one definition of overdue). */
export const OVERDUE_SQL = `(c.state <> 'handled' AND c.handling_deadline < @today)`;

type Row = Omit<ComplaintSummary, 'anonymous' | 'overdue' | 'reward'> & { anonymous: number; overdue: number; reward: string | null };

export function today(ctx: CoreContext): string {
  return localDate(ctx.now());
}

function toSummary(row: Row): ComplaintSummary {
  return { ...row, anonymous: row.anonymous === 1, overdue: row.overdue === 1, reward: row.reward ? (JSON.parse(row.reward) as ComplaintSummary['reward']) : null };
}

export function listComplaints(ctx: CoreContext, input: ParsedInput<'complaints.list'>): ComplaintSummary[] {
  const where = ['c.deleted_at IS NULL'];
  const params: Record<string, string> = { today: today(ctx) };
  const eq = (column: string, key: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = @${key}`);
    params[key] = value;
  };
  eq('c.district_id', 'districtId', input.districtId);
  eq('c.state', 'state', input.state);
  eq('c.channel', 'channel', input.channel);
  eq('c.outcome', 'outcome', input.outcome);
  eq('c.unit_id', 'unitId', input.unitId);
  if (input.overdue !== undefined) where.push(input.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
  if (input.search) {
    params['search'] = likePattern(input.search);
    where.push(`(c.content LIKE @search ESCAPE '\\' OR u.name LIKE @search ESCAPE '\\' OR c.unit_name LIKE @search ESCAPE '\\' OR c.reporter_masked LIKE @search ESCAPE '\\')`);
  }
  // the shared select and OVERDUE_SQL bind @today by name, so the filters do too
  const rows = all(ctx.database.sqlite, sql<Row>`${sqlRaw(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${OVERDUE_SQL} DESC, c.received_on DESC, c.id DESC`, [], params)}`);
  return rows.map(toSummary);
}

export function loadComplaint(ctx: CoreContext, id: string): ComplaintSummary {
  const row = get(ctx.database.sqlite, sql<Row>`${sqlRaw(`${SELECT} WHERE c.id = @id AND c.deleted_at IS NULL`, [], { id, today: today(ctx) })}`);
  if (!row) throw new AppError('NOT_FOUND', '该投诉举报不存在或已被删除，请刷新列表。');
  return toSummary(row);
}

/** The full reporter, or null where it is not kept (at the bureau). */
export function loadReporter(ctx: CoreContext, complaintId: string): Reporter | null {
  const cr = complaintReporters;
  const row = ctx.database.db
    .select({ name: cr.name, phone: cr.phone, idNumber: cr.idNumber, address: cr.address, bureauStaff: cr.bureauStaff })
    .from(cr)
    .where(equals(cr.complaintId, complaintId))
    .get();
  return row ?? null;
}

const REWARD_SELECT = sqlFragment`SELECT ${r.id}, ${r.originNode} AS originNode, ${r.version}, ${r.complaintId} AS complaintId, ${r.districtId} AS districtId, ${r.scheme}, ${r.level},
  ${r.finesFen} AS finesFen, ${r.confiscatedFen} AS confiscatedFen, ${r.proposedFen} AS proposedFen, ${r.basis}, ${r.approvedFen} AS approvedFen,
  ${r.approvedBy} AS approvedBy, ${r.approvedOn} AS approvedOn, ${r.state}, ${r.notes}, ${r.createdAt} AS createdAt FROM ${r}`;

type RewardRow = Omit<Reward, 'adjustReason' | 'rejectReason' | 'paidOn' | 'paidNote'> & { notes: string | null };

function toReward({ notes, ...row }: RewardRow): Reward {
  return { ...row, ...readNotes(notes) };
}

export function rewardsOf(ctx: CoreContext, complaintId: string): Reward[] {
  const rows = all(ctx.database.sqlite, sql<RewardRow>`${REWARD_SELECT} WHERE ${r.complaintId} = ${complaintId} AND ${r.deletedAt} IS NULL ORDER BY ${r.createdAt}, ${r.id}`);
  return rows.map(toReward);
}

export function loadReward(ctx: CoreContext, id: string): Reward {
  const row = get(ctx.database.sqlite, sql<RewardRow>`${REWARD_SELECT} WHERE ${r.id} = ${id} AND ${r.deletedAt} IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '该举报奖励不存在或已被删除，请刷新后再试。');
  return toReward(row);
}

export function getComplaint(ctx: CoreContext, id: string, nodeId: string | null): ComplaintDetail {
  const complaint = loadComplaint(ctx, id);
  const reporter = complaint.originNode === nodeId ? loadReporter(ctx, id) : null;
  const rewards = rewardsOf(ctx, id);
  const hazard = complaint.linkedHazardId
    ? (get(
        ctx.database.sqlite,
        sql<NonNullable<ComplaintDetail['linkedHazard']>>`SELECT h.${hazards.id}, h.${hazards.number}, u.${units.name} AS unitName, h.${hazards.description}, h.${hazards.foundOn} AS foundOn, h.${hazards.state}
          FROM ${hazards} h JOIN ${units} u ON u.${units.id} = h.${hazards.unitId} WHERE h.${hazards.id} = ${complaint.linkedHazardId}`,
      ) ?? null)
    : null;
  const mine = nodeId === complaint.originNode;
  return {
    ...complaint,
    reporter,
    rewards,
    linkedHazard: hazard,
    actions: mine ? complaintActions(complaint, reporter, rewards) : [],
    rewardRefusal: mine ? rewardRefusal(complaint, reporter, rewards) : '奖励由登记该举报的分局提出和审批。',
    warnings: calendarFor(ctx).warnings(yearsBetween(complaint.receivedOn, complaint.handlingDeadline)),
  };
}

/** One reward with its complaint, the reporter masked: what the approval form prints. */
export function getReward(ctx: CoreContext, id: string): RewardDetail {
  const reward = loadReward(ctx, id);
  return { reward, complaint: loadComplaint(ctx, reward.complaintId) };
}
