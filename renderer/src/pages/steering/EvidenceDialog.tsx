import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence, EvidenceRow, IndicatorKey } from '../../../../electron/api/schemas/steering.ts';
import { api } from '../../api/client.ts';
import { Modal } from '../../components/Modal.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { monthLabel } from '../summaries/SummaryBadges.tsx';

/** Where a fact opens: the hazard, the acceptance file, the office's summary of the month, a unit's overdue equipment. */
function hrefOf(ref: NonNullable<EvidenceRow['ref']>): string {
  switch (ref.kind) {
    case 'hazard':
      return hrefFor('hazards', { id: ref.id });
    case 'acceptance':
      return hrefFor('acceptance', { id: ref.id });
    case 'summary':
      return hrefFor('summaries', { office: ref.id, month: ref.month });
    case 'unit':
    case 'equipment':
      return hrefFor('equipment', { unitId: ref.id, inspection: 'overdue' });
  }
}

/** The facts behind one score: what was counted for it (ok) and against it (bad), each opening its record. */
export function EvidenceDialog({ month, districtId, indicator, onClose }: { month: string; districtId: string; indicator: IndicatorKey; onClose: () => void }) {
  const { t } = useTranslation();
  const read = useCallback(() => api.call('steering.evidence', { month, districtId, indicator }), [month, districtId, indicator]);
  const { value, error } = useLoad<Evidence>(read);
  const title = value ? t('steering.evidence.title', { district: value.districtName, month: monthLabel(month), indicator: value.indicator.label }) : t('app.loading');
  return (
    <Modal title={title} onClose={onClose} size="large">
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {value && (
        <div className="form-stack" data-testid="steering-evidence">
          <p>
            <strong>{value.cell.value}</strong>{' '}
            <span className="muted">
              {value.cell.score === null ? t('steering.evidence.scoreNone', { weight: value.cell.weight }) : t('steering.evidence.score', { score: value.cell.score.toFixed(1), weight: value.cell.weight })}
            </span>
          </p>
          <p className="muted steering-small">{t('steering.evidence.rule', { rule: value.indicator.rule })}</p>
          {value.rows.length === 0 ? (
            <p className="muted">{t('steering.evidence.none')}</p>
          ) : (
            <div className="steering-scroll">
              <table className="data-table steering-evidence">
                <thead>
                  <tr>
                    {value.columns.map((c) => (
                      <th key={c}>{c}</th>
                    ))}
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {value.rows.map((r, i) => (
                    <tr key={i} className={r.tone ? `tone-${r.tone}` : undefined}>
                      {r.cells.map((c, k) => (
                        <td key={k}>{c}</td>
                      ))}
                      <td>{r.ref && <a href={hrefOf(r.ref)}>{t('steering.evidence.open')}</a>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {value.total > value.rows.length && <p className="muted">{t('steering.evidence.more', { total: value.total, shown: value.rows.length })}</p>}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('steering.evidence.close')}
        </button>
      </div>
    </Modal>
  );
}
