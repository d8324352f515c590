import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityView as CityViewData, SummarySettings } from '../../../../electron/api/schemas/summaries.ts';
import { api, errorMessage } from '../../api/client.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { useLoad } from '../../components/useLoad.ts';
import { SettingsDialog } from './SettingsDialog.tsx';
import { monthLabel, SummaryBadge } from './SummaryBadges.tsx';
import { formatDateTime } from '../../format/time.ts';

const monthCounts = [3, 6, 12, 24];

/** The bureau's table: every enrolled office × month, 按时 / 逾期 / 未报 / 已退回; a submitted cell opens the summary. */
export function CityView() {
  const { t } = useTranslation();
  const [count, setCount] = useState(6);
  const read = useCallback(() => api.call('summaries.cityView', { count }), [count]);
  const { value, error, reload } = useLoad<CityViewData>(read);
  const [settings, setSettings] = useState<SummarySettings | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const openSettings = async () => {
    try {
      setSettings(await api.call('summaries.settings', {}));
    } catch (e) {
      setFailed(errorMessage(e));
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('summaries.title')}</h1>
        <label className="sum-month">
          {t('summaries.city.months')}{' '}
          <select value={count} onChange={(e) => setCount(Number(e.target.value))}>
            {monthCounts.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void openSettings()}>
          {t('summaries.actions.settings')}
        </button>
      </div>
      <p className="muted">{t('summaries.cityIntro')}</p>
      {(error ?? failed) && (
        <div className="notice notice-error" role="alert">
          {error ?? failed}
        </div>
      )}
      {!value && !error && <div className="muted">{t('app.loading')}</div>}
      {value && value.offices.length === 0 && <div className="notice notice-info">{t('summaries.city.noOffices')}</div>}
      {value && value.offices.length > 0 && (
        <section className="panel">
          <div className="sum-scroll">
            <table className="sum-table sum-city" data-testid="summary-city">
              <thead>
                <tr>
                  <th>{t('summaries.city.office')}</th>
                  {value.months.map((m) => (
                    <th key={m}>{monthLabel(m)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {value.offices.map((o) => (
                  <tr key={o.nodeId} data-office={o.nodeName}>
                    <th>{o.nodeName}</th>
                    {o.cells.map((c) => {
                      const badge = <SummaryBadge status={c.status} timeliness={c.timeliness} />;
                      const openable = c.summaryId !== null && c.status !== 'draft' && c.status !== 'not_expected';
                      return (
                        <td key={c.month} data-month={c.month} title={[c.submittedAt && c.receivedAt ? t('summaries.cellTimes', { submitted: formatDateTime(c.submittedAt), received: formatDateTime(c.receivedAt) }) : null, c.latestReview?.comment].filter(Boolean).join('\n') || undefined}>
                          {openable ? (
                            <a href={hrefFor('summaries', { office: o.nodeId, month: c.month })} aria-label={t('summaries.city.open', { office: o.nodeName, month: monthLabel(c.month) })}>
                              {badge}
                            </a>
                          ) : (
                            badge
                          )}
                          {c.status === 'received' && <span className="muted sum-small"> {t('summaries.reviews.receive')}</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted sum-small">{t('summaries.city.legend')}</p>
        </section>
      )}
      {settings && (
        <SettingsDialog
          settings={settings}
          onClose={() => setSettings(null)}
          onSaved={() => {
            setSettings(null);
            void reload();
          }}
        />
      )}
    </div>
  );
}
