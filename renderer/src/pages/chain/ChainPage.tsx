import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainRoster, Inspector } from '../../../../electron/api/schemas/blocks.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Badge } from '../../components/Badge.tsx';
import { saveFile } from '../../files/download.ts';
import { hrefFor, navigate, useRouteParams } from '../../router/hash-router.ts';
import { InspectorDialog } from './InspectorDialog.tsx';
import { InspectorsTable } from './InspectorsTable.tsx';
import { RosterTable } from './RosterTable.tsx';
import { ChainTabs } from './work/ChainTabs.tsx';
import { ChainWorkView } from './work/ChainWorkView.tsx';
import './chain.css';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; roster: ChainRoster; inspectors: Inspector[] };

/** 工作联系（链）: the roster (default), the safety managers' 问题反馈 (?view=feedback) or the supervisors' work (?view=supervisors). */
export function ChainPage() {
  const view = useRouteParams().get('view');
  if (view === 'feedback' || view === 'supervisors') return <ChainWorkView view={view} />;
  return <RosterView />;
}

/** The district's inspectors, what the chain lacks, and the roster per block; export and print. */
function RosterView() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const canEdit = node.role === 'district' && Boolean(node.districtId);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [dialog, setDialog] = useState<{ inspector: Inspector | null } | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async () => {
    try {
      const [roster, inspectors] = await Promise.all([api.call('chain.roster', {}), api.call('inspectors.list', { includeInactive: true })]);
      setState({ kind: 'ready', roster, inspectors });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      // the contact sheet as a file: managers' phones in full (see the README), audited by the core
      const file = await api.call('chain.exportXlsx', { contactSheet: true });
      await saveFile(file);
      setStatus({ tone: 'ok', text: t('chain.exported', { fileName: file.fileName }) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  };

  const toggleActive = async (i: Inspector) => {
    try {
      const saved = await api.call('inspectors.save', { id: i.id, version: i.version, name: i.name, enforcementNo: i.enforcementNo, phone: i.phone, active: !i.active });
      setStatus({ tone: 'ok', text: t('chain.inspectorSaved', { name: saved.name }) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
    void load();
  };

  const ready = state.kind === 'ready' ? state : null;

  return (
    <section className="page chain-page" aria-labelledby="chain-title">
      <div className="page-header">
        <h1 id="chain-title" className="page-title">
          {t('chain.title')}
        </h1>
        {status && (
          <div className={`status status-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="chain-status">
            {status.text}
          </div>
        )}
      </div>
      <ChainTabs current="roster" />
      <p className="muted">{t('chain.intro')}</p>
      <p className="muted" data-testid="chain-contact-note">
        {t('chain.contactNote')}
      </p>
      <div className="toolbar" role="toolbar" aria-label={t('chain.title')}>
        <span className="toolbar-spacer" />
        <button type="button" className="button" onClick={() => void exportXlsx()} disabled={!ready || exporting}>
          {exporting ? t('chain.exporting') : t('chain.export')}
        </button>
        <button type="button" className="button button-primary" onClick={() => navigate('chain-print', { auto: '1' })} disabled={!ready || ready.roster.blocks.length === 0}>
          {t('chain.print')}
        </button>
      </div>
      {state.kind === 'loading' && <div className="muted">{t('app.loading')}</div>}
      {state.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          {state.message}
        </div>
      )}
      {ready && (
        <>
          <section className="panel" aria-labelledby="inspectors-title">
            <div className="panel-head">
              <h2 id="inspectors-title" className="section-title">
                {t('chain.inspectors')}
              </h2>
              {canEdit ? (
                <button type="button" className="button" onClick={() => setDialog({ inspector: null })}>
                  {t('chain.addInspector')}
                </button>
              ) : (
                <span className="muted">{t('chain.readOnly')}</span>
              )}
            </div>
            {ready.inspectors.length === 0 ? (
              <p className="muted">{t('chain.inspectorsEmpty')}</p>
            ) : (
              <InspectorsTable inspectors={ready.inspectors} onEdit={(i) => setDialog({ inspector: i })} onToggleActive={(i) => void toggleActive(i)} />
            )}
          </section>
          <section className="panel" aria-labelledby="chain-problems-title">
            <h2 id="chain-problems-title" className="section-title">
              {t('chain.problems')}
            </h2>
            {ready.roster.problems.length === 0 ? (
              <p className="muted">{t('chain.noProblems')}</p>
            ) : (
              <ul className="chain-problems" data-testid="chain-problems">
                {ready.roster.problems.map((p, i) => (
                  <li key={i} data-problem={p.code}>
                    <Badge tone={p.code === 'certificate-expiring' ? 'warn' : 'danger'}>{t(`chain.problem.${p.code}`)}</Badge>
                    <a href={hrefFor('blocks')}>{p.blockName}</a>
                    <span>{p.message}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="roster-title" data-testid="chain-roster">
            <h2 id="roster-title" className="section-title">
              {t('chain.roster')}
            </h2>
            {ready.roster.blocks.length === 0 && <p className="muted">{t('chain.rosterEmpty')}</p>}
            {ready.roster.blocks.map((block) => (
              <article key={block.blockId} className="roster-block" aria-labelledby={`roster-${block.blockId}`} data-testid="roster-block">
                <header className="roster-block-head">
                  <h3 id={`roster-${block.blockId}`} className="roster-block-title">
                    {block.name}
                  </h3>
                  {block.schedule && <span className="muted">{t('chain.schedule', { schedule: block.schedule })}</span>}
                </header>
                <div className="roster-inspectors" data-testid="roster-inspectors">
                  <span className="field-label">{t('chain.inspectors')}：</span>
                  {block.inspectors.length === 0 ? (
                    <span className="text-danger">{t('chain.noInspector')}</span>
                  ) : (
                    block.inspectors.map((i) => (
                      <span key={i.inspectorId} className="roster-person">
                        {i.name}
                        {i.enforcementNo && <span className="muted mono">（{i.enforcementNo}）</span>}
                        {i.phone && <span className="mono"> {i.phone}</span>}
                      </span>
                    ))
                  )}
                </div>
                <RosterTable block={block} />
              </article>
            ))}
          </section>
        </>
      )}
      {dialog && (
        <InspectorDialog
          inspector={dialog.inspector}
          onClose={() => setDialog(null)}
          onSaved={(i) => {
            setDialog(null);
            setStatus({ tone: 'ok', text: t('chain.inspectorSaved', { name: i.name }) });
            void load();
          }}
        />
      )}
    </section>
  );
}
