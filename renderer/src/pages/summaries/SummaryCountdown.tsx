import { useTranslation } from 'react-i18next';
import { useCall } from '../../components/useLoad.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { shortDate } from './SummaryBadges.tsx';

/**
 * For the home page: “本月工作小结距报送截止还有 N 天（12月25日）” from the countdown day
 * (the 15th by default) until submitted, then the month's state. Nothing on nodes that
 * write no summary, nor before the countdown day.
 */
export function SummaryCountdown() {
  const { t } = useTranslation();
  // no countdown when the status cannot be read: the page below says why
  const { value: status } = useCall('summaries.status', {});
  if (!status?.applicable) return null;
  const date = shortDate(status.dueOn);
  const done = status.status === 'submitted' || status.status === 'received';
  if (!done && !status.showCountdown) return null;
  let text: string;
  let tone: 'info' | 'error' | 'ok';
  if (done) {
    text = t(`summaries.countdown.${status.status === 'received' ? 'received' : 'submitted'}`, { timeliness: t(`summaries.timeliness.${status.timeliness}`) });
    tone = 'ok';
  } else if (status.status === 'returned') {
    text = t('summaries.countdown.returned', { date });
    tone = 'error';
  } else if (status.daysLeft < 0) {
    text = t('summaries.countdown.overdue', { date, days: -status.daysLeft });
    tone = 'error';
  } else {
    text = status.daysLeft === 0 ? t('summaries.countdown.dueToday', { date }) : t('summaries.countdown.daysLeft', { date, days: status.daysLeft });
    tone = status.daysLeft <= 3 ? 'error' : 'info';
  }
  return (
    <div className={`notice notice-${tone}`} role="status" data-testid="summary-countdown">
      {text}
      {!done && (
        <>
          {' '}
          <a href={hrefFor('summaries', { month: status.month })}>{t('summaries.countdown.open')}</a>
        </>
      )}
    </div>
  );
}
