import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import { api, errorMessage } from '../../api/client.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { useAppContext } from '../../app/app-context.ts';
import { StatCard } from './StatCard.tsx';
import { SummaryCountdown } from '../summaries/SummaryCountdown.tsx';
import { DashboardPanels } from './DashboardPanels.tsx';
import { TrainingAttention } from './TrainingAttention.tsx';

type Loaded = {
  summary: CallOutput<'registry.summary'>;
  settings: CallOutput<'settings.get'>['registry'];
  /** list-1 units without a valid A-certificate manager */
  unitsWithoutManager: number;
  /** active blocks with a problem to fix (size, no lead, no inspector, a member without a manager) */
  blocksWithProblems: number;
  dashboard: CallOutput<'dashboard.get'>;
};

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | ({ kind: 'ready' } & Loaded);

const inUse = { status: 'in_use' } as const;

/** 概览: the district's numbers, what needs attention first; every number opens the grid behind it. */
export function OverviewPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      const [summary, settings, lists, blocks, dashboard] = await Promise.all([
        api.call('registry.summary', {}),
        api.call('settings.get', {}),
        api.call('lists.get', {}),
        api.call('blocks.list', {}),
        api.call('dashboard.get', {}),
      ]);
      setState({
        kind: 'ready',
        summary,
        settings: settings.registry,
        unitsWithoutManager: lists.units.filter((u) => u.managerCount === 0).length,
        blocksWithProblems: blocks.blocks.filter((b) => b.problems.some((p) => p.severity === 'error')).length,
        dashboard,
      });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page overview-page" aria-labelledby="overview-title">
      <div className="page-header">
        <h1 id="overview-title" className="page-title">
          {t('overview.title')}
        </h1>
        {state.kind === 'ready' && <span className="muted" data-testid="overview-as-of">{t('overview.asOf', { date: state.summary.asOf })}</span>}
      </div>
      {state.kind === 'loading' && <div className="muted">{t('app.loading')}</div>}
      {state.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          {state.message}{' '}
          <button type="button" className="button" onClick={() => void load()}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {state.kind === 'ready' && <OverviewBody {...state} />}
    </section>
  );
}

function OverviewBody({ summary, settings, unitsWithoutManager, blocksWithProblems, dashboard }: Loaded) {
  const { t } = useTranslation();
  const { inspection } = summary;
  // the training centre keeps no ledger: no call to import one
  const { node } = useAppContext();
  const { inspections, complaints, routine } = dashboard;
  const nothingToWatch =
    inspection.overdue +
      inspection.due +
      summary.managersExpiringSoon +
      unitsWithoutManager +
      blocksWithProblems +
      dashboard.hazards.open +
      inspections.ordersOpen +
      complaints.open +
      complaints.rewardsProposed +
      routine.activitiesOverdue +
      routine.feedbackOpen ===
    0;
  return (
    <>
      {summary.units === 0 && node.role !== 'training' && (
        <div className="notice notice-info" role="status">
          <strong>{t('overview.emptyTitle')}</strong>
          <p>
            {t('overview.emptyBody')} <a href={hrefFor('ledger')}>{t('overview.emptyAction')}</a>
          </p>
        </div>
      )}
      <div className="panel">
        <h2 className="section-title">{t('overview.attention')}</h2>
        <SummaryCountdown />
        {nothingToWatch && summary.units > 0 && <p className="muted">{t('overview.nothingToWatch')}</p>}
        <div className="stat-row">
          <StatCard testId="stat-overdue" tone="danger" value={inspection.overdue} unit={t('overview.unitPieces')} label={t('overview.overdue')} href={hrefFor('equipment', { ...inUse, inspection: 'overdue' })} />
          <StatCard
            testId="stat-due"
            tone="warn"
            value={inspection.due}
            unit={t('overview.unitPieces')}
            label={t('overview.due', { days: settings.dueSoonDays })}
            href={hrefFor('equipment', { ...inUse, inspection: 'due' })}
          />
          <StatCard
            testId="stat-units-without-manager"
            tone="danger"
            value={unitsWithoutManager}
            unit={t('overview.unitUnits')}
            label={t('overview.unitsWithoutManager')}
            href={hrefFor('lists', { focus: 'without-manager' })}
          />
          <StatCard
            testId="stat-certificates"
            tone="warn"
            value={summary.managersExpiringSoon}
            unit={t('overview.unitPeople')}
            label={t('overview.certificatesExpiring', { days: settings.certificateExpiringDays })}
            href={hrefFor('managers', { certificate: 'expiring' })}
          />
          <StatCard testId="stat-blocks" tone="warn" value={blocksWithProblems} unit={t('overview.unitBlocks')} label={t('overview.blocksWithProblems')} href={hrefFor('blocks')} />
          {routine.activitiesOverdue > 0 && (
            <StatCard testId="stat-activities-overdue" tone="danger" value={routine.activitiesOverdue} unit={t('overview.unitItems')} label={t('overview.activitiesOverdue')} href={hrefFor('blocks')} />
          )}
          {routine.feedbackOpen > 0 && (
            <StatCard testId="stat-feedback-open" tone="warn" value={routine.feedbackOpen} unit={t('overview.unitItems')} label={t('overview.feedbackOpen')} href={hrefFor('chain', { tab: 'feedback' })} />
          )}
          <StatCard testId="stat-hazards-overdue" tone="danger" value={dashboard.hazards.overdue} unit={t('overview.unitItems')} label={t('overview.hazardsOverdue')} href={hrefFor('hazards', { overdue: '1' })} />
          <StatCard testId="stat-hazards-open" tone="warn" value={dashboard.hazards.open} unit={t('overview.unitItems')} label={t('overview.hazardsOpen')} href={hrefFor('hazards')} />
          {inspections.ordersOpen > 0 && (
            <StatCard
              testId="stat-orders-overdue"
              tone={inspections.ordersOverdue > 0 ? 'danger' : 'warn'}
              value={inspections.ordersOverdue}
              unit={t('overview.unitItems')}
              label={t('overview.ordersOverdue', { open: inspections.ordersOpen })}
              href={hrefFor('inspections', { tab: 'orders' })}
            />
          )}
          <StatCard testId="stat-complaints-open" tone={complaints.overdue > 0 ? 'danger' : 'warn'} value={complaints.open} unit={t('overview.unitItems')} label={t('overview.complaintsOpen', { overdue: complaints.overdue })} href={hrefFor('complaints')} />
          {complaints.rewardsProposed > 0 && (
            <StatCard testId="stat-rewards-proposed" tone="warn" value={complaints.rewardsProposed} unit={t('overview.unitItems')} label={t('overview.rewardsProposed')} href={hrefFor('complaints')} />
          )}
          <StatCard testId="stat-unknown" tone="muted" value={inspection.unknown} unit={t('overview.unitPieces')} label={t('overview.unknown')} href={hrefFor('equipment', { ...inUse, inspection: 'unknown' })} />
        </div>
        <TrainingAttention />
      </div>
      <DashboardPanels dashboard={dashboard} />
      <div className="overview-columns">
        <div className="panel">
          <h2 className="section-title">{t('overview.registry')}</h2>
          <div className="stat-row">
            <StatCard testId="stat-units" value={summary.units} unit={t('overview.unitUnits')} label={t('overview.units')} href={hrefFor('units')} />
            <StatCard testId="stat-in-use" value={summary.equipmentInUse} unit={t('overview.unitPieces')} label={t('overview.equipmentInUse')} href={hrefFor('equipment', inUse)} />
            <StatCard testId="stat-ok" tone="ok" value={inspection.ok} unit={t('overview.unitPieces')} label={t('overview.ok')} href={hrefFor('equipment', { ...inUse, inspection: 'ok' })} />
          </div>
        </div>
        <div className="panel">
          <h2 className="section-title">{t('overview.lists')}</h2>
          <div className="stat-row">
            <StatCard
              testId="stat-list1"
              value={summary.list1Units}
              unit={t('overview.unitUnits')}
              label={t('overview.list1', { threshold: settings.screeningThreshold })}
              href={hrefFor('lists')}
            />
            <StatCard testId="stat-list2" value={summary.list2Managers} unit={t('overview.unitPeople')} label={t('overview.list2')} href={hrefFor('lists')} />
          </div>
        </div>
      </div>
    </>
  );
}
