import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../components/useLoad.ts';
import { formatDateTime } from '../../format/time.ts';
import { tableLabel } from '../bundles/bundle-format.ts';

const PAGE_ROWS = 50;
const localTables = ['bundles_sent', 'bundles_received', 'node_identity', 'node_keys', 'trusted_keys', 'settings'] as const;
const isLocalTable = (name: string): name is (typeof localTables)[number] => (localTables as readonly string[]).includes(name);

/** The newest entries, a page at a time: sequence number, time, 经办人, call and table. */
export function AuditEntriesTable() {
  const { t } = useTranslation();
  const [start, setStart] = useState(0);
  const { value: page, error } = useCall('audit.list', { startRow: start, endRow: start + PAGE_ROWS });

  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        {error}
      </div>
    );
  }
  if (!page) return <div className="muted">{t('app.loading')}</div>;
  if (page.total === 0) return <p className="muted">{t('audit.empty')}</p>;
  const to = Math.min(start + page.rows.length, page.total);
  return (
    <>
      <table className="data-table" data-testid="audit-entries">
        <thead>
          <tr>
            <th>{t('audit.column.seq')}</th>
            <th>{t('audit.column.at')}</th>
            <th>{t('audit.column.actor')}</th>
            <th>{t('audit.column.call')}</th>
            <th>{t('audit.column.table')}</th>
            <th>{t('audit.column.rows')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr key={r.seq}>
              <td className="num">{r.seq}</td>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.actor}</td>
              <td title={r.call}>{r.callLabel}</td>
              <td>{isLocalTable(r.tableName) ? t(`audit.table.${r.tableName}`) : tableLabel(t, r.tableName)}</td>
              <td className="num">{r.rows}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="result-links">
        <span className="muted">{t('audit.range', { from: start + 1, to, total: page.total })}</span>{' '}
        <button type="button" className="button" disabled={start === 0} onClick={() => setStart(Math.max(0, start - PAGE_ROWS))}>
          {t('audit.previous')}
        </button>{' '}
        <button type="button" className="button" disabled={to >= page.total} onClick={() => setStart(start + PAGE_ROWS)}>
          {t('audit.next')}
        </button>
      </p>
    </>
  );
}
