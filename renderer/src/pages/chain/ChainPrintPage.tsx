import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { dateParts, todayIso } from '../../format/time.ts';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { RosterTable } from './RosterTable.tsx';
import { PrintFrame } from '../../components/PrintFrame.tsx';
import { PrintSignLines } from '../../components/PrintSignLines.tsx';
import { loadState, useCall } from '../../components/useLoad.ts';
import '../blocks/blocks.css';
import './chain.css';

/**
 * The chain roster as A4 contact sheets, one block per page (portrait): the block,
 * its lead, schedule, inspectors, member units with their safety managers (ID numbers
 * masked, phones in full: the sheet is for calling them) and supervisors, a 合计 row and
 * the lines to sign. Opened with auto=1 it calls window.print() once laid out.
 */
export function ChainPrintPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const auto = params.get('auto') === '1';
  // the contact sheet: managers' phones in full (audited by the core), to call them
  const state = loadState(useCall('chain.roster', { contactSheet: true }));
  const printed = useRef(false);

  useEffect(() => {
    if (state.kind !== 'ready' || !auto || printed.current) return;
    printed.current = true;
    history.replaceState(null, '', hrefFor('chain-print'));
    requestAnimationFrame(() => setTimeout(() => window.print(), 0));
  }, [state, auto]);

  const madeOn = t('lists.printDate', dateParts(todayIso()));

  return (
    <PrintFrame label={t('chain.printTitle')} backHref={hrefFor('chain')} backLabel={t('chain.backToChain')} printLabel={t('lists.print')} hint={t('chain.printHint')} state={state} className="chain-print">
      {() => (
        <>
          {state.kind === 'ready' &&
            state.value.blocks.map((block, index) => (
              <section key={block.blockId} className={`print-sheet chain-sheet print-list-portrait${index > 0 ? ' print-break' : ''}`} aria-labelledby={`sheet-${block.blockId}`}>
                <div className="print-authority">{state.value.authority}</div>
                <h1 id={`sheet-${block.blockId}`} className="print-title">
                  {t('chain.printTitle')}
                </h1>
                <div className="print-meta">
                  <span>{t('chain.printBlock', { name: block.name })}</span>
                  <span>{t('chain.printLead', { name: block.leadUnitName ?? t('chain.printNone') })}</span>
                  <span>{t('chain.printSchedule', { schedule: block.schedule ?? t('chain.printNone') })}</span>
                </div>
                <h2 className="chain-sheet-heading">{t('chain.printInspectors')}</h2>
                <table className="list-table">
                  <thead>
                    <tr>
                      <th>{t('chain.col.name')}</th>
                      <th>{t('chain.col.enforcementNo')}</th>
                      <th>{t('chain.col.phone')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {block.inspectors.length === 0 && (
                      <tr>
                        <td colSpan={3}>{t('chain.noInspector')}</td>
                      </tr>
                    )}
                    {block.inspectors.map((i) => (
                      <tr key={i.inspectorId}>
                        <td>{i.name}</td>
                        <td>{i.enforcementNo}</td>
                        <td>{i.phone}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <h2 className="chain-sheet-heading">{t('chain.printUnits')}</h2>
                <RosterTable block={block} />
                <p className="chain-sheet-supervisors">
                  {t('chain.printSupervisors', { names: block.supervisors.map((s) => `${s.name}（${s.unitName}）`).join('、') || t('chain.printNone') })}
                </p>
                <div className="print-footer">
                  <span>{t('chain.printMadeBy', { authority: state.value.authority })}</span>
                  <span>{t('chain.printMadeOn', { date: madeOn })}</span>
                </div>
                <PrintSignLines />
              </section>
            ))}
        </>
      )}
    </PrintFrame>
  );
}
