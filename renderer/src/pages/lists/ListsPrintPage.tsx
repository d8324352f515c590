import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { dateParts, todayIso } from '../../format/time.ts';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { ManagersListTable, UnitsListTable } from './ListTables.tsx';
import { PrintFrame } from '../../components/PrintFrame.tsx';
import { PrintSignLines } from '../../components/PrintSignLines.tsx';
import { loadState, useCall } from '../../components/useLoad.ts';

/**
 * The two lists as an A4 document (landscape, one list per page, table headers
 * repeated on every page). Opened with auto=1 it calls window.print() once the
 * tables are on the page: the desktop app prints or saves a PDF from there.
 */
export function ListsPrintPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const asOf = params.get('asOf') ?? todayIso();
  const auto = params.get('auto') === '1';
  const state = loadState(useCall('lists.get', { asOf }));
  const printed = useRef(false);

  useEffect(() => {
    if (state.kind !== 'ready' || !auto || printed.current) return;
    printed.current = true;
    // A reload of this address shows the document without asking to print again.
    history.replaceState(null, '', hrefFor('lists-print', { asOf }));
    // after the browser has laid the tables out
    requestAnimationFrame(() => setTimeout(() => window.print(), 0));
  }, [state, auto, asOf]);

  const date = dateParts(state.kind === 'ready' ? state.value.asOf : asOf);
  const dateText = t('lists.printDate', date);
  const madeOn = t('lists.printDate', dateParts(todayIso()));

  return (
    <PrintFrame label={t('lists.printTitle')} backHref={hrefFor('lists', { asOf })} backLabel={t('lists.backToLists')} printLabel={t('lists.print')} hint={t('lists.printHint')} state={state} pdfName={`${t('lists.title')}-${asOf}`} landscape>
      {() => (
        <>
          {state.kind === 'ready' && (
            <>
              <section className="print-sheet print-list-landscape" aria-labelledby="print-list1">
                <div className="print-authority">{state.value.titles.authority}</div>
                <h1 id="print-list1" className="print-title">
                  {state.value.titles.units}
                </h1>
                <div className="print-meta">
                  <span>{t('lists.printAsOf', { date: dateText })}</span>
                  <span>{t('lists.printUnitsCount', { count: state.value.units.length })}</span>
                </div>
                <UnitsListTable lists={state.value} units={state.value.units} print />
                <div className="print-footer">
                  <span>{t('lists.printMadeBy', { authority: state.value.titles.authority })}</span>
                  <span>{t('lists.printMadeOn', { date: madeOn })}</span>
                </div>
                <PrintSignLines />
              </section>
              <section className="print-sheet print-list-landscape print-break" aria-labelledby="print-list2">
                <div className="print-authority">{state.value.titles.authority}</div>
                <h1 id="print-list2" className="print-title">
                  {state.value.titles.managers}
                </h1>
                <div className="print-meta">
                  <span>{t('lists.printAsOf', { date: dateText })}</span>
                  <span>{t('lists.printManagersCount', { count: state.value.managers.length })}</span>
                </div>
                <ManagersListTable managers={state.value.managers} />
                <div className="print-footer">
                  <span>{t('lists.printMadeBy', { authority: state.value.titles.authority })}</span>
                  <span>{t('lists.printMadeOn', { date: madeOn })}</span>
                </div>
                <PrintSignLines />
              </section>
        </>
      )}
        </>
      )}
    </PrintFrame>
  );
}
