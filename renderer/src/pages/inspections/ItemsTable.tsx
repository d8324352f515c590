import { useTranslation } from 'react-i18next';
import type { RecordItem } from '../../../../electron/api/schemas/inspections.ts';

const results = ['ok', 'problem', 'na'] as const;

/** The checklist's items with a result each (符合 / 不符合 / 不适用) and a note; one button fills the rest as 符合. */
export function ItemsTable({ items, onChange }: { items: RecordItem[]; onChange: (items: RecordItem[]) => void }) {
  const { t } = useTranslation();
  const set = (code: string, change: Partial<RecordItem>) => onChange(items.map((i) => (i.code === code ? { ...i, ...change } : i)));
  const done = items.filter((i) => i.result !== null).length;
  return (
    <div className="insp-items">
      <div className="insp-toolbar">
        <button type="button" className="button" onClick={() => onChange(items.map((i) => (i.result === null ? { ...i, result: 'ok' } : i)))}>
          {t('inspections.record.allOk')}
        </button>
        <span className="muted" data-testid="items-progress">
          {t('inspections.record.progress', { done, total: items.length })}
        </span>
      </div>
      <table className="list-table insp-items-table" data-testid="record-items">
        <thead>
          <tr>
            <th>{t('inspections.checklist.code')}</th>
            <th>{t('inspections.checklist.text')}</th>
            <th>{t('inspections.print.result')}</th>
            <th>{t('inspections.record.note')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code} data-testid={`item-${item.code}`} className={item.result === 'problem' ? 'row-alert' : undefined}>
              <td>{item.code}</td>
              <td>
                {item.text}
                {item.basis && <div className="muted insp-basis">{item.basis}</div>}
              </td>
              <td className="insp-results">
                {results.map((r) => (
                  <label key={r} className="checkbox-inline">
                    <input
                      type="radio"
                      name={`result-${item.code}`}
                      checked={item.result === r}
                      onChange={() => set(item.code, { result: r })}
                      aria-label={t('inspections.record.resultFor', { code: item.code, result: t(`inspections.result.${r}`) })}
                    />
                    {t(`inspections.result.${r}`)}
                  </label>
                ))}
              </td>
              <td>
                <input type="text" value={item.note ?? ''} onChange={(e) => set(item.code, { note: e.target.value || null })} aria-label={t('inspections.record.noteFor', { code: item.code })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
