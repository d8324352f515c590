import { useTranslation } from 'react-i18next';
import type { SummaryDetail } from '../../../../electron/api/schemas/summaries.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatDateTime } from '../../format/time.ts';
import { SummaryBadge } from './SummaryBadges.tsx';

/** Where the month stands: its badge, due date and submission, and the bureau's word on it. */
export function SummaryStatusLine({ summary }: { summary: SummaryDetail }) {
  const { t } = useTranslation();
  const review = summary.latestReview;
  return (
    <>
      <div className="sum-status" data-testid="summary-status">
        <Badge tone={summary.status === 'returned' ? 'danger' : summary.status === 'draft' || summary.status === 'not_started' ? 'muted' : 'info'}>{t(`summaries.status.${summary.status}`)}</Badge>
        <SummaryBadge status={summary.status} timeliness={summary.timeliness} />
        <span>{t('summaries.dueOn', { date: summary.dueOn })}</span>
        {summary.submittedAt && <span>{t('summaries.submittedAt', { time: formatDateTime(summary.submittedAt) })}</span>}
        {summary.receivedAt && <span data-testid="summary-received-at">{t('summaries.receivedAt', { time: formatDateTime(summary.receivedAt) })}</span>}
      </div>
      {summary.status === 'returned' && review?.action === 'return' && (
        <div className="notice notice-error" role="note" data-testid="summary-returned">
          {t('summaries.returned.notice', { date: review.reviewedOn, comment: review.comment ?? '' })}
        </div>
      )}
      {summary.status === 'received' && review && <div className="notice notice-ok">{t('summaries.received', { date: review.reviewedOn })}</div>}
    </>
  );
}
