import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { Reward, RewardDetail, RewardPreview, RewardScheme, RewardState } from '../../api/schemas/complaints.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { localDate } from '../registry/as-of.ts';
import type { DistrictIdentity } from '../node/node-service.ts';
import { getReward, loadReporter, loadReward, rewardsOf, today } from './complaint-read.ts';
import { loadOwn } from './complaint-service.ts';
import { getComplaintSettings } from './complaint-settings.ts';
import { rewardRefusal, rewardStateLabels } from './eligibility.ts';
import { writeNotes } from './reward-notes.ts';
import { formatYuan, levelName, proposeReward as compute } from './reward-rules.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// 举报奖励: the app proposes (from the scheme in the settings), a person approves,
// possibly another amount within the level's minimum and the cap, with a reason; then
// it is paid. Each step is one transaction with its audit entry (amounts, no identity).

function rulesFor(ctx: CoreContext, scheme: RewardScheme) {
  const settings = getComplaintSettings(ctx);
  return { rules: scheme === 'national' ? settings.national : settings.local, localName: settings.localName };
}

export function previewReward(ctx: CoreContext, input: ParsedInput<'complaints.previewReward'>): RewardPreview {
  return compute({ scheme: input.scheme, level: input.level, finesFen: input.finesYuan, confiscatedFen: input.confiscatedYuan, ...rulesFor(ctx, input.scheme) });
}

export function proposeRewardFor(ctx: CoreContext, input: ParsedInput<'complaints.proposeReward'>): RewardDetail {
  const identity = requireDistrictIdentity(ctx);
  const { sqlite } = ctx.database;
  const id = sqlite.transaction(() => {
    const complaint = loadOwn(ctx, identity, input.complaintId, input.version);
    const refusal = rewardRefusal(complaint, loadReporter(ctx, complaint.id), rewardsOf(ctx, complaint.id));
    if (refusal) throw new AppError('CONFLICT', refusal);
    const proposal = previewReward(ctx, input);
    const id = newId();
    const now = ctx.now().toISOString();
    sqlite
      .prepare(
        `INSERT INTO complaint_rewards (id, origin_node, created_at, updated_at, version, complaint_id, district_id, scheme, level, fines_fen, confiscated_fen, proposed_fen, basis, state)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed')`,
      )
      .run(id, identity.id, now, now, complaint.id, complaint.districtId, input.scheme, input.level, input.finesYuan, input.confiscatedYuan, proposal.proposedFen, proposal.basis);
    const after = { complaintId: complaint.id, scheme: input.scheme, level: input.level, finesFen: input.finesYuan, confiscatedFen: input.confiscatedYuan, proposedFen: proposal.proposedFen, basis: proposal.basis };
    appendAudit(ctx, { nodeId: identity.id, call: 'complaints.proposeReward', table: 'complaint_rewards', rowIds: [id, complaint.id], after });
    return id;
  })();
  return getReward(ctx, id);
}

/** A reward of this office, at the version seen, in the state the step starts from. */
function loadOwnReward(ctx: CoreContext, identity: DistrictIdentity, id: string, version: number, from: RewardState, step: string): Reward {
  const reward = loadReward(ctx, id);
  if (reward.originNode !== identity.id) throw new AppError('FORBIDDEN', '该奖励由其他分局提出，只能由它审批和发放。');
  if (reward.version !== version) throw new AppError('CONFLICT', '该奖励已被修改（可能在另一窗口），请刷新后再办理。', { currentVersion: reward.version });
  if (reward.state !== from) throw new AppError('CONFLICT', `该奖励当前为“${rewardStateLabels[reward.state]}”，不能${step}。`);
  return reward;
}

function checkDay(ctx: CoreContext, day: string, notBefore: string, field: string, label: string, beforeLabel: string): void {
  if (day > today(ctx)) throw new AppError('VALIDATION', `${label}不能晚于今天。`, { field });
  if (day < notBefore) throw new AppError('VALIDATION', `${label}不能早于${beforeLabel}（${notBefore}）。`, { field });
}

function updateReward(ctx: CoreContext, id: string, set: Record<string, string | number | null>): void {
  const keys = Object.keys(set);
  ctx.database.sqlite
    .prepare(`UPDATE complaint_rewards SET ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = ?, version = version + 1 WHERE id = ?`)
    .run(...keys.map((k) => set[k]!), ctx.now().toISOString(), id);
}

export function approveReward(ctx: CoreContext, input: ParsedInput<'complaints.approveReward'>): RewardDetail {
  const identity = requireDistrictIdentity(ctx);
  ctx.database.sqlite.transaction(() => {
    const reward = loadOwnReward(ctx, identity, input.id, input.version, 'proposed', '审批');
    const approvedOn = input.approvedOn ?? today(ctx);
    checkDay(ctx, approvedOn, localDate(new Date(reward.createdAt)), 'approvedOn', '审批日期', '提出奖励的日期');
    const amount = input.approvedYuan ?? reward.proposedFen;
    const { rules } = rulesFor(ctx, reward.scheme);
    const minimum = Math.min(rules.levels[reward.level - 1]!.minimumFen, rules.capFen);
    if (amount > rules.capFen) throw new AppError('VALIDATION', `审批金额不能超过每案上限 ${formatYuan(rules.capFen)} 元。`, { field: 'approvedYuan' });
    if (amount < minimum) throw new AppError('VALIDATION', `${levelName(reward.level)}奖励不能低于 ${formatYuan(minimum)} 元。`, { field: 'approvedYuan' });
    const adjusted = amount !== reward.proposedFen;
    if (adjusted && !input.reason) throw new AppError('VALIDATION', '审批金额与建议金额不同，请写明调整理由（如涉案货值、社会影响）。', { field: 'reason' });
    const notes = writeNotes(ctx.database.sqlite.prepare('SELECT notes FROM complaint_rewards WHERE id = ?').pluck().get(reward.id) as string | null, { adjustReason: adjusted ? input.reason : null });
    const set = { state: 'approved', approved_fen: amount, approved_by: input.approvedBy, approved_on: approvedOn, notes };
    updateReward(ctx, reward.id, set);
    appendAudit(ctx, {
      nodeId: identity.id,
      call: 'complaints.approveReward',
      table: 'complaint_rewards',
      rowIds: [reward.id],
      before: { state: reward.state, proposedFen: reward.proposedFen },
      after: { state: 'approved', approvedFen: amount, approvedBy: input.approvedBy, approvedOn, adjustReason: adjusted ? input.reason : null },
    });
  })();
  return getReward(ctx, input.id);
}

export function rejectReward(ctx: CoreContext, input: ParsedInput<'complaints.rejectReward'>): RewardDetail {
  const identity = requireDistrictIdentity(ctx);
  ctx.database.sqlite.transaction(() => {
    const reward = loadOwnReward(ctx, identity, input.id, input.version, 'proposed', '不予奖励');
    const before = ctx.database.sqlite.prepare('SELECT notes FROM complaint_rewards WHERE id = ?').pluck().get(reward.id) as string | null;
    updateReward(ctx, reward.id, { state: 'rejected', notes: writeNotes(before, { rejectReason: input.reason }) });
    appendAudit(ctx, { nodeId: identity.id, call: 'complaints.rejectReward', table: 'complaint_rewards', rowIds: [reward.id], before: { state: reward.state }, after: { state: 'rejected', rejectReason: input.reason } });
  })();
  return getReward(ctx, input.id);
}

export function markRewardPaid(ctx: CoreContext, input: ParsedInput<'complaints.markRewardPaid'>): RewardDetail {
  const identity = requireDistrictIdentity(ctx);
  ctx.database.sqlite.transaction(() => {
    const reward = loadOwnReward(ctx, identity, input.id, input.version, 'approved', '登记发放');
    const paidOn = input.paidOn ?? today(ctx);
    checkDay(ctx, paidOn, reward.approvedOn!, 'paidOn', '发放日期', '审批日期');
    const before = ctx.database.sqlite.prepare('SELECT notes FROM complaint_rewards WHERE id = ?').pluck().get(reward.id) as string | null;
    updateReward(ctx, reward.id, { state: 'paid', notes: writeNotes(before, { paidOn, paidNote: input.note }) });
    appendAudit(ctx, { nodeId: identity.id, call: 'complaints.markRewardPaid', table: 'complaint_rewards', rowIds: [reward.id], before: { state: reward.state }, after: { state: 'paid', paidOn, paidNote: input.note } });
  })();
  return getReward(ctx, input.id);
}
