import { useTranslation } from 'react-i18next';
import type { Reward } from '../../../../electron/api/schemas/complaints.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatFen } from '../../format/money.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { levelLabel, rewardTone } from './labels.ts';

/** One reward: the proposal with its basis, the decision, the payment; the steps the office may take now. */
export function RewardCard({ reward, mine, onAct }: { reward: Reward; mine: boolean; onAct: (kind: 'approve' | 'reject' | 'paid') => void }) {
  const { t } = useTranslation();
  const yuan = (fen: number) => t('complaints.reward.yuan', { amount: formatFen(fen) });
  return (
    <article className="complaint-reward" data-testid={`reward-${reward.id}`} aria-label={`${t('complaints.detail.rewards')} ${t(`complaints.rewardState.${reward.state}`)}`}>
      <div className="complaint-reward-head">
        <Badge tone={rewardTone[reward.state]}>{t(`complaints.rewardState.${reward.state}`)}</Badge>
        <span>
          {t(`complaints.scheme.${reward.scheme}`)} · {levelLabel(t, reward.level)}
        </span>
        <span className="toolbar-spacer" />
        {mine && reward.state === 'proposed' && (
          <>
            <button type="button" className="button button-primary" onClick={() => onAct('approve')}>
              {t('complaints.reward.approve')}
            </button>
            <button type="button" className="button button-danger" onClick={() => onAct('reject')}>
              {t('complaints.reward.reject')}
            </button>
          </>
        )}
        {mine && reward.state === 'approved' && (
          <button type="button" className="button" onClick={() => onAct('paid')}>
            {t('complaints.reward.paid')}
          </button>
        )}
        <a className="button button-link" href={hrefFor('complaint-print', { reward: reward.id })}>
          {t('complaints.reward.print')}
        </a>
      </div>
      <dl className="facts">
        <dt>{t('complaints.print.fines')}</dt>
        <dd>{yuan(reward.finesFen)}</dd>
        <dt>{t('complaints.print.confiscated')}</dt>
        <dd>{yuan(reward.confiscatedFen)}</dd>
        <dt>{t('complaints.reward.proposed')}</dt>
        <dd data-testid="reward-proposed">{yuan(reward.proposedFen)}</dd>
        <dt>{t('complaints.reward.basis')}</dt>
        <dd>{reward.basis}</dd>
        {reward.approvedFen !== null && (
          <>
            <dt>{t('complaints.reward.approved')}</dt>
            <dd data-testid="reward-approved">
              {yuan(reward.approvedFen)}（{reward.approvedBy}，{reward.approvedOn}）
            </dd>
          </>
        )}
        {reward.adjustReason && (
          <>
            <dt>{t('complaints.reward.adjustReason')}</dt>
            <dd>{reward.adjustReason}</dd>
          </>
        )}
        {reward.rejectReason && (
          <>
            <dt>{t('complaints.reward.rejectReasonShown')}</dt>
            <dd>{reward.rejectReason}</dd>
          </>
        )}
        {reward.paidOn && (
          <>
            <dt>{t('complaints.reward.paidShown')}</dt>
            <dd>{[reward.paidOn, reward.paidNote].filter(Boolean).join('，')}</dd>
          </>
        )}
      </dl>
    </article>
  );
}
