import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskDistribution } from '../../../../electron/api/schemas/risk.ts';
import { barGrid, Chart, type ChartOption } from '../../components/Chart.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { riskColor, riskLevelOrder } from './RiskBadge.tsx';

/** The four levels as cards, each a link to the units grid filtered to that level (and district). */
export function RiskLevelCards({ distribution }: { distribution: RiskDistribution }) {
  const { t } = useTranslation();
  return (
    <div className="risk-cards" data-testid="risk-cards">
      {riskLevelOrder.map((level) => (
        <a
          key={level}
          className={`risk-card risk-card-${level}`}
          href={hrefFor('units', { risk: level, districtId: distribution.districtId ?? undefined })}
          title={t('risk.page.openUnits', { level: t(`risk.level.${level}`) })}
          data-testid={`risk-card-${level}`}
        >
          <span>{t(`risk.level.${level}`)}</span>
          <strong aria-label={t('risk.page.units', { count: distribution.counts[level] })}>{distribution.counts[level]}</strong>
        </a>
      ))}
    </div>
  );
}

/** The months stacked by level, oldest first: how the district's risk moved. */
export function RiskMonthsChart({ distribution, testId }: { distribution: RiskDistribution; testId: string }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 0 },
      grid: { ...barGrid, top: 32 },
      xAxis: { type: 'category', data: distribution.months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: riskLevelOrder.map((level) => ({
        type: 'bar' as const,
        stack: 'units',
        name: t(`risk.level.${level}`),
        itemStyle: { color: riskColor[level] },
        data: distribution.months.map((m) => m[level]),
      })),
    }),
    [distribution, t],
  );
  if (distribution.months.length === 0) return <p className="muted">{t('risk.page.noMonths')}</p>;
  return <Chart className="dashboard-chart" option={option} label={t('risk.page.monthsTitle')} testId={testId} />;
}
