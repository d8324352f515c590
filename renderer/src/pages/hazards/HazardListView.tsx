import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HazardLevel, HazardState, HazardStats, HazardSummary } from '../../../../electron/api/schemas/hazards.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Badge } from '../../components/Badge.tsx';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { formatDate } from '../../format/time.ts';
import { hrefFor, navigate, useRouteParams } from '../../router/hash-router.ts';
import { HazardDialog } from './HazardDialog.tsx';
import { HazardLevelBadge, HazardStateBadge } from './HazardStateBadge.tsx';
import { HazardStatsPanel } from './HazardStatsPanel.tsx';

const states: HazardState[] = ['found', 'ordered', 'rectifying', 'submitted', 'reviewing', 'closed', 'archived'];
const OPEN = 'open';
const NO_BLOCK = 'none';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; rows: HazardSummary[]; stats: HazardStats };

/** Open hazards first, overdue at the top (the core's order), with filters from the route (links from the overview and the stats). */
export function HazardListView() {
  const { t } = useTranslation();
  const { node, districts } = useAppContext();
  const params = useRouteParams();
  const canEdit = node.role === 'district' && Boolean(node.districtId);
  const [stateFilter, setStateFilter] = useState(params.get('state') ?? OPEN);
  const [level, setLevel] = useState(params.get('level') ?? '');
  const [block, setBlock] = useState(params.get('block') ?? '');
  const [overdue, setOverdue] = useState(params.get('overdue') === '1');
  // the bureau reads every office's hazards: one office at a time if it likes
  const [district, setDistrict] = useState(params.get('district') ?? '');
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const load = useCallback(async () => {
    try {
      const filter = {
        ...(stateFilter === OPEN ? { open: true } : stateFilter ? { state: stateFilter as HazardState } : {}),
        ...(level ? { level: level as HazardLevel } : {}),
        ...(block && block !== NO_BLOCK ? { blockId: block } : {}),
        ...(overdue ? { overdue: true } : {}),
        ...(district ? { districtId: district } : {}),
      };
      const [rows, stats] = await Promise.all([api.call('hazards.list', filter), api.call('hazards.stats', district ? { districtId: district } : {})]);
      setLoaded({ kind: 'ready', rows: block === NO_BLOCK ? rows.filter((r) => !r.blockId) : rows, stats });
    } catch (error) {
      setLoaded({ kind: 'failed', message: errorMessage(error) });
    }
  }, [stateFilter, level, block, overdue, district]);

  useEffect(() => {
    void load();
  }, [load]);

  const escalate = async () => {
    setConfirming(false);
    try {
      const { escalated } = await api.call('hazards.escalateOverdue', {});
      setStatus({ tone: 'ok', text: escalated.length ? t('hazards.escalated', { count: escalated.length }) : t('hazards.escalatedNone') });
      await load();
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  const blocks = loaded.kind === 'ready' ? loaded.stats.byBlock : [];
  const districtNames = new Map(districts.map((d) => [d.id, d.name]));
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('hazards.title')}</h1>
        {canEdit && (
          <div className="hz-actions">
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              {t('hazards.escalate')}
            </button>
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t('hazards.create')}
            </button>
          </div>
        )}
      </div>
      <p className="muted">{t('hazards.intro')}</p>
      {!canEdit && <div className="notice notice-info">{t('hazards.readOnly')}</div>}
      <StatusNotice status={status} />
      {loaded.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          {loaded.message}
        </div>
      )}
      {loaded.kind === 'ready' && <HazardStatsPanel stats={loaded.stats} />}
      <div className="hz-filters" role="group" aria-label={t('hazards.filter.label')}>
        {node.role === 'bureau' && (
          <label>
            {t('hazards.filter.district')}{' '}
            <select aria-label={t('hazards.filter.district')} value={district} onChange={(e) => setDistrict(e.target.value)}>
              <option value="">{t('hazards.filter.all')}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('hazards.filter.state')}{' '}
          <select aria-label={t('hazards.filter.state')} value={stateFilter} onChange={(e) => setStateFilter(e.target.value)}>
            <option value={OPEN}>{t('hazards.filter.openOnly')}</option>
            <option value="">{t('hazards.filter.all')}</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {t(`hazards.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hazards.filter.level')}{' '}
          <select aria-label={t('hazards.filter.level')} value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">{t('hazards.filter.all')}</option>
            <option value="general">{t('hazards.level.general')}</option>
            <option value="major">{t('hazards.level.major')}</option>
          </select>
        </label>
        <label>
          {t('hazards.filter.block')}{' '}
          <select aria-label={t('hazards.filter.block')} value={block} onChange={(e) => setBlock(e.target.value)}>
            <option value="">{t('hazards.filter.all')}</option>
            {blocks.map((b) => (
              <option key={b.blockId ?? NO_BLOCK} value={b.blockId ?? NO_BLOCK}>
                {b.blockName ?? t('hazards.filter.noBlock')}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox-inline">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {t('hazards.filter.overdue')}
        </label>
      </div>
      {loaded.kind === 'loading' && <div className="muted">{t('app.loading')}</div>}
      {loaded.kind === 'ready' &&
        (loaded.rows.length === 0 ? (
          <p className="muted">{t('hazards.empty')}</p>
        ) : (
          <table className="data-table" data-testid="hazard-list">
            <thead>
              <tr>
                {node.role === 'bureau' && <th>{t('hazards.filter.district')}</th>}
                <th>{t('hazards.column.number')}</th>
                <th>{t('hazards.column.unit')}</th>
                <th>{t('hazards.column.description')}</th>
                <th>{t('hazards.column.level')}</th>
                <th>{t('hazards.column.state')}</th>
                <th>{t('hazards.column.deadline')}</th>
                <th>{t('hazards.column.failCount')}</th>
                <th>{t('hazards.column.block')}</th>
                <th>{t('hazards.column.foundOn')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.rows.map((h) => (
                <tr key={h.id} className={h.overdue ? 'hz-overdue' : undefined}>
                  {node.role === 'bureau' && <td>{districtNames.get(h.districtId) ?? h.districtId}</td>}
                  <td className="mono nowrap">{h.number ?? ''}</td>
                  <td>{h.unitName}</td>
                  <td>
                    <a href={hrefFor('hazards', { id: h.id })}>{h.description}</a>
                  </td>
                  <td>
                    <HazardLevelBadge level={h.level} />
                  </td>
                  <td>
                    <HazardStateBadge state={h.state} /> {h.escalated && <Badge tone="danger">{t('hazards.escalatedBadge')}</Badge>}
                  </td>
                  <td>
                    {formatDate(h.deadline)} {h.overdue && <Badge tone="danger">{t('hazards.overdueDays', { days: h.daysOverdue })}</Badge>}
                  </td>
                  <td className="num">{h.failCount > 0 ? t('hazards.failures', { count: h.failCount }) : ''}</td>
                  <td>{h.blockName ?? ''}</td>
                  <td>{formatDate(h.foundOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {creating && <HazardDialog onClose={() => setCreating(false)} onSaved={(detail) => navigate('hazards', { id: detail.id })} />}
      {confirming && <ConfirmDialog title={t('hazards.escalate')} question={t('hazards.escalateConfirm')} onCancel={() => setConfirming(false)} onConfirm={() => void escalate()} />}
    </div>
  );
}
