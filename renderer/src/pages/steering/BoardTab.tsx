import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeState, Progress, ProgressRow } from '../../../../electron/api/schemas/steering.ts';
import { api } from '../../api/client.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate } from '../../format/time.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { StateBadge } from '../acceptance/StateBadge.tsx';
import { TargetDialog } from './TargetDialog.tsx';

const officeTones: Record<OfficeState, BadgeTone> = { unenrolled: 'danger', silent: 'warn', reporting: 'ok', revoked: 'danger' };

function OfficeCell({ row }: { row: ProgressRow }) {
  const { t } = useTranslation();
  const { state, lastImportedAt } = row.office;
  const hint = state === 'unenrolled' ? t('steering.board.unenrolledHint') : state === 'silent' ? t('steering.board.silentHint') : row.office.nodes.map((n) => n.nodeName).join('、');
  return (
    <>
      <Badge tone={officeTones[state]} title={hint}>
        {t(`steering.board.state.${state}`)}
      </Badge>
      {lastImportedAt && <div className="muted steering-small">{t('steering.board.lastImported', { date: formatDate(lastImportedAt) })}</div>}
    </>
  );
}

function PilotCell({ row }: { row: ProgressRow }) {
  const { t } = useTranslation();
  if (!row.pilot) return <span className="muted">{t('steering.board.noPilot')}</span>;
  const name = row.pilot.fileId ? <a href={hrefFor('acceptance', { id: row.pilot.fileId })}>{row.pilot.unitName}</a> : row.pilot.unitName;
  return (
    <>
      {name}
      {row.pilot.fromFile && <span className="muted steering-small">{t('steering.board.fromFile')}</span>}{' '}
      {row.pilot.state ? <StateBadge state={row.pilot.state} /> : <Badge tone="muted">{t('steering.board.noFile')}</Badge>}
      {row.pilot.plaqueNo && <div className="muted steering-small">{row.pilot.plaqueNo}</div>}
    </>
  );
}

function Against({ done, target, enrolled }: { done: number; target: number | null; enrolled: boolean }) {
  const { t } = useTranslation();
  if (target === null) return <span className="muted">{t('steering.board.noTarget')}</span>;
  // a district not yet enrolled has sent nothing: its shortfall is not news
  const tone: BadgeTone = !enrolled ? 'muted' : done >= target ? 'ok' : done > 0 ? 'warn' : 'danger';
  return <Badge tone={tone}>{t('steering.board.count', { done, target })}</Badge>;
}

/** Every district of the list: its office's reporting, the pilot unit, rollout and supervisors against the targets. */
export function BoardTab() {
  const { t } = useTranslation();
  const read = useCallback(() => api.call('steering.progress', {}), []);
  const { value, error, reload } = useLoad<Progress>(read);
  const [editing, setEditing] = useState<ProgressRow | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  if (error) return <div className="notice notice-error" role="alert">{error}</div>;
  if (!value) return <div className="muted">{t('app.loading')}</div>;
  const rows = value.rows;
  const summary = t('steering.board.summary', {
    total: rows.length,
    enrolled: rows.filter((r) => r.office.state !== 'unenrolled').length,
    reporting: rows.filter((r) => r.office.state === 'reporting').length,
    pilots: rows.filter((r) => r.pilot?.plaqueNo).length,
    rollout: rows.reduce((n, r) => n + r.rollout.accepted, 0),
  });
  return (
    <section className="panel" aria-labelledby="steering-board-title">
      <h2 id="steering-board-title" className="section-title">
        {t('steering.tab.board')} <span className="muted steering-small">{t('steering.board.asOf', { date: value.asOf })}</span>
      </h2>
      <p data-testid="steering-board-summary">{summary}</p>
      {status && (
        <div className="notice notice-ok" role="status">
          {status}
        </div>
      )}
      <div className="steering-scroll">
        <table className="data-table steering-table" data-testid="steering-board">
          <thead>
            <tr>
              <th>{t('steering.board.district')}</th>
              <th>{t('steering.board.office')}</th>
              <th>{t('steering.board.pilot')}</th>
              <th>{t('steering.board.rollout')}</th>
              <th>{t('steering.board.supervisors')}</th>
              <th>{t('steering.board.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.districtId} data-district={r.districtName}>
                <th scope="row">
                  {r.districtName} {r.pilotDistrict && <Badge tone="info">{t('steering.board.pilotDistrict')}</Badge>}
                </th>
                <td data-col="office">
                  <OfficeCell row={r} />
                </td>
                <td data-col="pilot">
                  <PilotCell row={r} />
                </td>
                <td data-col="rollout">
                  <Against done={r.rollout.accepted} target={r.rollout.target} enrolled={r.office.state !== 'unenrolled'} />
                  {r.rollout.inProgress > 0 && <div className="muted steering-small">{t('steering.board.inProgress', { count: r.rollout.inProgress })}</div>}
                </td>
                <td data-col="supervisors">
                  <Against done={r.supervisors.trained} target={r.supervisors.target} enrolled={r.office.state !== 'unenrolled'} />
                </td>
                <td>
                  <button type="button" className="button" onClick={() => setEditing(r)} aria-label={`${t('steering.board.setTarget')}：${r.districtName}`}>
                    {t('steering.board.setTarget')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <TargetDialog
          districtId={editing.districtId}
          districtName={editing.districtName}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setStatus(t('steering.target.saved', { district: editing.districtName }));
            await reload();
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}
