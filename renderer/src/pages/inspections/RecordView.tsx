import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../../electron/api/schemas/inspections.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Badge } from '../../components/Badge.tsx';
import { saveFile } from '../../files/download.ts';
import { hrefFor, navigate } from '../../router/hash-router.ts';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { FindingDialog } from './FindingDialog.tsx';
import { teamNames } from './labels.ts';
import { OrderDialog } from './OrderDialog.tsx';
import { RecordDialog } from './RecordDialog.tsx';
import { Warnings } from './Warnings.tsx';
import { ChecklistSection } from './ChecklistSection.tsx';

type Dialog = 'edit' | 'finding' | 'order' | null;

/** One visit: the unit, team, items with their results, findings, files, the hazards found and the orders that followed. */
export function RecordView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<RecordDetail | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setRecord(await api.call('inspections.getRecord', { id }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const finalize = async () => {
    if (!record || !window.confirm(t('inspections.record.confirmFinalize'))) return;
    setBusy(true);
    try {
      setRecord(await api.call('inspections.finalizeRecord', { id: record.id, version: record.version }));
      setStatus({ tone: 'ok', text: t('inspections.record.finalized') });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const download = (attachmentId: string) =>
    api.call('inspections.recordFile', { attachmentId }).then(saveFile).catch((error: unknown) => setStatus({ tone: 'error', text: errorMessage(error) }));
  const done = (text: string) => {
    setDialog(null);
    setStatus({ tone: 'ok', text });
    void load();
  };

  return (
    <div className="page" data-testid="inspection-record">
      <div className="page-header">
        <a href={record ? hrefFor('inspections', { plan: record.planId }) : hrefFor('inspections', { tab: 'records' })}>{record ? record.planTitle : t('inspections.back')}</a>
        <h1 className="page-title">{record ? `${t('inspections.record.title')}：${record.unitName}` : t('app.loading')}</h1>
        {record && <Badge tone={record.state === 'final' ? 'ok' : 'muted'}>{t(`inspections.recordState.${record.state}`)}</Badge>}
      </div>
      <StatusNotice status={status} />
      {record && (
        <>
          <section className="panel">
            <dl className="insp-facts">
              <dt>{t('inspections.record.unit')}</dt>
              <dd>
                {record.unitName}
                <span className="muted">（{t('inspections.record.unitFacts', { uscc: record.unitUscc })}）</span>
              </dd>
              <dt>{t('inspections.record.inspectedOn')}</dt>
              <dd>{record.inspectedOn}</dd>
              <dt>{t('inspections.record.team')}</dt>
              <dd data-testid="record-team">{teamNames(record.team) || '—'}</dd>
              <dt>{t('inspections.record.checklist')}</dt>
              <dd>{t('inspections.checklist.option', { name: record.checklistName, version: record.checklistVersion, source: '' })}</dd>
              <dt>{t('inspections.record.unitSigner')}</dt>
              <dd>{record.unitSigner ?? '—'}</dd>
              <dt>{t('inspections.record.problems')}</dt>
              <dd data-testid="record-problems">{record.problems}</dd>
            </dl>
            <Warnings warnings={record.warnings} testId="record-warnings" />
            <div className="insp-toolbar" role="toolbar" aria-label={t('inspections.record.title')}>
              {record.actions.includes('edit') && (
                <button type="button" className="button button-primary" onClick={() => setDialog('edit')} disabled={busy}>
                  {t('inspections.record.edit')}
                </button>
              )}
              {record.actions.includes('finalize') && (
                <button type="button" className="button" onClick={() => void finalize()} disabled={busy}>
                  {t('inspections.record.finalize')}
                </button>
              )}
              {record.actions.includes('finding') && (
                <button type="button" className="button" onClick={() => setDialog('finding')} disabled={busy}>
                  {t('inspections.finding.add')}
                </button>
              )}
              {record.actions.includes('order') && (
                <button type="button" className="button" onClick={() => setDialog('order')} disabled={busy}>
                  {t('inspections.order.issue')}
                </button>
              )}
              <a className="button button-link" href={hrefFor('inspection-print', { record: record.id })}>
                {t('inspections.record.print')}
              </a>
            </div>
          </section>
          <ChecklistSection idPrefix="record" items={record.items} findings={record.findings} files={record.files} onDownload={(id) => void download(id)} />
          <section className="panel" aria-labelledby="record-hazards-title">
            <h2 id="record-hazards-title" className="section-title">
              {t('inspections.record.foundHazards')}
            </h2>
            {record.foundHazards.length === 0 ? (
              <p className="muted">{t('inspections.record.noHazards')}</p>
            ) : (
              <ul data-testid="record-hazards">
                {record.foundHazards.map((h) => (
                  <li key={h.id}>
                    <Badge tone={h.level === 'major' ? 'danger' : 'warn'}>{t(`inspections.level.${h.level}`)}</Badge> {h.description}
                    {h.deadline && <span className="muted">（{t('inspections.order.deadline')} {h.deadline}）</span>}
                  </li>
                ))}
              </ul>
            )}
            <h2 className="section-title">{t('inspections.record.orders')}</h2>
            {record.orders.length === 0 ? (
              <p className="muted">{t('inspections.record.noOrders')}</p>
            ) : (
              <ul data-testid="record-orders">
                {record.orders.map((o) => (
                  <li key={o.id}>
                    <a href={hrefFor('inspections', { order: o.id })}>{o.number}</a>
                    <span className="muted">
                      （{t('inspections.order.deadline')} {o.deadline}，{t(`inspections.orderState.${o.state as 'issued'}`)}）
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      {dialog === 'edit' && record && <RecordDialog record={record} onClose={() => setDialog(null)} onSaved={() => done(t('inspections.record.saved'))} />}
      {dialog === 'finding' && record && <FindingDialog record={record} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'order' && record && <OrderDialog record={record} onClose={() => setDialog(null)} onIssued={(order) => navigate('inspections', { order: order.id })} />}
    </div>
  );
}
