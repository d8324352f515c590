import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorWork, SupervisorWorkOutput } from '../../../../../electron/api/schemas/chain-work.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { Badge } from '../../../components/Badge.tsx';
import { StatusNotice, type Status } from '../../../components/StatusNotice.tsx';
import { SupervisorLogDialog } from './SupervisorLogDialog.tsx';

/** 安全监督员工作情况: each supervisor's work counted, the last day they did something, active or not; their log. */
export function SupervisorsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [work, setWork] = useState<SupervisorWorkOutput | null>(null);
  const [days, setDays] = useState('');
  const [open, setOpen] = useState<SupervisorWork | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const load = useCallback(async () => {
    try {
      const output = await api.call('chain.supervisorWork', {});
      setWork(output);
      setDays(String(output.activeDays));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const saveDays = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await api.call('chain.updateWorkSettings', { activeDays: Number(days) });
      setStatus({ tone: 'ok', text: t('chainWork.supervisors.settingsSaved', { days: saved.activeDays }) });
      void load();
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  return (
    <section className="panel" aria-labelledby="supervisors-title" data-testid="chain-supervisors">
      <div className="panel-head">
        <h2 id="supervisors-title" className="section-title">
          {t('chainWork.supervisors.title')}
        </h2>
        {canEdit && (
          <form className="toolbar" onSubmit={saveDays} aria-label={t('chainWork.supervisors.settings')}>
            <label>
              {t('chainWork.supervisors.activeDays')}{' '}
              <input type="number" min={7} max={730} value={days} onChange={(e) => setDays(e.target.value)} style={{ width: '5em' }} />
            </label>
            <button type="submit" className="button">
              {t('common.save')}
            </button>
          </form>
        )}
      </div>
      {work && <p className="muted">{t('chainWork.supervisors.intro', { days: work.activeDays, since: work.activeSince })}</p>}
      <StatusNotice status={status} />
      {work && work.supervisors.length === 0 && <p className="muted">{t('chainWork.supervisors.empty')}</p>}
      {work && work.supervisors.length > 0 && (
        <table className="list-table" data-testid="supervisor-work">
          <thead>
            <tr>
              {(['name', 'unit', 'blocks', 'certificate', 'lastActiveOn', 'counts', 'status', 'actions'] as const).map((c) => (
                <th key={c}>{t(`chainWork.supervisors.col.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {work.supervisors.map((s) => (
              <tr key={s.managerId} data-supervisor={s.name} data-active={s.active ? 'yes' : 'no'}>
                <td>{s.name}</td>
                <td>{s.unitName}</td>
                <td>{s.blockNames.join('、') || '—'}</td>
                <td className="mono">{s.certificate ? `${s.certificate.certificateNo}（${s.certificate.validUntil}）` : t('chainWork.supervisors.certificateNone')}</td>
                <td>{s.lastActiveOn ?? t('chainWork.supervisors.never')}</td>
                <td>{t('chainWork.supervisors.counts', s.counts)}</td>
                <td>
                  <Badge tone={s.active ? 'ok' : 'warn'}>{t(s.active ? 'chainWork.supervisors.active' : 'chainWork.supervisors.inactive')}</Badge>
                </td>
                <td>
                  <button type="button" className="button" onClick={() => setOpen(s)} aria-label={`${t('chainWork.supervisors.log')}：${s.name}`}>
                    {t('chainWork.supervisors.log')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <SupervisorLogDialog supervisor={open} canEdit={canEdit} onClose={() => setOpen(null)} onChanged={() => void load()} />}
    </section>
  );
}
