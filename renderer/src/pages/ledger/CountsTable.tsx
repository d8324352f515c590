import { useTranslation } from 'react-i18next';
import type { LedgerSummary } from './ledger-fields.ts';

/** 新增 / 更新 / 未变 for units, equipment and managers (what will be, or was, written). */
export function CountsTable({ summary, testId }: { summary: LedgerSummary; testId: string }) {
  const { t } = useTranslation();
  const rows = [
    ['units', summary.units],
    ['equipment', summary.equipment],
    ['managers', summary.managers],
  ] as const;
  return (
    <table className="counts-table" data-testid={testId}>
      <thead>
        <tr>
          <th />
          <th className="num">{t('ledger.counts.inserted')}</th>
          <th className="num">{t('ledger.counts.updated')}</th>
          <th className="num">{t('ledger.counts.unchanged')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([what, c]) => (
          <tr key={what} data-row={what}>
            <th scope="row">{t(`ledger.counts.${what}`)}</th>
            <td className="num" data-col="inserted">
              {c.inserted}
            </td>
            <td className="num" data-col="updated">
              {c.updated}
            </td>
            <td className="num" data-col="unchanged">
              {c.unchanged}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
