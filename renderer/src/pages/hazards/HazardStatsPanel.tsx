import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HazardStats } from '../../../../electron/api/schemas/hazards.ts';
import { barGrid, categoryLabel, Chart, type ChartOption } from '../../components/Chart.tsx';
import { hrefFor } from '../../router/hash-router.ts';

const pct = (share: number | null) => (share === null ? null : `${(share * 100).toFixed(1)}%`);

/** The closure figures, hazards by state (a chart) and open/overdue by block (links filter the list). */
export function HazardStatsPanel({ stats }: { stats: HazardStats }) {
  const { t } = useTranslation();
  const none = t('hazards.stats.none');
  const byState = useMemo<ChartOption>(
    () => ({
      tooltip: {},
      grid: barGrid,
      xAxis: { type: 'category', data: stats.byState.map((s) => t(`hazards.state.${s.state}`)), axisLabel: categoryLabel },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('hazards.stats.byState'), data: stats.byState.map((s) => s.count), itemStyle: { color: '#b5482f' } }],
    }),
    [stats, t],
  );
  return (
    <section className="panel hz-stats" aria-labelledby="hz-stats-title" data-testid="hazard-stats">
      <h2 id="hz-stats-title" className="section-title">
        {t('hazards.stats.title')}
      </h2>
      <dl className="hz-figures">
        <div>
          <dt>{t('hazards.stats.open')}</dt>
          <dd data-testid="hz-open">{stats.open}</dd>
        </div>
        <div className={stats.overdue ? 'hz-figure-alert' : undefined}>
          <dt>{t('hazards.stats.overdue')}</dt>
          <dd data-testid="hz-overdue">
            <a href={hrefFor('hazards', { overdue: '1' })}>{stats.overdue}</a>
          </dd>
        </div>
        <div>
          <dt>{t('hazards.stats.escalated')}</dt>
          <dd>{stats.escalated}</dd>
        </div>
        <div>
          <dt>{t('hazards.stats.closed')}</dt>
          <dd data-testid="hz-closed">{stats.closed}</dd>
        </div>
        <div>
          <dt>{t('hazards.stats.closureRate')}</dt>
          <dd data-testid="hz-closure-rate">{pct(stats.closureRate) ?? none}</dd>
        </div>
        <div>
          <dt>{t('hazards.stats.averageDays')}</dt>
          <dd data-testid="hz-average">
            {stats.averageClosingDays === null ? none : t('hazards.stats.days', { days: stats.averageClosingDays, working: stats.averageClosingWorkingDays })}
          </dd>
        </div>
      </dl>
      <div className="hz-stats-detail">
        <Chart className="hz-chart" option={byState} label={t('hazards.stats.byState')} testId="chart-hazard-states" />
        {stats.byBlock.length > 0 && (
          <table className="data-table hz-by-block" data-testid="hazard-by-block">
            <caption>{t('hazards.stats.byBlock')}</caption>
            <thead>
              <tr>
                <th>{t('hazards.column.block')}</th>
                <th>{t('hazards.stats.blockOpen')}</th>
                <th>{t('hazards.stats.blockOverdue')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.byBlock.map((b) => (
                <tr key={b.blockId ?? 'none'}>
                  <td>
                    <a href={hrefFor('hazards', { block: b.blockId ?? 'none' })}>{b.blockName ?? t('hazards.filter.noBlock')}</a>
                  </td>
                  <td className="num">{b.open}</td>
                  <td className="num">{b.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
