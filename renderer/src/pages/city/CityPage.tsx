import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { formatDateTime } from '../../format/time.ts';
import { keysHref } from '../bundles/keys-link.ts';
import { CityGrid } from './CityGrid.tsx';
import type { CityOffice, CityOverview } from './city-status.ts';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; overview: CityOverview };

/**
 * 全市概况 (bureau): per enrolled office its latest bundle and the rows it owns here;
 * first, which offices have not reported lately (the core's rule) or whose key is revoked.
 * The units, equipment and lists pages already show every office's rows.
 */
export function CityPage() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', overview: await api.call('city.overview', {}) });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);

  // only the bureau holds the offices' bundles (the call is the bureau's in the contract)
  const isBureau = node.role === 'bureau';
  useEffect(() => {
    if (isBureau) void load();
  }, [load, isBureau]);

  const join = (offices: CityOffice[]) => offices.map((o) => o.nodeName).join(t('city.nameSeparator'));
  return (
    <section className="page city-page" aria-labelledby="city-title">
      <div className="page-header">
        <h1 id="city-title" className="page-title">
          {t('city.title')}
        </h1>
        <a href={hrefFor('bundles')}>{t('city.bundlesLink')}</a>
        <a href={hrefFor('steering')}>{t('city.steeringLink')}</a>
      </div>
      {node.role !== 'bureau' && (
        <div className="notice notice-info" role="status">
          {t('city.bureauOnly')}
        </div>
      )}
      {isBureau && state.kind === 'loading' && <div className="muted">{t('app.loading')}</div>}
      {state.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          {state.message}{' '}
          <button type="button" className="button" onClick={() => void load()}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {state.kind === 'ready' && state.overview.offices.length === 0 && (
        <div className="notice notice-info" role="status">
          {t('city.none')} <a href={keysHref}>{t('bundles.attention.keysLink')}</a>
        </div>
      )}
      {state.kind === 'ready' && state.overview.offices.length > 0 && <CityBody overview={state.overview} join={join} />}
    </section>
  );
}

function CityBody({ overview, join }: { overview: CityOverview; join: (offices: CityOffice[]) => string }) {
  const { t } = useTranslation();
  const { offices, staleDays } = overview;
  const live = offices.filter((o) => !o.keyRevoked);
  const stale = live.filter((o) => o.reporting === 'stale');
  const never = live.filter((o) => o.reporting === 'never');
  const revoked = offices.filter((o) => o.keyRevoked);
  const broken = offices.filter((o) => o.lastAuditBreak);
  const total = (key: 'units' | 'equipment' | 'managers') => offices.reduce((n, o) => n + o[key], 0).toLocaleString('zh-CN');
  return (
    <>
      <div className="panel">
        <h2 className="section-title">{t('overview.attention')}</h2>
        {stale.length + never.length + revoked.length + broken.length === 0 ? (
          <p className="muted" data-testid="city-all-fresh">
            {t('city.allFresh', { days: staleDays })}
          </p>
        ) : (
          <ul className="plan-list" data-testid="city-attention">
            {stale.length > 0 && <li className="text-warn">{t('city.attention.stale', { names: join(stale), days: staleDays })}</li>}
            {never.length > 0 && <li className="text-danger">{t('city.attention.never', { names: join(never) })}</li>}
            {revoked.length > 0 && <li className="text-danger">{t('city.attention.revoked', { names: join(revoked) })}</li>}
            {broken.length > 0 && (
              <li className="text-danger" data-testid="city-audit-breaks">
                {t('audit.city.attention', { names: join(broken) })}
                <ul>
                  {broken.map((o) => (
                    <li key={o.nodeId}>
                      {t('audit.city.breakLine', { name: o.nodeName, date: formatDateTime(o.lastAuditBreak!.at), seq: o.lastAuditBreak!.seq, message: o.lastAuditBreak!.message })}
                    </li>
                  ))}
                </ul>
              </li>
            )}
          </ul>
        )}
        <p data-testid="city-totals">{t('city.totals', { offices: offices.length, units: total('units'), equipment: total('equipment'), managers: total('managers') })}</p>
        <div className="result-links">
          <a className="button" href={hrefFor('units')}>
            {t('city.link.units')}
          </a>
          <a className="button" href={hrefFor('equipment')}>
            {t('city.link.equipment')}
          </a>
          <a className="button" href={hrefFor('managers')}>
            {t('city.link.managers')}
          </a>
          <a className="button" href={hrefFor('lists')}>
            {t('city.link.lists')}
          </a>
        </div>
      </div>
      <section className="panel" aria-labelledby="city-offices-title">
        <h2 id="city-offices-title" className="section-title">
          {t('city.offices', { count: offices.length })}
        </h2>
        <CityGrid offices={offices} staleDays={staleDays} />
      </section>
    </>
  );
}
