import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { RewardState, type RewardDetail, type RewardPreview, type RewardScheme } from '../../api/schemas/complaints.ts';
import type { complaintRewards } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import type { Row } from '../data/synced-rows.ts';
import { beginWrite, inTransaction, type Write } from '../data/write.ts';
import { localDate } from '../registry/as-of.ts';
import { getReward, loadReporter, rewardsOf, today } from './complaint-read.ts';
import { rewardRows } from './complaint-rows.ts';
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
  const w = beginWrite(ctx, requireDistrictIdentity(ctx), 'complaints.proposeReward');
  const id = inTransaction(w, () => {
    const { complaint } = loadOwn(w, input.complaintId, input.version);
    const refusal = rewardRefusal(complaint, loadReporter(ctx, complaint.id), rewardsOf(ctx, complaint.id));
    if (refusal) throw new AppError('CONFLICT', refusal);
    const proposal = previewReward(ctx, input);
    const after = { complaintId: complaint.id, scheme: input.scheme, level: input.level, finesFen: input.finesYuan, confiscatedFen: input.confiscatedYuan, proposedFen: proposal.proposedFen, basis: proposal.basis };
    return rewardRows.insert(w, { ...after, districtId: complaint.districtId, state: 'proposed' }, { audit: { after, rowIds: [complaint.id] } }).id;
  });
  return getReward(ctx, id);
}

/** A reward of this office, at the version seen, in the state the step starts from. */
function loadOwnReward(w: Write, id: string, version: number, from: RewardState, step: string): Row<typeof complaintRewards> {
  const reward = rewardRows.owned(w, id, version);
  const state = RewardState.parse(reward.state);
  if (state !== from) throw new AppError('CONFLICT', `该奖励当前为“${rewardStateLabels[state]}”，不能${step}。`);
  return reward;
}

function checkDay(ctx: CoreContext, day: string, notBefore: string, field: string, label: string, beforeLabel: string): void {
  if (day > today(ctx)) throw new AppError('VALIDATION', `${label}不能晚于今天。`, { field });
  if (day < notBefore) throw new AppError('VALIDATION', `${label}不能早于${beforeLabel}（${notBefore}）。`, { field });
}

export function approveReward(ctx: CoreContext, input: ParsedInput<'complaints.approveReward'>): RewardDetail {
  const w = beginWrite(ctx, requireDistrictIdentity(ctx), 'complaints.approveReward');
  inTransaction(w, () => {
    const reward = loadOwnReward(w, input.id, input.version, 'proposed', '审批');
    const approvedOn = input.approvedOn ?? today(ctx);
    checkDay(ctx, approvedOn, localDate(new Date(reward.createdAt)), 'approvedOn', '审批日期', '提出奖励的日期');
    const amount = input.approvedYuan ?? reward.proposedFen;
    const { rules } = rulesFor(ctx, reward.scheme);
    const minimum = Math.min(rules.levels[reward.level - 1]!.minimumFen, rules.capFen);
    if (amount > rules.capFen) throw new AppError('VALIDATION', `审批金额不能超过每案上限 ${formatYuan(rules.capFen)} 元。`, { field: 'approvedYuan' });
    if (amount < minimum) throw new AppError('VALIDATION', `${levelName(reward.level)}奖励不能低于 ${formatYuan(minimum)} 元。`, { field: 'approvedYuan' });
    const adjusted = amount !== reward.proposedFen;
    if (adjusted && !input.reason) throw new AppError('VALIDATION', '审批金额与建议金额不同，请写明调整理由（如涉案货值、社会影响）。', { field: 'reason' });
    const notes = writeNotes(reward.notes, { adjustReason: adjusted ? input.reason : null });
    rewardRows.update(
      w,
      reward,
      { state: 'approved', approvedFen: amount, approvedBy: input.approvedBy, approvedOn, notes },
      {
        before: { state: reward.state, proposedFen: reward.proposedFen },
        after: { state: 'approved', approvedFen: amount, approvedBy: input.approvedBy, approvedOn, adjustReason: adjusted ? input.reason : null },
      },
    );
  });
  return getReward(ctx, input.id);
}

export function rejectReward(ctx: CoreContext, input: ParsedInput<'complaints.rejectReward'>): RewardDetail {
  const w = beginWrite(ctx, requireDistrictIdentity(ctx), 'complaints.rejectReward');
  inTransaction(w, () => {
    const reward = loadOwnReward(w, input.id, input.version, 'proposed', '不予奖励');
    const notes = writeNotes(reward.notes, { rejectReason: input.reason });
    rewardRows.update(w, reward, { state: 'rejected', notes }, { before: { state: reward.state }, after: { state: 'rejected', rejectReason: input.reason } });
  });
  return getReward(ctx, input.id);
}

export function markRewardPaid(ctx: CoreContext, input: ParsedInput<'complaints.markRewardPaid'>): RewardDetail {
  const w = beginWrite(ctx, requireDistrictIdentity(ctx), 'complaints.markRewardPaid');
  inTransaction(w, () => {
    const reward = loadOwnReward(w, input.id, input.version, 'approved', '登记发放');
    const paidOn = input.paidOn ?? today(ctx);
    checkDay(ctx, paidOn, reward.approvedOn!, 'paidOn', '发放日期', '审批日期');
    const notes = writeNotes(reward.notes, { paidOn, paidNote: input.note });
    rewardRows.update(w, reward, { state: 'paid', notes }, { before: { state: reward.state }, after: { state: 'paid', paidOn, paidNote: input.note } });
  });
  return getReward(ctx, input.id);
}
