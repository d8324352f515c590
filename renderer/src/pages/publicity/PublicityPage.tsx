import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicityActivity, PublicityKind } from '../../../../electron/api/schemas/publicity.ts';
import { publicityKinds } from './kinds.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { PhotoDialog } from './PhotoDialog.tsx';
import { PublicityDialog } from './PublicityDialog.tsx';
import './publicity.css';

type DialogState = { kind: 'none' } | { kind: 'edit'; activity: PublicityActivity | null } | { kind: 'delete'; activity: PublicityActivity } | { kind: 'photo'; attachmentId: string; fileName: string };

/** 宣传与进企业培训: the office's log of activities, newest first; the bureau reads every office's. */
export function PublicityPage() {
  const { t } = useTranslation();
  const { node, districts } = useAppContext();
  const [kind, setKind] = useState<PublicityKind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [districtId, setDistrictId] = useState('');
  const read = useCallback(
    () => api.call('publicity.list', { ...(kind ? { kind } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(districtId ? { districtId } : {}) }),
    [kind, from, to, districtId],
  );
  const list = useLoad(read);
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [status, setStatus] = useState<Status>(null);
  const rows = list.value ?? [];
  const filtered = Boolean(kind || from || to || districtId);
  const canLog = node.role === 'district';

  const remove = async (activity: PublicityActivity) => {
    setDialog({ kind: 'none' });
    try {
      await api.call('publicity.delete', { id: activity.id, version: activity.version });
      setStatus({ tone: 'ok', text: t('publicity.deleted', { title: activity.title }) });
      await list.reload();
    } catch (e) {
      setStatus({ tone: 'error', text: errorMessage(e) });
    }
  };

  return (
    <section className="page" aria-labelledby="publicity-title">
      <div className="page-header">
        <h1 id="publicity-title" className="page-title">
          {t('publicity.title')}
        </h1>
        {canLog && (
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'edit', activity: null })}>
            {t('publicity.add')}
          </button>
        )}
      </div>
      <p className="muted">{t('publicity.intro')}</p>
      <div className="toolbar">
        <label className="toolbar-field">
          <span className="toolbar-label">{t('publicity.filter.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as PublicityKind | '')}>
            <option value="">{t('publicity.filter.all')}</option>
            {publicityKinds.map((k) => (
              <option key={k} value={k}>
                {t(`publicity.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('publicity.filter.from')}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('publicity.filter.to')}</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        {node.role === 'bureau' && (
          <label className="toolbar-field">
            <span className="toolbar-label">{t('publicity.filter.district')}</span>
            <select value={districtId} onChange={(e) => setDistrictId(e.target.value)}>
              <option value="">{t('publicity.filter.allDistricts')}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="toolbar-count" aria-live="polite" data-testid="publicity-total">
          {list.value ? t('publicity.total', { count: rows.length, people: rows.reduce((sum, r) => sum + r.participants, 0) }) : ''}
        </span>
      </div>
      <StatusNotice status={status} />
      {list.error && (
        <div className="notice notice-error" role="alert">
          {list.error}
        </div>
      )}
      {list.value && rows.length === 0 && <p className="muted">{filtered ? t('publicity.emptyFiltered') : t('publicity.empty')}</p>}
      {rows.length > 0 && (
        <table className="list-table" data-testid="publicity-table">
          <thead>
            <tr>
              <th>{t('publicity.column.heldOn')}</th>
              {node.role === 'bureau' && <th>{t('publicity.column.district')}</th>}
              <th>{t('publicity.column.kind')}</th>
              <th>{t('publicity.column.title')}</th>
              <th>{t('publicity.column.place')}</th>
              <th>{t('publicity.column.audience')}</th>
              <th className="num">{t('publicity.column.participants')}</th>
              <th>{t('publicity.column.unit')}</th>
              <th>{t('publicity.column.photos')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} data-testid="publicity-row">
                <td>{a.heldOn}</td>
                {node.role === 'bureau' && <td>{a.districtName}</td>}
                <td>{t(`publicity.kind.${a.kind}`)}</td>
                <td>{a.title}</td>
                <td>{a.place}</td>
                <td>{a.audience}</td>
                <td className="num">{a.participants}</td>
                <td>{a.unitName ?? ''}</td>
                <td>
                  {a.photos.map((p, i) => (
                    <button key={p.attachmentId} type="button" className="button button-link" title={p.fileName} onClick={() => setDialog({ kind: 'photo', attachmentId: p.attachmentId, fileName: p.fileName })}>
                      {i === 0 ? t('publicity.photoCount', { count: a.photos.length }) : `#${i + 1}`}
                    </button>
                  ))}
                </td>
                <td className="publicity-actions">
                  {a.mine ? (
                    <>
                      <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'edit', activity: a })}>
                        {t('publicity.edit')}
                      </button>
                      <button type="button" className="button button-small button-danger" onClick={() => setDialog({ kind: 'delete', activity: a })}>
                        {t('publicity.delete')}
                      </button>
                    </>
                  ) : (
                    <span className="muted">{t('publicity.readOnly', { district: a.districtName })}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog.kind === 'edit' && (
        <PublicityDialog
          activity={dialog.activity}
          onClose={() => setDialog({ kind: 'none' })}
          onSaved={(saved) => {
            setDialog({ kind: 'none' });
            setStatus({ tone: 'ok', text: t('publicity.saved', { title: saved.title }) });
            void list.reload();
          }}
        />
      )}
      {dialog.kind === 'delete' && (
        <ConfirmDialog
          title={t('publicity.confirmDelete.title')}
          question={t('publicity.confirmDelete.question', { title: dialog.activity.title })}
          confirmLabel={t('publicity.confirmDelete.confirm')}
          onCancel={() => setDialog({ kind: 'none' })}
          onConfirm={() => void remove(dialog.activity)}
        />
      )}
      {dialog.kind === 'photo' && <PhotoDialog attachmentId={dialog.attachmentId} fileName={dialog.fileName} onClose={() => setDialog({ kind: 'none' })} />}
    </section>
  );
}
