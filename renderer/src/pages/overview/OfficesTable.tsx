import { useTranslation } from 'react-i18next';
import type { DashboardOffice } from '../../../../electron/api/schemas/dashboard.ts';

const columns = ['units', 'equipmentInUse', 'inspectionOverdue', 'hazardsOpen', 'hazardsOverdue', 'blocks', 'blocksWithProblems', 'demoAccepted'] as const;
const alarming: ReadonlySet<string> = new Set(['inspectionOverdue', 'hazardsOverdue', 'blocksWithProblems']);

/** The bureau's table: one row per district office, the same figures as each office's own overview. */
export function OfficesTable({ offices }: { offices: DashboardOffice[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="overview-offices">
      <h2 id="overview-offices" className="section-title">
        {t('overview.offices')}
      </h2>
      <table className="data-table" data-testid="offices-table">
        <thead>
          <tr>
            <th>{t('overview.office.district')}</th>
            {columns.map((c) => (
              <th key={c}>{t(`overview.office.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {offices.map((o) => (
            <tr key={o.districtId}>
              <td>{o.districtName}</td>
              {columns.map((c) => (
                <td key={c} className={`num${alarming.has(c) && o[c] > 0 ? ' dashboard-alarm' : ''}`}>
                  {o[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
