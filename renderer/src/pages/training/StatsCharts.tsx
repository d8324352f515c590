import { useTranslation } from 'react-i18next';
import type { ExamStats } from '../../../../electron/api/schemas/training.ts';
import { Chart, type ChartOption as Option } from '../../components/Chart.tsx';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** 成绩统计: pass rate and average, the score histogram, each question's share correct, each module's average. */
export function StatsCharts({ stats }: { stats: ExamStats }) {
  const { t } = useTranslation();
  const histogram: Option = {
    title: { text: t('training.stats.histogram'), left: 'center', textStyle: { fontSize: 13 } },
    tooltip: {},
    grid: { left: 40, right: 10, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: stats.histogram.map((b) => `${b.from}–${b.to}`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('training.stats.people'), data: stats.histogram.map((b) => b.count), itemStyle: { color: '#2f6fb5' } }],
  };
  const difficulty: Option = {
    title: { text: t('training.stats.difficulty'), left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { valueFormatter: (v: unknown) => `${v}%` },
    grid: { left: 40, right: 10, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: stats.questions.map((q) => String(q.no)) },
    yAxis: { type: 'value', max: 100 },
    series: [{ type: 'bar', name: t('training.stats.correct'), data: stats.questions.map((q) => Math.round(q.difficulty * 1000) / 10), itemStyle: { color: '#3d8b4f' } }],
  };
  return (
    <section className="panel" aria-labelledby="stats-title" data-testid="exam-stats">
      <h2 id="stats-title" className="section-title">
        {t('training.stats.title')}
      </h2>
      <p data-testid="stats-summary">
        {t('training.stats.summary', { candidates: stats.candidates, passed: stats.passed, rate: pct(stats.passRate), average: stats.average.toFixed(1), full: stats.fullMarks })}
      </p>
      <div className="training-charts">
        <Chart className="training-chart" option={histogram} label={t('training.stats.histogram')} testId="chart-histogram" />
        <Chart className="training-chart" option={difficulty} label={t('training.stats.difficulty')} testId="chart-difficulty" />
      </div>
      <table className="data-table" data-testid="stats-modules">
        <thead>
          <tr>
            <th>{t('training.bank.module')}</th>
            <th>{t('training.stats.modulePoints')}</th>
            <th>{t('training.stats.moduleAverage')}</th>
            <th>{t('training.stats.moduleShare')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.modules.map((m) => (
            <tr key={m.module}>
              <td>{m.module}</td>
              <td>{m.points}</td>
              <td>{m.average.toFixed(1)}</td>
              <td>{pct(m.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
