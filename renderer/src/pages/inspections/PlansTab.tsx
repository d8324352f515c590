import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../electron/api/schemas/inspections.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Badge } from '../../components/Badge.tsx';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { hrefFor, navigate } from '../../router/hash-router.ts';
import { StatusNotice } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { PlanDialog } from './PlanDialog.tsx';
import { period, scopeLabel, teamNames } from './labels.ts';

const columns = (t: TFunction): ColDef<PlanSummary>[] => [
  {
    field: 'title',
    headerName: t('inspections.plan.title'),
    flex: 2,
    cellRenderer: (p: { data?: PlanSummary }) => (p.data ? <a href={hrefFor('inspections', { plan: p.data.id })}>{p.data.title}</a> : null),
  },
  { field: 'type', headerName: t('inspections.plan.type'), width: 90, valueFormatter: (p) => t(`inspections.type.${p.value as PlanSummary['type']}`) },
  { headerName: t('inspections.plan.period'), width: 200, valueGetter: (p) => (p.data ? period(p.data.periodStart, p.data.periodEnd) : '') },
  { headerName: t('inspections.plan.scope'), flex: 1, valueGetter: (p) => (p.data ? scopeLabel(t, p.data) : '') },
  { field: 'unitCount', headerName: t('inspections.plan.units'), width: 90 },
  {
    headerName: t('inspections.plan.team'),
    flex: 1,
    cellRenderer: (p: { data?: PlanSummary }) =>
      p.data ? (
        <span className="insp-team-cell">
          {teamNames(p.data.team)}
          {p.data.warnings.length > 0 && <Badge tone="warn" title={p.data.warnings[0]!.message}>{t('inspections.team.chosen', { count: p.data.team.length })}</Badge>}
        </span>
      ) : null,
  },
  { headerName: t('inspections.plan.records'), width: 170, valueGetter: (p) => (p.data ? t('inspections.plan.recordsCount', { final: p.data.recordsFinal, draft: p.data.recordsDraft }) : '') },
  { field: 'state', headerName: t('inspections.plan.state'), width: 90, valueFormatter: (p) => t(`inspections.planState.${p.value as PlanSummary['state']}`) },
];

const readPlans = () => api.call('inspections.listPlans', {});

/** 检查计划: every plan this node holds, open ones first; a new one opens as its page. */
export function PlansTab() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const { value: plans, error } = useLoad(readPlans);
  const [creating, setCreating] = useState(false);
  return (
    <section aria-label={t('inspections.tab.plans')}>
      <div className="insp-toolbar">
        {node.role === 'district' && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('inspections.plan.create')}
          </button>
        )}
      </div>
      <StatusNotice status={error ? { tone: 'error', text: error } : null} />
      {plans && plans.length === 0 && <p className="muted">{t('inspections.plan.empty')}</p>}
      {plans && plans.length > 0 && <LocalGrid rows={plans} columns={columns} rowId={(p) => p.id} testId="inspection-plans" />}
      {creating && <PlanDialog onClose={() => setCreating(false)} onSaved={(plan) => navigate('inspections', { plan: plan.id })} />}
    </section>
  );
}
