import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptanceDetail } from '../../../../electron/api/schemas/acceptance.ts';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { PrintFrame } from '../../components/PrintFrame.tsx';
import { loadState, useCall } from '../../components/useLoad.ts';
import '../../styles/lists.css';
import './acceptance.css';

/**
 * The acceptance record (A4 portrait: the unit, every item with its result and
 * evidence, signature and seal areas) or the plaque certificate, as a document to
 * print or save as PDF from the print dialog. With auto=1 it prints once laid out.
 */
export function AcceptancePrintPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const id = params.get('id') ?? '';
  const kind = params.get('kind') === 'certificate' ? 'certificate' : 'record';
  const auto = params.get('auto') === '1';
  const state = loadState(useCall('acceptance.get', { id }));
  const printed = useRef(false);

  useEffect(() => {
    if (state.kind !== 'ready' || !auto || printed.current) return;
    printed.current = true;
    history.replaceState(null, '', hrefFor('acceptance-print', { id, kind }));
    requestAnimationFrame(() => setTimeout(() => window.print(), 0));
  }, [state, auto, id, kind]);

  return (
    <PrintFrame label={t('acceptance.print.recordTitle')} pdfName={kind === 'record' ? t('acceptance.print.recordTitle') : t('host.pdf.plaqueName')} backHref={hrefFor('acceptance', { id })} backLabel={t('acceptance.print.back')} printLabel={t('acceptance.print.print')} hint={t('acceptance.print.hint')} state={state}>
      {() => (
        <>
          {state.kind === 'ready' && (kind === 'record' ? <Record file={state.value} /> : <Certificate file={state.value} />)}
        </>
      )}
    </PrintFrame>
  );
}

/** How many items are 符合 / 不符合 / 不适用, and how many have no result yet. */
function resultCounts(file: AcceptanceDetail): { pass: number; fail: number; na: number; open: number } {
  const counts = { pass: 0, fail: 0, na: 0, open: 0 };
  for (const item of file.areas.flatMap((a) => a.items)) counts[item.result ?? 'open']++;
  return counts;
}

function Record({ file }: { file: AcceptanceDetail }) {
  const { t } = useTranslation();
  const pass = [...file.decisions].reverse().find((d) => d.outcome === 'pass');
  const conclusion = file.state === 'passed' ? t('acceptance.outcome.pass') : file.state === 'returned' ? t('acceptance.outcome.return') : t('acceptance.print.pending');
  let n = 0;
  return (
    <section className="acc-sheet print-list-portrait" aria-labelledby="acc-record-title">
      <div className="print-authority">{t('acceptance.print.authority')}</div>
      <h1 id="acc-record-title" className="print-title">
        {t('acceptance.print.recordTitle')}
      </h1>
      <table className="data-table">
        <tbody>
          <tr>
            <th>{t('acceptance.print.unit')}</th>
            <td colSpan={3}>{file.unitName}</td>
          </tr>
          <tr>
            <th>{t('acceptance.file.uscc')}</th>
            <td>{file.uscc}</td>
            <th>{t('acceptance.print.address')}</th>
            <td>{file.unitAddress ?? ''}</td>
          </tr>
          <tr>
            <th>{t('acceptance.print.district')}</th>
            <td>{file.districtName}</td>
            <th>{t('acceptance.print.phase')}</th>
            <td>{t(`acceptance.phase.${file.phase}`)}</td>
          </tr>
          <tr>
            <th>{t('acceptance.print.inspector')}</th>
            <td>{file.inspectorName ?? ''}</td>
            <th>{t('acceptance.print.checklist')}</th>
            <td>{file.checklistTitle}</td>
          </tr>
        </tbody>
      </table>
      <table className="data-table" style={{ marginTop: 8 }} data-testid="record-items">
        <thead>
          <tr>
            <th style={{ width: '6%' }}>{t('acceptance.print.no')}</th>
            <th>{t('acceptance.print.item')}</th>
            <th style={{ width: '8%' }}>{t('acceptance.print.result')}</th>
            <th style={{ width: '24%' }}>{t('acceptance.print.system')}</th>
            <th style={{ width: '17%' }}>{t('acceptance.print.evidence')}</th>
            <th style={{ width: '19%' }}>{t('acceptance.print.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {file.areas.map((area) => [
            <tr key={`a-${area.code}`}>
              <th colSpan={6}>
                {area.code}、{area.title}
              </th>
            </tr>,
            ...area.items.map((item) => {
              n++;
              return (
                <tr key={item.id}>
                  <td>{item.code}</td>
                  <td>
                    {item.title}
                    {item.veto ? '（一票否决）' : ''}
                  </td>
                  <td>{item.result ? t(`acceptance.result.${item.result}`) : ''}</td>
                  <td data-testid={`record-system-${item.code}`}>
                    {item.prefill && `${item.prefill.outcome === 'fail' ? `${t('acceptance.result.fail')}：` : ''}${item.prefill.summary}`}
                    {item.contradiction && (
                      <div className="acc-print-against">
                        {item.prefill?.summary === item.contradiction.finding ? '' : `${item.contradiction.finding}；`}
                        {t('acceptance.print.against', { reason: item.contradiction.reason ?? t('acceptance.file.noReason') })}
                      </div>
                    )}
                  </td>
                  <td>{item.evidence.map((e) => e.fileName).join('、')}</td>
                  <td>{[item.reason, item.comment].filter(Boolean).join('；')}</td>
                </tr>
              );
            }),
          ])}
        </tbody>
      </table>
      <table className="data-table" style={{ marginTop: 8 }}>
        <tbody>
          <tr>
            <th style={{ width: '18%' }}>{t('acceptance.print.conclusion')}</th>
            <td>{conclusion}</td>
            <th style={{ width: '14%' }}>{t('acceptance.print.plaque')}</th>
            <td>{pass?.plaqueNo ?? ''}</td>
          </tr>
          <tr>
            <th>{t('acceptance.print.decidedOn')}</th>
            <td>{pass?.decidedOn ?? ''}</td>
            <th>{t('acceptance.decide.comments')}</th>
            <td>{pass?.comments ?? ''}</td>
          </tr>
          {pass && pass.acknowledged.length > 0 && (
            <tr data-testid="record-acknowledged">
              <th>{t('acceptance.print.acknowledged')}</th>
              <td colSpan={3}>{pass.acknowledged.map((c) => `${c.code} ${c.title}（${c.finding}；${c.reason ?? t('acceptance.file.noReason')}）`).join('；')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="acc-sign">
        {(['signUnit', 'signDistrict', 'signCity'] as const).map((k) => (
          <div key={k} className="acc-sign-box">
            <span>{t(`acceptance.print.${k}`)}</span>
            <span className="acc-seal">{t('acceptance.print.seal')}</span>
            <span className="acc-seal">{t('acceptance.print.date')}</span>
          </div>
        ))}
      </div>
      <div className="print-footer acc-small print-total" data-testid="record-total">
        <span>{t('acceptance.print.total', { count: n, ...resultCounts(file) })}</span>
      </div>
    </section>
  );
}

function Certificate({ file }: { file: AcceptanceDetail }) {
  const { t } = useTranslation();
  if (file.state !== 'passed' || !file.plaqueNo) {
    return (
      <div className="notice notice-error print-status" role="alert">
        {t('acceptance.print.notPassed')}
      </div>
    );
  }
  const [y, m, d] = (file.passedOn ?? '').split('-');
  return (
    <section className="acc-sheet acc-certificate" aria-labelledby="acc-cert-title">
      <div className="acc-certificate-no">{file.plaqueNo}</div>
      <h1 id="acc-cert-title" className="acc-certificate-title">
        {t('acceptance.print.certificateTitle')}
      </h1>
      <p className="acc-certificate-body">{t('acceptance.print.certificateBody', { unit: file.unitName })}</p>
      <div style={{ textAlign: 'right', fontSize: '14pt', lineHeight: 2 }}>
        <div>{t('acceptance.print.authority')}</div>
        <div>{y && `${y}年${Number(m)}月${Number(d)}日`}</div>
        <div className="acc-seal">{t('acceptance.print.seal')}</div>
      </div>
    </section>
  );
}
