import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../../../electron/api/schemas/inspections.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Badge } from '../../components/Badge.tsx';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { ChecklistDialog } from './ChecklistDialog.tsx';
import { kindName } from './labels.ts';

/** 检查表: the shipped lists and the office's own versions; the office saves a new version of the newest one, or a list of its own. */
export function ChecklistsTab() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const read = useCallback(() => api.call('inspections.checklists', {}), []);
  const { value: lists, error, reload } = useLoad(read);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ base: Checklist | null } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const key = (l: Checklist) => `${l.source}:${l.originNode ?? ''}:${l.key}@${l.version}`;
  const shown = lists?.find((l) => key(l) === selected) ?? null;
  const office = node.role === 'district';

  return (
    <section aria-label={t('inspections.tab.checklists')} className="insp-stack">
      <StatusNotice status={error ? { tone: 'error', text: error } : status} />
      {office && (
        <div className="insp-toolbar">
          <button type="button" className="button" onClick={() => setEditing({ base: null })}>
            {t('inspections.checklist.newList')}
          </button>
        </div>
      )}
      {lists && (
        <table className="list-table" data-testid="checklists">
          <thead>
            <tr>
              <th>{t('inspections.checklist.name')}</th>
              <th>{t('inspections.checklist.kind')}</th>
              <th>{t('inspections.checklist.version')}</th>
              <th>{t('inspections.checklist.source')}</th>
              <th>{t('inspections.checklist.items')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={key(l)} aria-selected={key(l) === selected}>
                <td>
                  <button type="button" className="insp-link" onClick={() => setSelected(key(l))}>
                    {l.name}
                  </button>
                </td>
                <td>{l.equipmentKind ? kindName(t, l.equipmentKind) : t('inspections.checklist.allKinds')}</td>
                <td>
                  {l.version} {l.latest && <Badge tone="ok">{t('inspections.checklist.latest')}</Badge>}
                </td>
                <td>{l.source === 'shipped' ? t('inspections.checklist.shipped') : t('inspections.checklist.own')}</td>
                <td className="num">{l.items.length}</td>
                <td>
                  {office && l.latest && (l.source === 'shipped' || l.originNode === node.id) && (
                    <button type="button" className="button" onClick={() => setEditing({ base: l })} aria-label={`${t('inspections.checklist.newVersion')} ${l.name}`}>
                      {t('inspections.checklist.newVersion')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown ? (
        <section className="panel" aria-labelledby="checklist-items">
          <h2 id="checklist-items" className="section-title">
            {t('inspections.checklist.option', { name: shown.name, version: shown.version, source: '' })}
          </h2>
          <table className="list-table">
            <thead>
              <tr>
                <th>{t('inspections.checklist.code')}</th>
                <th>{t('inspections.checklist.text')}</th>
                <th>{t('inspections.checklist.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.items.map((i) => (
                <tr key={i.code}>
                  <td>{i.code}</td>
                  <td>{i.text}</td>
                  <td className="muted">{i.basis ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <p className="muted">{t('inspections.checklist.pick')}</p>
      )}
      {editing && (
        <ChecklistDialog
          base={editing.base}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setStatus({ tone: 'ok', text: t('inspections.checklist.saved', { name: saved.name, version: saved.version }) });
            void reload().then(() => setSelected(key(saved)));
          }}
        />
      )}
    </section>
  );
}
