import { useTranslation } from 'react-i18next';
import type { CityCell, SummaryStatus, Timeliness } from '../../../../electron/api/schemas/summaries.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';

const timelinessTone: Record<Timeliness, BadgeTone> = { on_time: 'ok', late: 'warn', missing: 'danger', pending: 'muted' };

/**
 * The one badge a month gets: 已退回 while returned, 按时 / 逾期 once submitted, 未报 /
 * 待报送 before (the same words in the office's list and the bureau's city view).
 */
export function SummaryBadge({ status, timeliness }: { status: SummaryStatus | CityCell['status']; timeliness: Timeliness | null }) {
  const { t } = useTranslation();
  if (status === 'not_expected' || !timeliness) return <span className="muted">{t('summaries.status.not_expected')}</span>;
  if (status === 'returned') return <Badge tone="danger">{t('summaries.status.returned')}</Badge>;
  return <Badge tone={timelinessTone[timeliness]}>{t(`summaries.timeliness.${timeliness}`)}</Badge>;
}

/** 2026-12 → 2026年12月 */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

/** 2026-12-25 → 12月25日 */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}
