import type { ComplaintAction, ComplaintSummary, Reporter, Reward, RewardState } from '../../api/schemas/complaints.ts';

// Who may be rewarded (国市监稽规〔2021〕4号): a complaint found true (查实 or 部分查实),
// by a natural person who can be identified, not a member of the bureau's staff, and
// at most one live reward a complaint. One function, read by the detail view (to say
// why the button is missing) and by proposeReward (to refuse).

export const rewardStateLabels: Record<RewardState, string> = { proposed: '待审批', approved: '已审批', rejected: '不予奖励', paid: '已发放' };

/** The reward being worked on or granted; a rejected one does not count. */
export function liveReward(rewards: Reward[]): Reward | undefined {
  return rewards.find((r) => r.state !== 'rejected');
}

export function rewardRefusal(complaint: ComplaintSummary, reporter: Reporter | null, rewards: Reward[]): string | null {
  const live = liveReward(rewards);
  if (live) return `该举报已有奖励（${rewardStateLabels[live.state]}），不能再提出。`;
  if (complaint.state !== 'handled') return '请先办结该举报并认定“查实”或“部分查实”，再提出奖励。';
  if (complaint.outcome === 'unfounded') return '举报经查不实，不能给予奖励。';
  if (!reporter) return '本机没有该举报人的身份信息，不能提出奖励。';
  if (reporter.bureauStaff) return '举报人为本局工作人员，不予奖励（国市监稽规〔2021〕4号）。';
  if (!reporter.name && !reporter.phone && !reporter.idNumber) return '匿名举报且未留下可辨别身份的信息（姓名、电话或身份证号），不能给予奖励。';
  return null;
}

/** What the office that registered the complaint may do now; changes stop once a reward is on its way. */
export function complaintActions(complaint: ComplaintSummary, reporter: Reporter | null, rewards: Reward[]): ComplaintAction[] {
  const actions: ComplaintAction[] = [];
  if (!liveReward(rewards)) actions.push('edit', 'handle');
  if (!rewardRefusal(complaint, reporter, rewards)) actions.push('proposeReward');
  return actions;
}
