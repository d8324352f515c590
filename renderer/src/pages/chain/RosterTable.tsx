import { useTranslation } from 'react-i18next';
import type { RosterBlock } from '../../../../electron/api/schemas/blocks.ts';

const certificateTone = { valid: '', expiring: 'text-warn', expired: 'text-danger', unknown: 'text-warn', 'not-a': 'muted' } as const;

/**
 * One block's member units and their safety managers, supervisors marked. ID numbers are
 * masked; phones too, except on the 工作联系表 (the roster read with contactSheet), whose
 * purpose is to call them. Ends with the 合计 of units and managers.
 */
export function RosterTable({ block }: { block: RosterBlock }) {
  const { t } = useTranslation();
  return (
    <table className="list-table roster-table">
      <thead>
        <tr>
          <th>{t('chain.col.unit')}</th>
          <th>{t('chain.col.manager')}</th>
          <th>{t('chain.col.idNumber')}</th>
          <th>{t('chain.col.certificateNo')}</th>
          <th>{t('chain.col.expiryDate')}</th>
          <th>{t('chain.col.certificate')}</th>
          <th>{t('chain.col.phone')}</th>
        </tr>
      </thead>
      <tbody>
        {block.units.flatMap((unit) => {
          const rows = unit.managers.length > 0 ? unit.managers : [null];
          return rows.map((m, i) => (
            <tr key={`${unit.unitId}-${m?.managerId ?? 'none'}`} className={unit.managers.every((x) => x.certificate !== 'valid' && x.certificate !== 'expiring') ? 'row-alert' : undefined}>
              {i === 0 && (
                <td rowSpan={rows.length}>
                  {unit.isLead && <span className="lead-star">★</span>}
                  {unit.name}
                  {unit.isLead && <span className="muted">（{t('chain.lead')}）</span>}
                </td>
              )}
              {m ? (
                <>
                  <td>
                    {m.name}
                    {m.isSupervisor && <span className="tag tag-info roster-tag">{t('chain.supervisor')}</span>}
                  </td>
                  <td className="mono">{m.idNumberMasked}</td>
                  <td className="mono">{m.certificateNo}</td>
                  <td className="nowrap">{m.expiryDate}</td>
                  <td className={certificateTone[m.certificate]}>{t(`chain.certificate.${m.certificate}`)}</td>
                  <td className="mono">{m.phone ?? m.phoneMasked}</td>
                </>
              ) : (
                <td colSpan={6} className="text-danger">
                  {t('chain.noManagers')}
                </td>
              )}
            </tr>
          ));
        })}
      </tbody>
      <tfoot>
        <tr className="print-total" data-testid="roster-total">
          <th>{t('chain.total')}</th>
          <td colSpan={6}>
            {t('chain.totalLine', {
              units: block.units.length,
              managers: block.units.reduce((n, u) => n + u.managers.length, 0),
              supervisors: block.supervisors.length,
            })}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
