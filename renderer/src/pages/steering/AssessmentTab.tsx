import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentCell, IndicatorKey } from '../../../../electron/api/schemas/steering.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useLoad } from '../../components/useLoad.ts';
import { saveFile } from '../../files/download.ts';
import { todayIso } from '../../format/time.ts';
import { navigate } from '../../router/hash-router.ts';
import { monthLabel } from '../summaries/SummaryBadges.tsx';
import { EvidenceDialog } from './EvidenceDialog.tsx';

function ScoreButton({ cell, district, label, onOpen }: { cell: AssessmentCell; district: string; label: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const text = cell.noData ? t('steering.assessment.noData') : cell.score === null ? t('steering.assessment.notApplicable') : cell.score.toFixed(1);
  return (
    <button
      type="button"
      className={`steering-score${cell.score === null ? ' steering-score-na' : ''}`}
      title={cell.value}
      aria-label={t('steering.assessment.openEvidence', { district, indicator: label, value: cell.value })}
      onClick={onOpen}
      disabled={cell.noData}
    >
      {text}
    </button>
  );
}

/** The month's scores per district and indicator; a score opens its evidence; 导出 Excel in the official layout. */
export function AssessmentTab({ month: asked }: { month: string | null }) {
  const { t } = useTranslation();
  const month = asked && /^\d{4}-\d{2}$/.test(asked) ? asked : todayIso().slice(0, 7);
  const read = useCallback(() => api.call('steering.assessment', { month }), [month]);
  const { value, error } = useLoad<Assessment>(read);
  const [open, setOpen] = useState<{ districtId: string; indicator: IndicatorKey } | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const exportXlsx = async () => {
    try {
      const file = await api.call('steering.exportAssessment', { month });
      saveFile(file);
      setStatus({ tone: 'ok', text: t('steering.assessment.exported', { file: file.fileName }) });
    } catch (e) {
      setStatus({ tone: 'error', text: errorMessage(e) });
    }
  };

  const columns = value?.indicators ?? [];
  return (
    <section className="panel" aria-labelledby="steering-assessment-title">
      <div className="steering-toolbar">
        <label>
          {t('steering.assessment.month')}{' '}
          <input type="month" value={month} max={todayIso().slice(0, 7)} onChange={(e) => e.target.value && navigate('steering', { tab: 'assessment', month: e.target.value })} />
        </label>
        <button type="button" className="button" onClick={() => void exportXlsx()} disabled={!value}>
          {t('steering.assessment.export')}
        </button>
      </div>
      {status && (
        <div className={`notice ${status.tone === 'ok' ? 'notice-ok' : 'notice-error'}`} role={status.tone === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {!value && !error && <div className="muted">{t('app.loading')}</div>}
      {value && (
        <>
          <h2 id="steering-assessment-title" className="section-title">
            {t('steering.assessment.asOf', { month: monthLabel(value.month), date: value.asOf, version: value.rulesVersion })}
          </h2>
          <div className="steering-scroll">
            <table className="data-table steering-table" data-testid="steering-assessment">
              <thead>
                <tr>
                  <th className="num">{t('steering.assessment.rank')}</th>
                  <th>{t('steering.assessment.district')}</th>
                  {columns.map((i) => (
                    <th key={i.key} className="num steering-indicator" title={i.rule}>
                      {i.label}
                      <div className="muted steering-small">{t('steering.assessment.weight', { weight: i.weight })}</div>
                    </th>
                  ))}
                  <th className="num">{t('steering.assessment.total')}</th>
                  <th className="num">{t('steering.assessment.maxScore')}</th>
                  <th className="num">{t('steering.assessment.normalized')}</th>
                </tr>
              </thead>
              <tbody>
                {value.rows.map((r) =>
                  r.status === 'not_assessed' ? (
                    <tr key={r.districtId} data-district={r.districtName} className="steering-unassessed">
                      <td className="num">—</td>
                      <th scope="row">{r.districtName}</th>
                      <td colSpan={columns.length + 3}>{t('steering.assessment.notAssessed')}</td>
                    </tr>
                  ) : (
                    <tr key={r.districtId} data-district={r.districtName}>
                      <td className="num">{r.rank ?? '—'}</td>
                      <th scope="row">{r.districtName}</th>
                      {columns.map((i) => {
                        const cell = r.cells.find((c) => c.key === i.key)!;
                        return (
                          <td key={i.key} className="num" data-indicator={i.key}>
                            <ScoreButton cell={cell} district={r.districtName} label={i.label} onOpen={() => setOpen({ districtId: r.districtId, indicator: i.key })} />
                          </td>
                        );
                      })}
                      <td className="num" data-col="total">{r.total?.toFixed(1) ?? '—'}</td>
                      <td className="num">{r.maxScore ?? '—'}</td>
                      <td className="num" data-col="normalized">{r.normalized?.toFixed(1) ?? '—'}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
          <p className="muted steering-small">{t('steering.assessment.legend')}</p>
        </>
      )}
      {open && <EvidenceDialog month={month} districtId={open.districtId} indicator={open.indicator} onClose={() => setOpen(null)} />}
    </section>
  );
}
