import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingSession } from '../../../../electron/api/schemas/training.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { formatDate } from '../../format/time.ts';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { hrefFor, navigate } from '../../router/hash-router.ts';
import { StatusNotice } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { SessionDialog } from './SessionDialog.tsx';

const columns = (t: TFunction): ColDef<TrainingSession>[] => [
  {
    field: 'title',
    headerName: t('training.session.title'),
    flex: 2,
    cellRenderer: (p: { data?: TrainingSession }) => (p.data ? <a href={hrefFor('training', { session: p.data.id })}>{p.data.title}</a> : null),
  },
  { headerName: t('training.session.dates'), valueGetter: (p) => (p.data ? dates(p.data.startDate, p.data.endDate) : ''), flex: 1 },
  { field: 'place', headerName: t('training.session.place'), flex: 1 },
  { field: 'trainers', headerName: t('training.session.trainers'), flex: 1 },
  { field: 'hours', headerName: t('training.session.hours'), width: 90 },
  { field: 'attendees', headerName: t('training.session.attendees'), width: 100 },
  { field: 'present', headerName: t('training.session.present'), width: 100 },
];

const readSessions = () => api.call('training.sessions', {});

export function dates(start: string, end: string | null): string {
  return end && end !== start ? `${formatDate(start)} 至 ${formatDate(end)}` : formatDate(start);
}

/** 培训班: every session this node knows, newest first; a new one opens its roster. */
export function SessionsTab() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const { value: sessions, error } = useLoad(readSessions);
  const [creating, setCreating] = useState(false);

  return (
    <section aria-label={t('training.tab.sessions')}>
      <div className="training-toolbar">
        {node.role !== 'bureau' && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('training.session.create')}
          </button>
        )}
      </div>
      <StatusNotice status={error ? { tone: 'error', text: error } : null} />
      {sessions && sessions.length === 0 && <p className="muted">{t('training.session.empty')}</p>}
      {sessions && sessions.length > 0 && <LocalGrid rows={sessions} columns={columns} rowId={(s) => s.id} testId="training-sessions" />}
      {creating && <SessionDialog onClose={() => setCreating(false)} onSaved={(id) => navigate('training', { session: id })} />}
    </section>
  );
}
