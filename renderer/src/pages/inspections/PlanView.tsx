import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../electron/api/schemas/inspections.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Badge } from '../../components/Badge.tsx';
import { hrefFor, navigate } from '../../router/hash-router.ts';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { period, scopeLabel, teamNames } from './labels.ts';
import { PlanDialog } from './PlanDialog.tsx';
import { RecordDialog } from './RecordDialog.tsx';
import { Warnings } from './Warnings.tsx';

/** One plan: its facts and team (flagged under two), its actions, and each unit in scope with its visit. */
export function PlanView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [editing, setEditing] = useState(false);
  const [visiting, setVisiting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setPlan(await api.call('inspections.getPlan', { id }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const setState = async (state: 'active' | 'done' | 'cancelled') => {
    if (!plan) return;
    if (state === 'cancelled' && !window.confirm(t('inspections.plan.confirmCancel'))) return;
    if (state === 'done' && !window.confirm(t('inspections.plan.confirmFinish'))) return;
    setBusy(true);
    try {
      const next = await api.call('inspections.setPlanState', { id: plan.id, version: plan.version, state });
      setPlan(next);
      setStatus({ tone: 'ok', text: t('inspections.plan.stateDone', { state: t(`inspections.planState.${next.state}`) }) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="inspection-plan">
      <div className="page-header">
        <a href={hrefFor('inspections', { tab: 'plans' })}>{t('inspections.back')}</a>
        <h1 className="page-title">{plan?.title ?? t('app.loading')}</h1>
        {plan && <Badge tone={plan.state === 'active' ? 'info' : plan.state === 'draft' ? 'muted' : 'ok'}>{t(`inspections.planState.${plan.state}`)}</Badge>}
      </div>
      <StatusNotice status={status} />
      {plan && (
        <>
          <section className="panel">
            <dl className="insp-facts">
              <dt>{t('inspections.plan.type')}</dt>
              <dd>{t(`inspections.type.${plan.type}`)}</dd>
              <dt>{t('inspections.plan.period')}</dt>
              <dd>{period(plan.periodStart, plan.periodEnd)}</dd>
              <dt>{t('inspections.plan.scope')}</dt>
              <dd>{scopeLabel(t, plan)}</dd>
              <dt>{t('inspections.plan.checklist')}</dt>
              <dd>{t('inspections.checklist.option', { name: plan.checklistName, version: plan.checklistVersion, source: '' })}</dd>
              <dt>{t('inspections.plan.team')}</dt>
              <dd data-testid="plan-team">{teamNames(plan.team) || '—'}</dd>
              <dt>{t('inspections.plan.records')}</dt>
              <dd>{t('inspections.plan.recordsCount', { final: plan.recordsFinal, draft: plan.recordsDraft })}</dd>
            </dl>
            {plan.notes && <p className="muted">{plan.notes}</p>}
            <Warnings warnings={plan.warnings} testId="plan-warnings" />
            {plan.actions.length > 0 && (
              <div className="insp-toolbar" role="toolbar" aria-label={t('inspections.plan.title')}>
                {plan.actions.includes('edit') && (
                  <button type="button" className="button" onClick={() => setEditing(true)} disabled={busy}>
                    {t('inspections.plan.edit')}
                  </button>
                )}
                {plan.actions.includes('activate') && (
                  <button type="button" className="button button-primary" onClick={() => void setState('active')} disabled={busy}>
                    {t('inspections.plan.activate')}
                  </button>
                )}
                {plan.actions.includes('finish') && (
                  <button type="button" className="button" onClick={() => void setState('done')} disabled={busy}>
                    {t('inspections.plan.finish')}
                  </button>
                )}
                {plan.actions.includes('cancel') && (
                  <button type="button" className="button" onClick={() => void setState('cancelled')} disabled={busy}>
                    {t('inspections.plan.cancel')}
                  </button>
                )}
              </div>
            )}
          </section>
          <section className="panel" aria-labelledby="plan-units">
            <h2 id="plan-units" className="section-title">
              {t('inspections.plan.scopeUnits')}（{plan.units.length}）
            </h2>
            <table className="list-table" data-testid="plan-units">
              <thead>
                <tr>
                  <th>{t('inspections.plan.unitName')}</th>
                  <th>{t('inspections.plan.address')}</th>
                  <th>{t('inspections.plan.visit')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {plan.units.map((u) => (
                  <tr key={u.id}>
                    <td>{u.name}</td>
                    <td>{u.address ?? ''}</td>
                    <td>{u.recordState ? t(`inspections.recordState.${u.recordState}`) : t('inspections.plan.notVisited')}</td>
                    <td>
                      {u.recordId ? (
                        <a href={hrefFor('inspections', { record: u.recordId })}>{t('inspections.plan.openRecord')}</a>
                      ) : (
                        plan.actions.includes('record') && (
                          <button type="button" className="button" onClick={() => setVisiting(u.id)} aria-label={`${t('inspections.plan.recordVisit')} ${u.name}`}>
                            {t('inspections.plan.recordVisit')}
                          </button>
                        )
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      {editing && plan && (
        <PlanDialog
          plan={plan}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setPlan(saved);
            setStatus({ tone: 'ok', text: t('inspections.plan.done', { title: saved.title }) });
          }}
        />
      )}
      {visiting && plan && (
        <RecordDialog
          plan={plan}
          unitId={visiting}
          onClose={() => setVisiting(null)}
          onSaved={(record) => navigate('inspections', { record: record.id })}
        />
      )}
    </div>
  );
}
