import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/schemas/dashboard.ts';
import { useAppContext } from '../../app/app-context.ts';
import { barGrid, categoryLabel, Chart, type ChartOption } from '../../components/Chart.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { OfficesTable } from './OfficesTable.tsx';
import { RiskLevelCards, RiskMonthsChart } from '../risk/RiskCharts.tsx';
import '../risk/risk.css';

const acceptanceColumns = ['candidates', 'inReview', 'accepted', 'returned', 'revoked'] as const;
const bar = (color: string) => ({ type: 'bar' as const, itemStyle: { color }, label: { show: true, position: 'top' as const, fontSize: 11 } });

/**
 * The overview's charts (issue 8 Dashboards): inspections overdue by kind, hazards by
 * state, blocks with problems, acceptance progress, exam pass rates; the bureau also
 * gets one row per office. Every figure comes from dashboard.get, read with the page.
 */
export function DashboardPanels({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const { node } = useAppContext();

  const charts = useMemo(() => {
    const byKind: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 0 },
      grid: barGrid,
      xAxis: { type: 'category', data: dashboard.inspectionByKind.map((k) => k.kindName), axisLabel: categoryLabel },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { ...bar('#c0392b'), name: t('overview.seriesOverdue'), data: dashboard.inspectionByKind.map((k) => k.overdue) },
        { ...bar('#e0a030'), name: t('overview.seriesDue'), data: dashboard.inspectionByKind.map((k) => k.due) },
      ],
    };
    const hazards: ChartOption = {
      tooltip: {},
      grid: barGrid,
      xAxis: { type: 'category', data: dashboard.hazards.byState.map((s) => t(`hazards.state.${s.state}`)), axisLabel: categoryLabel },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ ...bar('#b5482f'), name: t('overview.hazardsByState'), data: dashboard.hazards.byState.map((s) => s.count) }],
    };
    const acceptance: ChartOption = {
      tooltip: {},
      grid: barGrid,
      xAxis: { type: 'category', data: acceptanceColumns.map((c) => t(`overview.acceptanceColumns.${c}`)), axisLabel: categoryLabel },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ ...bar('#3d8b4f'), name: t('overview.acceptance'), data: acceptanceColumns.map((c) => dashboard.acceptance[c]) }],
    };
    const exams: ChartOption = {
      tooltip: { valueFormatter: (v: unknown) => `${String(v)}%` },
      grid: barGrid,
      xAxis: { type: 'category', data: dashboard.exams.map((e) => e.title), axisLabel: { ...categoryLabel, width: 90, overflow: 'truncate' } },
      yAxis: { type: 'value', max: 100 },
      series: [{ ...bar('#2f6fb5'), name: t('overview.passRate'), data: dashboard.exams.map((e) => (e.passRate === null ? 0 : Math.round(e.passRate * 1000) / 10)) }],
    };
    return { byKind, hazards, acceptance, exams };
  }, [dashboard, t]);

  const showLedger = node.role !== 'training';
  return (
    <>
      <section className="panel" aria-labelledby="overview-charts" data-testid="dashboard">
        <h2 id="overview-charts" className="section-title">
          {t('overview.charts')}
        </h2>
        <div className="dashboard-grid">
          {showLedger && (
            <figure className="dashboard-figure">
              <figcaption>{t('overview.inspectionByKind')}</figcaption>
              {dashboard.inspectionByKind.length === 0 ? <p className="muted">{t('overview.inspectionNone')}</p> : <Chart className="dashboard-chart" option={charts.byKind} label={t('overview.inspectionByKind')} testId="chart-inspection-by-kind" />}
            </figure>
          )}
          {showLedger && (
            <figure className="dashboard-figure">
              <figcaption>
                <a href={hrefFor('hazards')}>{t('overview.hazardsByState')}</a>
              </figcaption>
              <Chart className="dashboard-chart" option={charts.hazards} label={t('overview.hazardsByState')} testId="chart-hazards-by-state" />
            </figure>
          )}
          {showLedger && (
            <figure className="dashboard-figure">
              <figcaption>
                <a href={hrefFor('acceptance')}>{t('overview.acceptance')}</a>
              </figcaption>
              <Chart className="dashboard-chart" option={charts.acceptance} label={t('overview.acceptance')} testId="chart-acceptance" />
            </figure>
          )}
          <figure className="dashboard-figure">
            <figcaption>
              <a href={hrefFor('training', { tab: 'exams' })}>{t('overview.examPassRates')}</a>
            </figcaption>
            {dashboard.exams.length === 0 ? <p className="muted">{t('overview.examsNone')}</p> : <Chart className="dashboard-chart" option={charts.exams} label={t('overview.examPassRates')} testId="chart-exam-pass-rates" />}
          </figure>
          {showLedger && dashboard.risk && (
            <figure className="dashboard-figure" data-testid="dashboard-risk">
              <figcaption>
                <a href={hrefFor('risk')}>{t('risk.dashboard.title')}</a> <span className="muted">{t('risk.dashboard.ruleVersion', { version: dashboard.risk.ruleVersion })}</span>
              </figcaption>
              <RiskLevelCards distribution={dashboard.risk} />
              <RiskMonthsChart distribution={dashboard.risk} testId="chart-risk-months" />
            </figure>
          )}
          {showLedger && dashboard.blocks.problems.length > 0 && (
            <figure className="dashboard-figure" data-testid="problem-blocks">
              <figcaption>
                <a href={hrefFor('blocks')}>{t('overview.problemBlocks')}</a>
              </figcaption>
              <ul className="dashboard-list">
                {dashboard.blocks.problems.map((b) => (
                  <li key={b.blockId}>
                    <strong>{node.role === 'bureau' ? `${b.districtName} · ${b.name}` : b.name}</strong>：{b.problems.join('；')}
                  </li>
                ))}
              </ul>
            </figure>
          )}
        </div>
      </section>
      {node.role === 'bureau' && <OfficesTable offices={dashboard.offices} />}
    </>
  );
}
