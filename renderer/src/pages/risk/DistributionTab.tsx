import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { riskLevelOrder } from './RiskBadge.tsx';
import { RiskLevelCards, RiskMonthsChart } from './RiskCharts.tsx';

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** The units by level now (cards that open the grid), the months as a chart and a table with the change from the month before. */
export function DistributionTab() {
  const { t } = useTranslation();
  const { node, districts } = useAppContext();
  const [districtId, setDistrictId] = useState('');
  const read = useCallback(() => api.call('risk.distribution', districtId ? { districtId } : {}), [districtId]);
  const { value, error, reload } = useLoad(read);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  const rescore = async () => {
    setBusy(true);
    try {
      const out = await api.call('risk.refresh', { full: true });
      setStatus({ tone: 'ok', text: t('risk.page.rescored', { units: out.units, ms: Math.round(out.ms) }) });
      await reload();
    } catch (e) {
      setStatus({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="risk-distribution">
      <div className="risk-toolbar">
        {node.role === 'bureau' && (
          <label className="toolbar-field">
            <span className="toolbar-label">{t('units.districtFilter')}</span>
            <select value={districtId} onChange={(e) => setDistrictId(e.target.value)} data-testid="risk-district">
              <option value="">{t('units.allDistricts')}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {value && <span className="muted">{t('risk.page.asOf', { date: value.asOf, version: value.ruleVersion })}</span>}
        <button type="button" className="button" onClick={() => void rescore()} disabled={busy}>
          {t('risk.page.rescore')}
        </button>
      </div>
      <StatusNotice status={status} />
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {value && (
        <>
          <RiskLevelCards distribution={value} />
          <h2 className="section-title">{t('risk.page.monthsTitle')}</h2>
          <RiskMonthsChart distribution={value} testId="risk-months-chart" />
          {value.months.length > 0 && (
            <table className="list-table" data-testid="risk-months">
              <thead>
                <tr>
                  <th>{t('risk.page.month')}</th>
                  {riskLevelOrder.map((level) => (
                    <th key={level} className="num">
                      {t(`risk.level.${level}`)}
                    </th>
                  ))}
                  <th>{t('risk.page.change')}</th>
                </tr>
              </thead>
              <tbody>
                {value.months.map((m, i) => {
                  const before = value.months[i - 1];
                  return (
                    <tr key={m.month}>
                      <td>{m.month}</td>
                      {riskLevelOrder.map((level) => (
                        <td key={level} className="num">
                          {m[level]}
                        </td>
                      ))}
                      <td>{before ? riskLevelOrder.map((level) => `${t(`risk.level.${level}`)} ${signed(m[level] - before[level])}`).join('，') : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
