import { useTranslation } from 'react-i18next';
import type { TwoLists } from '../../../../electron/api/schemas/lists.ts';
import { Badge } from '../../components/Badge.tsx';
import { RiskBadge } from '../risk/RiskBadge.tsx';

type ListedUnit = TwoLists['units'][number];
type ListedManager = TwoLists['managers'][number];

/** 电梯 12、起重机械 8: a unit's counted pieces by kind, largest first. */
export function kindBreakdown(unit: ListedUnit, kindNames: ReadonlyMap<string, string>): string {
  return Object.entries(unit.countsByKind)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${kindNames.get(code) ?? code} ${n}`)
    .join('、');
}

export function kindNameMap(lists: TwoLists): Map<string, string> {
  return new Map(lists.countsByKind.map((k) => [k.kindCode, k.kindName]));
}

/** 清单一: units at or over the threshold; a unit without a valid A-certificate manager is marked. */
export function UnitsListTable({ lists, units, print = false }: { lists: TwoLists; units: readonly ListedUnit[]; print?: boolean }) {
  const { t } = useTranslation();
  const kinds = kindNameMap(lists);
  return (
    <table className="list-table" data-testid="list1-table">
      <thead>
        <tr>
          <th className="num">{t('lists.col.index')}</th>
          <th>{t('lists.col.unitName')}</th>
          <th>{t('lists.col.uscc')}</th>
          <th>{t('lists.col.address')}</th>
          <th className="num">{t('lists.col.count')}</th>
          <th>{t('lists.col.byKind')}</th>
          <th>{t('lists.col.safetyBody')}</th>
          <th className="num">{t('lists.col.managers')}</th>
          <th>{t('risk.column.riskLevel')}</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u, i) => {
          const missing = u.managerCount === 0;
          return (
            <tr key={u.unitId} className={missing ? 'row-alert' : undefined} data-missing-manager={missing || undefined}>
              <td className="num">{i + 1}</td>
              <td>{u.name}</td>
              <td className="mono">{u.uscc}</td>
              <td>{u.address ?? ''}</td>
              <td className="num">{u.count}</td>
              <td>{kindBreakdown(u, kinds)}</td>
              <td>{u.needsSafetyBody ? (print ? t('lists.safetyBodyRequired') : <Badge tone="warn">{t('lists.safetyBodyRequired')}</Badge>) : ''}</td>
              <td className="num">
                {missing ? print ? t('lists.noManager') : <Badge tone="danger">{t('lists.noManager')}</Badge> : u.managerCount}
              </td>
              <td data-testid="list1-risk">{print ? (u.riskLevel ? t(`risk.level.${u.riskLevel}`) : '') : <RiskBadge level={u.riskLevel} score={u.riskScore} />}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr className="print-total" data-testid="list1-total">
          <th />
          <th>{t('lists.total')}</th>
          <td colSpan={2}>{t('lists.totalUnits', { count: units.length })}</td>
          <td className="num">{units.reduce((n, u) => n + u.count, 0)}</td>
          <td>{kindTotals(units, kinds)}</td>
          <td>{t('lists.totalSafetyBodies', { count: units.filter((u) => u.needsSafetyBody).length })}</td>
          <td className="num">
            {units.reduce((n, u) => n + u.managerCount, 0)}
            {units.some((u) => u.managerCount === 0) && `（${t('lists.totalNoManager', { count: units.filter((u) => u.managerCount === 0).length })}）`}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** The 合计 of the by-kind column: each kind's pieces over the listed units, largest first. */
function kindTotals(units: readonly ListedUnit[], kindNames: ReadonlyMap<string, string>): string {
  const totals = new Map<string, number>();
  for (const u of units) for (const [code, n] of Object.entries(u.countsByKind)) totals.set(code, (totals.get(code) ?? 0) + n);
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${kindNames.get(code) ?? code} ${n}`)
    .join('、');
}

/** 清单二: valid A-certificate managers of the listed units; ID numbers and phones come masked from the core. */
export function ManagersListTable({ managers }: { managers: readonly ListedManager[] }) {
  const { t } = useTranslation();
  return (
    <table className="list-table" data-testid="list2-table">
      <thead>
        <tr>
          <th className="num">{t('lists.col.index')}</th>
          <th>{t('lists.col.personName')}</th>
          <th>{t('lists.col.unitName')}</th>
          <th>{t('lists.col.idNumber')}</th>
          <th>{t('lists.col.itemCode')}</th>
          <th>{t('lists.col.certificateNo')}</th>
          <th>{t('lists.col.issuedDate')}</th>
          <th>{t('lists.col.expiryDate')}</th>
          <th>{t('lists.col.phone')}</th>
        </tr>
      </thead>
      <tbody>
        {managers.map((m, i) => (
          <tr key={m.managerId}>
            <td className="num">{i + 1}</td>
            <td>{m.name}</td>
            <td>{m.unitName}</td>
            <td className="mono">{m.idNumberMasked ?? ''}</td>
            <td>{m.itemCode}</td>
            <td className="mono">{m.certificateNo ?? ''}</td>
            <td>{m.issuedDate ?? ''}</td>
            <td>{m.expiryDate ?? ''}</td>
            <td className="mono">{m.phoneMasked ?? ''}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="print-total" data-testid="list2-total">
          <th />
          <th>{t('lists.total')}</th>
          <td colSpan={7}>
            {t('lists.totalManagers', { count: managers.length })}（{t('lists.totalUnits', { count: new Set(managers.map((m) => `${m.uscc} ${m.unitName}`)).size })}）
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
