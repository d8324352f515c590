import { useTranslation } from 'react-i18next';
import type { FigureRow } from '../../../../electron/api/schemas/summaries.ts';

/** 一、工作开展情况 as a table: the rows the core worded, sections spanning their lines. */
export function FiguresTable({ rows, className = 'sum-table' }: { rows: readonly FigureRow[]; className?: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('summaries.figures.none')}</p>;
  const span = new Map<number, number>();
  rows.forEach((r, i) => {
    if (i > 0 && rows[i - 1]!.section === r.section) return;
    let n = 1;
    while (rows[i + n]?.section === r.section) n++;
    span.set(i, n);
  });
  return (
    <table className={className} data-testid="summary-figures">
      <thead>
        <tr>
          <th style={{ width: '20%' }}>{t('summaries.figures.section')}</th>
          <th>{t('summaries.figures.item')}</th>
          <th style={{ width: '14%' }}>{t('summaries.figures.value')}</th>
          <th style={{ width: '30%' }}>{t('summaries.figures.note')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.key} data-key={r.key}>
            {span.has(i) && <th rowSpan={span.get(i)}>{r.section}</th>}
            <td>{r.label}</td>
            <td className="num">{r.value}</td>
            <td>{r.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
