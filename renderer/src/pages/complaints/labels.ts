import type { TFunction } from 'i18next';
import type { ComplaintChannel, ComplaintSummary, Reward } from '../../../../electron/api/schemas/complaints.ts';
import type { BadgeTone } from '../../components/Badge.tsx';
import { formatFen } from '../../format/money.ts';

// The words and tones of the register's values, in one place for the grid, the detail and the form.

/** the channels in the order of the form (the contract's complaintChannels; the renderer imports types only) */
export const channels = ['phone', '12345', 'letter', 'visit', 'online'] as const satisfies readonly ComplaintChannel[];

export const stateTone: Record<ComplaintSummary['state'], BadgeTone> = { received: 'info', handling: 'warn', handled: 'ok' };
export const rewardTone: Record<Reward['state'], BadgeTone> = { proposed: 'warn', approved: 'ok', rejected: 'muted', paid: 'ok' };

export function reporterLabel(t: TFunction, c: Pick<ComplaintSummary, 'anonymous' | 'reporterMasked'>): string {
  return c.anonymous || !c.reporterMasked ? t('complaints.anonymous') : c.reporterMasked;
}

/** 10,000.00（已审批）: the approved amount once there is one, else the proposal. */
export function rewardLabel(t: TFunction, reward: ComplaintSummary['reward']): string {
  if (!reward) return '';
  return `${formatFen(reward.approvedFen ?? reward.proposedFen)}（${t(`complaints.rewardState.${reward.state}`)}）`;
}

export function levelLabel(t: TFunction, level: number): string {
  return t(`complaints.level.${String(level) as '1' | '2' | '3'}`);
}
