import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoLists } from '../../../../electron/api/schemas/lists.ts';
import { api, errorMessage } from '../../api/client.ts';
import { saveFile } from '../../files/download.ts';
import { todayIso } from '../../format/time.ts';
import { navigate, useRouteParams } from '../../router/hash-router.ts';
import { ManagersListTable, UnitsListTable } from './ListTables.tsx';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; lists: TwoLists };

/** 两项清单 on a chosen date: list 1 (units), list 2 (their valid A-certificate managers); export and print. */
export function ListsPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const [asOf, setAsOf] = useState(() => params.get('asOf') ?? todayIso());
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [onlyMissing, setOnlyMissing] = useState(params.get('focus') === 'without-manager');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf);

  const load = useCallback(async (date: string) => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', lists: await api.call('lists.get', { asOf: date }) });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    if (validDate) void load(asOf);
  }, [asOf, validDate, load]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const file = await api.call('lists.exportXlsx', { asOf });
      await saveFile(file);
      setStatus({ tone: 'ok', text: t('grid.exported', { fileName: file.fileName }) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  };

  const lists = state.kind === 'ready' ? state.lists : null;
  const missing = lists ? lists.units.filter((u) => u.managerCount === 0).length : 0;
  const shownUnits = lists ? (onlyMissing ? lists.units.filter((u) => u.managerCount === 0) : lists.units) : [];

  return (
    <section className="page lists-page" aria-labelledby="lists-title">
      <div className="page-header">
        <h1 id="lists-title" className="page-title">
          {t('lists.title')}
        </h1>
        {status && (
          <div className={`status status-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="lists-status">
            {status.text}
          </div>
        )}
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('lists.title')}>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('lists.asOf')}</span>
          <input type="date" value={asOf} required onChange={(e) => setAsOf(e.target.value)} aria-invalid={!validDate} />
        </label>
        <button type="button" className="button" onClick={() => setAsOf(todayIso())}>
          {t('lists.today')}
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="button" onClick={() => void exportXlsx()} disabled={!lists || exporting}>
          {exporting ? t('grid.exporting') : t('grid.export')}
        </button>
        <button type="button" className="button button-primary" onClick={() => navigate('lists-print', { asOf, auto: '1' })} disabled={!lists}>
          {t('lists.print')}
        </button>
      </div>
      {state.kind === 'loading' && <div className="muted">{t('app.loading')}</div>}
      {state.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          {state.message}
        </div>
      )}
      {lists && (
        <>
          <div className="panel lists-head">
            <div className="lists-authority">{lists.titles.authority}</div>
            <div className="lists-summary" data-testid="lists-summary">
              {t('lists.summary', { units: lists.units.length, managers: lists.managers.length, date: lists.asOf })}
            </div>
            {lists.countsByKind.length > 0 && (
              <table className="kind-table" data-testid="kind-counts">
                <tbody>
                  <tr>
                    <th>{t('lists.byKindHeading')}</th>
                    {lists.countsByKind.map((k) => (
                      <td key={k.kindCode}>
                        {k.kindName} <strong>{k.count}</strong>
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            )}
          </div>
          {missing > 0 && (
            <div className="notice notice-error lists-missing" role="status" data-testid="lists-missing">
              <span>{t('lists.missingNotice', { count: missing })}</span>
              <label className="checkbox">
                <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />
                {t('lists.onlyMissing')}
              </label>
            </div>
          )}
          <section className="panel" aria-labelledby="list1-title">
            <h2 id="list1-title" className="section-title">
              {t('lists.list1Heading', { title: lists.titles.units, count: lists.units.length })}
            </h2>
            {lists.units.length === 0 ? <p className="muted">{t('lists.list1Empty', { threshold: lists.threshold })}</p> : <UnitsListTable lists={lists} units={shownUnits} />}
          </section>
          <section className="panel" aria-labelledby="list2-title">
            <h2 id="list2-title" className="section-title">
              {t('lists.list2Heading', { title: lists.titles.managers, count: lists.managers.length })}
            </h2>
            {lists.managers.length === 0 ? <p className="muted">{t('lists.list2Empty')}</p> : <ManagersListTable managers={lists.managers} />}
          </section>
        </>
      )}
    </section>
  );
}
