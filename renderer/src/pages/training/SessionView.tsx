import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee, SessionDetail } from '../../../../electron/api/schemas/training.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { RosterPicker } from './RosterPicker.tsx';
import { SessionDialog } from './SessionDialog.tsx';
import { dates } from './SessionsTab.tsx';

const sourceName = (t: TFunction, source: string) => (source === 'registry' || source === 'import' ? t(`training.roster.sourceName.${source}`) : source);

type Mark = (ids: string[], attendance: Attendee['attendance']) => void;

const columns =
  (mark: Mark | null) =>
  (t: TFunction): ColDef<Attendee>[] => [
    { headerName: t('training.roster.no'), valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1, width: 70, sortable: false },
    { field: 'name', headerName: t('training.roster.name'), flex: 1 },
    { field: 'unitName', headerName: t('training.roster.unit'), flex: 2 },
    { field: 'idNumberMasked', headerName: t('training.roster.idNumber'), flex: 1 },
    { field: 'source', headerName: t('training.roster.source'), width: 110, valueFormatter: (p) => sourceName(t, String(p.value ?? '')) },
    { field: 'attendance', headerName: t('training.roster.attendance'), width: 100, valueFormatter: (p) => t(`training.attendance.${p.value as Attendee['attendance']}`) },
    {
      headerName: '',
      width: 170,
      sortable: false,
      hide: mark === null,
      cellRenderer: (p: { data?: Attendee }) =>
        p.data && mark ? (
          <span className="grid-actions">
            <button type="button" className="button" onClick={() => mark([p.data!.id], 'present')} aria-label={`${t('training.attendance.markPresent')} ${p.data.name}`}>
              {t('training.attendance.markPresent')}
            </button>
            <button type="button" className="button" onClick={() => mark([p.data!.id], 'absent')} aria-label={`${t('training.attendance.markAbsent')} ${p.data.name}`}>
              {t('training.attendance.markAbsent')}
            </button>
          </span>
        ) : null,
    },
  ];

/** One training session: its facts, the roster and attendance, the sign-in sheet. */
export function SessionView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    try {
      setSession(await api.call('training.session', { id }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const own = session !== null && session.originNode === node.id;
  const mark = useCallback<Mark>(
    (attendeeIds, attendance) => {
      api.call('training.setAttendance', { attendeeIds, attendance }).then(
        () => load(),
        (error: unknown) => setStatus({ tone: 'error', text: errorMessage(error) }),
      );
    },
    [load],
  );
  const gridColumns = useMemo(() => columns(own ? mark : null), [own, mark]);

  return (
    <div className="page" data-testid="training-session">
      <div className="page-header">
        <a href={hrefFor('training', { tab: 'sessions' })}>{t('training.back')}</a>
        <h1 className="page-title">{session?.title ?? t('app.loading')}</h1>
      </div>
      <StatusNotice status={status} />
      {session && (
        <>
          <section className="panel">
            <div className="training-facts">
              <span>
                {t('training.session.dates')}：{dates(session.startDate, session.endDate)}
              </span>
              <span>
                {t('training.session.place')}：{session.place ?? '—'}
              </span>
              <span>
                {t('training.session.trainers')}：{session.trainers ?? '—'}
              </span>
              <span>
                {t('training.session.hours')}：{session.hours ?? '—'}
              </span>
              <span data-testid="session-counts">{t('training.session.counts', { attendees: session.attendees, present: session.present })}</span>
            </div>
            {session.content && <p className="muted">{session.content}</p>}
            <div className="training-toolbar">
              {own && (
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  {t('training.session.edit')}
                </button>
              )}
              {own && session.roster.some((a) => a.attendance === 'unknown') && (
                <button type="button" className="button" onClick={() => mark(session.roster.filter((a) => a.attendance === 'unknown').map((a) => a.id), 'present')}>
                  {t('training.attendance.allPresent')}
                </button>
              )}
              <a className="button button-link" href={hrefFor('training-print', { kind: 'signin', id: session.id })}>
                {t('training.session.printSignIn')}
              </a>
            </div>
          </section>
          {own && <RosterPicker sessionId={session.id} onAdded={(text) => void load().then(() => setStatus({ tone: 'ok', text }))} onError={(text) => setStatus({ tone: 'error', text })} />}
          <section className="panel" aria-labelledby="roster-title">
            <h2 id="roster-title" className="section-title">
              {t('training.roster.title')}
            </h2>
            {session.roster.length === 0 ? (
              <p className="muted">{t('training.roster.empty')}</p>
            ) : (
              <LocalGrid rows={session.roster} columns={gridColumns} rowId={(a) => a.id} testId="training-roster" className="grid-medium" />
            )}
          </section>
        </>
      )}
      {editing && session && (
        <SessionDialog
          session={session}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void load();
          }}
        />
      )}
    </div>
  );
}
