import { useTranslation } from 'react-i18next';
import type { BlockCalendar, DueActivity } from '../../../../../electron/api/schemas/routine.ts';
import { Badge, type BadgeTone } from '../../../components/Badge.tsx';
import { hrefFor } from '../../../router/hash-router.ts';

const tones: Record<DueActivity['status'], BadgeTone> = { done: 'ok', overdue: 'danger', open: 'muted' };

/** The due activities, newest first: period, activity, due date, status, the records that fulfil it, the units still owing a 自查. */
export function CalendarTable({ calendar }: { calendar: BlockCalendar }) {
  const { t } = useTranslation();
  if (calendar.rules.length === 0) return <p className="muted">{t('routine.calendar.empty')}</p>;
  const rows = [...calendar.activities].reverse();
  return (
    <section className="panel">
      <table className="list-table" data-testid="routine-calendar">
        <thead>
          <tr>
            <th>{t('routine.calendar.period')}</th>
            <th>{t('routine.calendar.kind')}</th>
            <th>{t('routine.calendar.dueOn')}</th>
            <th>{t('routine.calendar.status')}</th>
            <th>{t('routine.calendar.records')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={`${a.ruleId}-${a.periodStart}`} className={a.status === 'overdue' ? 'row-alert' : undefined} data-status={a.status}>
              <td>{a.period}</td>
              <td>{t(`routine.kind.${a.kind}`)}</td>
              <td>{a.dueOn}</td>
              <td>
                <Badge tone={tones[a.status]}>{t(`routine.status.${a.status}`)}</Badge>
              </td>
              <td>
                {a.kind !== 'meeting' &&
                  a.recordIds.map((id, i) => (
                    <a key={id} href={hrefFor('blocks', { check: id })} className="routine-record-link">
                      {t('routine.check.open')}
                      {a.recordIds.length > 1 ? ` ${i + 1}` : ''}
                    </a>
                  ))}
                {a.kind === 'meeting' && a.recordIds.length > 0 && <a href={hrefFor('blocks', { block: calendar.blockId, view: 'meetings' })}>{t('routine.check.open')}</a>}
                {a.unitsDue !== null && (
                  <div className="muted">
                    {t('routine.calendar.unitsDone', { done: a.unitsDue - a.unitsMissing.length, due: a.unitsDue })}
                    {a.unitsMissing.length > 0 && `；${t('routine.calendar.missing', { names: a.unitsMissing.map((u) => u.name).join('、') })}`}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
