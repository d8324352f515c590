import { useTranslation } from 'react-i18next';
import type { RecordItem } from '../../../../electron/api/schemas/inspections.ts';

/** One item of a checklist as it was answered on a visit or a block check. */
type AnsweredItem = Pick<RecordItem, 'code' | 'text' | 'result' | 'note'>;

/** The answered checklist, item by item, 不符合 rows marked: the same table on an inspection record and a 自查 / 互查. */
export function ChecklistResults({ items, testId }: { items: readonly AnsweredItem[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="list-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('inspections.checklist.code')}</th>
          <th>{t('inspections.checklist.text')}</th>
          <th>{t('inspections.print.result')}</th>
          <th>{t('inspections.record.note')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.code} className={i.result === 'problem' ? 'row-alert' : undefined}>
            <td>{i.code}</td>
            <td>{i.text}</td>
            <td>{t(`inspections.result.${i.result ?? 'none'}`)}</td>
            <td>{i.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
