import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Modal } from '../../components/Modal.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { RiskBadge } from './RiskBadge.tsx';

/** A unit's score line by line, with the rule version it was computed with and that version's bands. */
export function RiskDetailDialog({ unitId, unitName, onClose }: { unitId: string; unitName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const readRisk = useCallback(() => api.call('risk.unit', { unitId }), [unitId]);
  const risk = useLoad(readRisk);
  const version = risk.value?.ruleVersion;
  const readRule = useCallback(() => (version ? api.call('risk.ruleVersions', {}).then((all) => all.find((r) => r.version === version) ?? null) : Promise.resolve(null)), [version]);
  const rule = useLoad(readRule);
  const r = risk.value;
  return (
    <Modal title={t('risk.detail.title', { name: unitName })} onClose={onClose} size="large">
      {risk.error && (
        <div className="notice notice-error" role="alert">
          {risk.error}
        </div>
      )}
      {r && (
        <div className="risk-detail" data-testid="risk-detail">
          <dl className="risk-facts">
            <dt>{t('risk.detail.level')}</dt>
            <dd data-testid="risk-detail-level">
              <RiskBadge level={r.level} />
            </dd>
            <dt>{t('risk.detail.score')}</dt>
            <dd data-testid="risk-detail-score">{r.score}</dd>
            <dt>{t('risk.detail.rule')}</dt>
            <dd data-testid="risk-detail-version">{t('risk.detail.ruleVersion', { version: r.ruleVersion })}</dd>
            <dt>{t('risk.detail.asOf')}</dt>
            <dd>{r.asOf}</dd>
          </dl>
          <table className="list-table risk-breakdown" data-testid="risk-breakdown">
            <thead>
              <tr>
                <th>{t('risk.detail.factor')}</th>
                <th>{t('risk.detail.fact')}</th>
                <th className="num">{t('risk.detail.points')}</th>
              </tr>
            </thead>
            <tbody>
              {r.breakdown.map((line) => (
                <tr key={line.code} className={line.points === 0 ? 'muted' : undefined}>
                  <td>{line.factor}</td>
                  <td>{line.fact}</td>
                  <td className="num">{line.points > 0 ? `+${line.points}` : line.points}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={2}>{t('risk.detail.total')}</th>
                <th className="num">{r.score}</th>
              </tr>
            </tfoot>
          </table>
          {rule.value && <p className="muted">{t('risk.detail.bands', rule.value.rule.thresholds)}</p>}
        </div>
      )}
      <div className="form-actions">
        <a className="button" href={hrefFor('risk', { tab: 'rule', version: version ? String(version) : undefined })} onClick={onClose}>
          {t('risk.detail.openRule')}
        </a>
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('risk.detail.close')}
        </button>
      </div>
    </Modal>
  );
}
